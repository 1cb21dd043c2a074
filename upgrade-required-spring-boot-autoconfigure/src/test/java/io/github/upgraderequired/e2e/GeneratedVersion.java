package io.github.upgraderequired.e2e;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

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
	static Arbitrary<GeneratedVersion> any() {
		return Combinators.combine(numbers(1, 6), preReleases().injectNull(0.7), Arbitraries.of(true, false, false, false),
				builds().injectNull(0.8))
			.as(GeneratedVersion::new)
			.filter(GeneratedVersion::fits);
	}

	/**
	 * Plain releases only, as browsers write them: one to four segments, the first at
	 * least 1.
	 */
	static Arbitrary<GeneratedVersion> release() {
		return numbers(1, 4).filter((numbers) -> numbers[0] > 0).map(GeneratedVersion::of);
	}

	/**
	 * Versions greater than this one.
	 */
	Arbitrary<GeneratedVersion> greater() {
		List<Arbitrary<GeneratedVersion>> ways = new ArrayList<>();
		for (int index = 0; index < this.numbers.length; index++) {
			if (this.numbers[index] < LARGEST_SEGMENT) {
				ways.add(raised(index));
			}
		}
		if (this.numbers.length < MAX_SEGMENTS) {
			ways.add(appended());
		}
		if (this.preRelease != null) {
			ways.add(Combinators.combine(Arbitraries.integers().between(0, MAX_SEGMENTS - this.numbers.length),
					Arbitraries.of(true, false), builds().injectNull(0.5))
				.as((zeros, prefixed, build) -> new GeneratedVersion(padded(this.numbers, zeros), null, prefixed, build)));
		}
		return Arbitraries.oneOf(ways).filter(GeneratedVersion::fits);
	}

	/**
	 * Versions smaller than this one, or nothing if there are none (the version is 0
	 * without a pre-release).
	 */
	Arbitrary<GeneratedVersion> smaller() {
		List<Arbitrary<GeneratedVersion>> ways = new ArrayList<>();
		for (int index = 0; index < this.numbers.length; index++) {
			if (this.numbers[index] > 0) {
				ways.add(lowered(index));
			}
		}
		if (this.preRelease == null) {
			ways.add(Combinators.combine(preReleases(), Arbitraries.of(true, false))
				.as((preRelease, prefixed) -> new GeneratedVersion(this.numbers, preRelease, prefixed, null)));
		}
		return Arbitraries.oneOf(ways).filter(GeneratedVersion::fits);
	}

	private Arbitrary<GeneratedVersion> raised(int index) {
		long room = LARGEST_SEGMENT - this.numbers[index];
		return Combinators
			.combine(Arbitraries.longs().between(1, Math.min(room, 1_000)), numbers(0, MAX_SEGMENTS - index - 1),
					preReleases().injectNull(0.6), Arbitraries.of(true, false))
			.as((step, tail, preRelease, prefixed) -> {
				long[] raised = new long[index + 1 + tail.length];
				System.arraycopy(this.numbers, 0, raised, 0, index);
				raised[index] = this.numbers[index] + step;
				System.arraycopy(tail, 0, raised, index + 1, tail.length);
				return new GeneratedVersion(raised, preRelease, prefixed, null);
			});
	}

	private Arbitrary<GeneratedVersion> lowered(int index) {
		return Combinators
			.combine(Arbitraries.longs().between(1, this.numbers[index]), numbers(0, MAX_SEGMENTS - index - 1),
					preReleases().injectNull(0.6), Arbitraries.of(true, false))
			.as((step, tail, preRelease, prefixed) -> {
				long[] lowered = new long[index + 1 + tail.length];
				System.arraycopy(this.numbers, 0, lowered, 0, index);
				lowered[index] = this.numbers[index] - step;
				System.arraycopy(tail, 0, lowered, index + 1, tail.length);
				return new GeneratedVersion(lowered, preRelease, prefixed, null);
			});
	}

	private Arbitrary<GeneratedVersion> appended() {
		int room = MAX_SEGMENTS - this.numbers.length - 1;
		return Combinators
			.combine(Arbitraries.integers().between(0, room), Arbitraries.longs().between(1, 1_000),
					preReleases().injectNull(0.6), Arbitraries.of(true, false))
			.as((zeros, last, preRelease, prefixed) -> {
				long[] appended = padded(this.numbers, zeros + 1);
				appended[appended.length - 1] = last;
				return new GeneratedVersion(appended, preRelease, prefixed, null);
			});
	}

	private static long[] padded(long[] numbers, int zeros) {
		return Arrays.copyOf(numbers, numbers.length + zeros);
	}

	private static boolean fits(GeneratedVersion version) {
		return version.numbers.length <= MAX_SEGMENTS && version.text().length() <= MAX_LENGTH;
	}

	private static Arbitrary<long[]> numbers(int min, int max) {
		Arbitrary<Long> segment = Arbitraries.frequencyOf(
				Tuple.of(6, Arbitraries.longs().between(0, 20)),
				Tuple.of(2, Arbitraries.longs().between(0, 99_999)),
				Tuple.of(1, Arbitraries.longs().between(0, LARGEST_SEGMENT)));
		return segment.list()
			.ofMinSize(min)
			.ofMaxSize(max)
			.map((list) -> list.stream().mapToLong(Long::longValue).toArray());
	}

	private static Arbitrary<String> preReleases() {
		Arbitrary<String> identifier = Arbitraries.oneOf(Arbitraries.of("alpha", "beta", "rc", "SNAPSHOT", "x-y"),
				Arbitraries.integers().between(0, 999).map(String::valueOf),
				Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6));
		return identifier.list().ofMinSize(1).ofMaxSize(3).map((list) -> String.join(".", list));
	}

	private static Arbitrary<String> builds() {
		return Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('.').ofMinLength(1)
			.ofMaxLength(8).filter((build) -> !build.startsWith(".") && !build.endsWith(".") && !build.contains(".."));
	}

}
