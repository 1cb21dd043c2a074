package io.github.upgraderequired.e2e;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.springframework.lang.Nullable;

/**
 * A version number made for the property-based tests, and versions made greater or
 * smaller than it <em>by construction</em>: a segment raised or lowered with the segments
 * before it kept, a segment appended, a pre-release dropped or added. So the tests know
 * the order of two versions without comparing them the way the code under test does.
 * <p>
 * Versions stay within what the starter documents it parses (at most 8 numeric segments
 * of at most 18 digits, 64 characters); values beyond that are unparsable by definition
 * and have their own property.
 *
 * @param numbers the numeric segments
 * @param preRelease the pre-release identifiers after {@code -}, or {@code null}
 * @param prefixed whether the text starts with {@code v}
 * @param build build metadata after {@code +}, or {@code null}
 */
record GeneratedVersion(long[] numbers, @Nullable String preRelease, boolean prefixed, @Nullable String build) {

	static final long LARGEST_SEGMENT = 999_999_999_999_999_999L;

	private static final int MAX_SEGMENTS = 8;

	private static final int MAX_LENGTH = 64;

	private static final Gen<String> PRE_RELEASES = makePreReleases();

	private static final Gen<String> BUILDS = makeBuilds();

	static GeneratedVersion of(long... numbers) {
		return new GeneratedVersion(numbers, null, false, null);
	}

	String text() {
		StringBuilder text = new StringBuilder(this.prefixed ? "v" : "");
		text.append(LongStream.of(this.numbers).mapToObj(Long::toString).collect(Collectors.joining(".")));
		if (this.preRelease != null) {
			text.append('-').append(this.preRelease);
		}
		if (this.build != null) {
			text.append('+').append(this.build);
		}
		return text.toString();
	}

	/**
	 * Return whether this version is the same release as {@code numbers}: equal numeric
	 * segments, trailing zeros aside, and no pre-release.
	 */
	boolean sameReleaseAs(long... numbers) {
		return this.preRelease == null && Arrays.equals(trimmed(this.numbers), trimmed(numbers));
	}

	private static long[] trimmed(long[] numbers) {
		int length = numbers.length;
		while (length > 1 && numbers[length - 1] == 0) {
			length--;
		}
		return Arrays.copyOf(length == 0 ? new long[] { 0 } : numbers, Math.max(length, 1));
	}

	@Override
	public String toString() {
		return text();
	}

	/**
	 * Any version: small segments mostly, some up to 18 digits, sometimes a pre-release,
	 * build metadata or a leading {@code v}.
	 */
	static Gen<GeneratedVersion> any() {
		return ((Gen<GeneratedVersion>) (random) -> new GeneratedVersion(numbers(1, 6).next(random),
				preReleases().orNull(0.7).next(random), random.nextInt(4) == 0, builds().orNull(0.8).next(random)))
			.filter(GeneratedVersion::fits);
	}

	/**
	 * Plain releases only, as browsers write them: one to four segments, the first at
	 * least 1.
	 */
	static Gen<GeneratedVersion> release() {
		return numbers(1, 4).filter((numbers) -> numbers[0] > 0).map(GeneratedVersion::of);
	}

	/**
	 * Versions greater than this one.
	 */
	Gen<GeneratedVersion> greater() {
		List<Gen<GeneratedVersion>> ways = new ArrayList<>();
		for (int index = 0; index < this.numbers.length; index++) {
			if (this.numbers[index] < LARGEST_SEGMENT) {
				ways.add(changed(index, 1, Math.min(LARGEST_SEGMENT - this.numbers[index], 1_000)));
			}
		}
		if (this.numbers.length < MAX_SEGMENTS) {
			ways.add(appended());
		}
		if (this.preRelease != null) {
			// The release of a pre-release, with or without trailing zeros.
			ways.add((random) -> new GeneratedVersion(
					padded(this.numbers, random.nextInt(MAX_SEGMENTS - this.numbers.length + 1)), null,
					random.nextBoolean(), builds().orNull(0.5).next(random)));
		}
		return Gen.oneOf(ways).filter(GeneratedVersion::fits);
	}

	/**
	 * Versions smaller than this one; the version must not be 0 without a pre-release.
	 */
	Gen<GeneratedVersion> smaller() {
		List<Gen<GeneratedVersion>> ways = new ArrayList<>();
		for (int index = 0; index < this.numbers.length; index++) {
			if (this.numbers[index] > 0) {
				ways.add(changed(index, -this.numbers[index], -1));
			}
		}
		if (this.preRelease == null) {
			// A pre-release of this version.
			ways.add((random) -> new GeneratedVersion(this.numbers, preReleases().next(random), random.nextBoolean(),
					null));
		}
		return Gen.oneOf(ways).filter(GeneratedVersion::fits);
	}

	/**
	 * This version with the segment at {@code index} changed by a step between the bounds,
	 * the segments before it kept and any after it.
	 */
	private Gen<GeneratedVersion> changed(int index, long minStep, long maxStep) {
		return (random) -> {
			long[] tail = numbers(0, MAX_SEGMENTS - index - 1).next(random);
			long[] changed = new long[index + 1 + tail.length];
			System.arraycopy(this.numbers, 0, changed, 0, index);
			changed[index] = this.numbers[index] + Gen.longs(minStep, maxStep).next(random);
			System.arraycopy(tail, 0, changed, index + 1, tail.length);
			return new GeneratedVersion(changed, preReleases().orNull(0.6).next(random), random.nextBoolean(), null);
		};
	}

	private Gen<GeneratedVersion> appended() {
		return (random) -> {
			int zeros = random.nextInt(MAX_SEGMENTS - this.numbers.length);
			long[] appended = padded(this.numbers, zeros + 1);
			appended[appended.length - 1] = Gen.longs(1, 1_000).next(random);
			return new GeneratedVersion(appended, preReleases().orNull(0.6).next(random), random.nextBoolean(), null);
		};
	}

	private static long[] padded(long[] numbers, int zeros) {
		return Arrays.copyOf(numbers, numbers.length + zeros);
	}

	private static boolean fits(GeneratedVersion version) {
		return version.numbers.length <= MAX_SEGMENTS && version.text().length() <= MAX_LENGTH;
	}

	private static Gen<long[]> numbers(int min, int max) {
		Gen<Long> segment = Gen.weighted(Gen.weight(6, Gen.longs(0, 20)), Gen.weight(2, Gen.longs(0, 99_999)),
				Gen.weight(1, Gen.longs(0, LARGEST_SEGMENT)));
		return segment.list(min, max).map((list) -> list.stream().mapToLong(Long::longValue).toArray());
	}

	private static Gen<String> preReleases() {
		return PRE_RELEASES;
	}

	private static Gen<String> makePreReleases() {
		Gen<String> identifier = Gen.oneOf(Gen.of("alpha", "beta", "rc", "SNAPSHOT", "x-y"),
				Gen.ints(0, 999).map(String::valueOf), Gen.strings("az", "", 1, 6));
		return identifier.list(1, 3).map((list) -> String.join(".", list));
	}

	private static Gen<String> builds() {
		return BUILDS;
	}

	private static Gen<String> makeBuilds() {
		return Gen.strings("az09", ".", 1, 8)
			.filter((build) -> !build.startsWith(".") && !build.endsWith(".") && !build.contains(".."));
	}

}
