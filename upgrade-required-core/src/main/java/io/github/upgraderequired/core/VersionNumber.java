package io.github.upgraderequired.core;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * A dotted version number, ordered by every numeric segment: {@code 5.10.0 > 5.9.3},
 * {@code 139.0.7258.76 > 139.0.7258} (missing segments count as 0), a pre-release below
 * its release ({@code 5.2.0-beta.1 < 5.2.0}, identifiers compared as in Semantic
 * Versioning), a leading {@code v} ignored ({@code v5.2.0 = 5.2.0}) and build metadata
 * ignored ({@code 5.2.0+42 = 5.2.0}).
 * <p>
 * Parsing is strict and bounded, since versions come from clients: at most 64 characters,
 * 8 numeric segments of at most 18 digits, and nothing but digits and dots before the
 * pre-release. Anything else does not parse.
 */
public final class VersionNumber implements Comparable<VersionNumber> {

	/**
	 * What {@link #compare(String, VersionNumber)} returns for a value that does not parse.
	 */
	public static final int UNPARSABLE = Integer.MIN_VALUE;

	private static final String[] NO_IDENTIFIERS = {};

	private static final int MAX_LENGTH = 64;

	private static final int MAX_SEGMENTS = 8;

	private static final int MAX_DIGITS = 18;

	private final long[] segments;

	private final String[] preRelease;

	private final String text;

	private VersionNumber(long[] segments, String[] preRelease, String text) {
		this.segments = segments;
		this.preRelease = preRelease;
		this.text = text;
	}

	/**
	 * Parse a version.
	 * @param value the version, may be {@code null}
	 * @return the version, or {@code null} if it does not parse
	 */
	public static @Nullable VersionNumber parse(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String text = strip(value);
		if (text.isEmpty() || text.length() > MAX_LENGTH) {
			return null;
		}
		int start = (text.charAt(0) == 'v' || text.charAt(0) == 'V') ? 1 : 0;
		int plus = text.indexOf('+', start);
		int end = (plus >= 0) ? plus : text.length();
		int dash = text.indexOf('-', start);
		int numbersEnd = (dash >= 0 && dash < end) ? dash : end;
		long[] segments = parseSegments(text, start, numbersEnd);
		if (segments == null) {
			return null;
		}
		String[] preRelease = NO_IDENTIFIERS;
		if (numbersEnd < end) {
			preRelease = parsePreRelease(text.substring(numbersEnd + 1, end));
			if (preRelease == null) {
				return null;
			}
		}
		if (plus >= 0 && !isIdentifiers(text.substring(plus + 1))) {
			return null;
		}
		return new VersionNumber(segments, preRelease, text);
	}

	/**
	 * Compare a version as a client sent it with a parsed one, as
	 * {@code parse(value).compareTo(other)} would, without allocating for a plain
	 * release version such as {@code 5.2.1}: its segments are compared where they stand.
	 * (A version with a pre-release or build metadata is parsed first.)
	 * @param value the version as sent, may be {@code null}
	 * @param other the version to compare with
	 * @return a negative number, zero or a positive number as {@code value} is lower than,
	 * equal to or higher than {@code other}; {@link #UNPARSABLE} if {@code value} does not
	 * parse
	 */
	public static int compare(@Nullable String value, VersionNumber other) {
		if (value == null) {
			return UNPARSABLE;
		}
		int start = strippedStart(value);
		int end = strippedEnd(value, start);
		if (start == end || end - start > MAX_LENGTH) {
			return UNPARSABLE;
		}
		if (value.charAt(start) == 'v' || value.charAt(start) == 'V') {
			start++;
		}
		int compared = 0;
		int count = 0;
		int segmentStart = start;
		for (int i = start; i <= end; i++) {
			char c = (i < end) ? value.charAt(i) : '.';
			if (c == '.') {
				int digits = i - segmentStart;
				if (digits == 0 || digits > MAX_DIGITS || count == MAX_SEGMENTS) {
					return UNPARSABLE;
				}
				if (compared == 0) {
					long theirs = (count < other.segments.length) ? other.segments[count] : 0;
					compared = Long.compare(Long.parseLong(value, segmentStart, i, 10), theirs);
				}
				count++;
				segmentStart = i + 1;
			}
			else if (c < '0' || c > '9') {
				if (c != '-' && c != '+') {
					return UNPARSABLE;
				}
				// A pre-release or build metadata: rare enough to be parsed.
				VersionNumber version = parse(value);
				return (version != null) ? Integer.signum(version.compareTo(other)) : UNPARSABLE;
			}
		}
		for (int i = count; compared == 0 && i < other.segments.length; i++) {
			compared = Long.compare(0, other.segments[i]);
		}
		// A release ranks above any of its pre-releases.
		return (compared == 0 && other.preRelease.length > 0) ? 1 : compared;
	}

	/**
	 * Strip spaces and tabs, but no other character: control characters make a value
	 * unparsable.
	 */
	private static String strip(String value) {
		int start = strippedStart(value);
		return value.substring(start, strippedEnd(value, start));
	}

	private static int strippedStart(String value) {
		int start = 0;
		while (start < value.length() && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
			start++;
		}
		return start;
	}

	private static int strippedEnd(String value, int start) {
		int end = value.length();
		while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
			end--;
		}
		return end;
	}

	private static long @Nullable [] parseSegments(String text, int start, int end) {
		// Checked and counted first, so that only the result is allocated.
		int count = 0;
		int segmentStart = start;
		for (int i = start; i <= end; i++) {
			if (i == end || text.charAt(i) == '.') {
				int digits = i - segmentStart;
				if (digits == 0 || digits > MAX_DIGITS || count == MAX_SEGMENTS) {
					return null;
				}
				count++;
				segmentStart = i + 1;
			}
			else if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return null;
			}
		}
		long[] segments = new long[count];
		count = 0;
		segmentStart = start;
		for (int i = start; i <= end; i++) {
			if (i == end || text.charAt(i) == '.') {
				segments[count++] = Long.parseLong(text, segmentStart, i, 10);
				segmentStart = i + 1;
			}
		}
		return segments;
	}

	private static String @Nullable [] parsePreRelease(String text) {
		if (!isIdentifiers(text)) {
			return null;
		}
		String[] identifiers = text.split("\\.");
		for (int i = 0; i < identifiers.length; i++) {
			if (isNumeric(identifiers[i])) {
				identifiers[i] = stripZeros(identifiers[i]);
			}
		}
		return identifiers;
	}

	private static boolean isIdentifiers(String text) {
		if (text.isEmpty() || text.startsWith(".") || text.endsWith(".") || text.contains("..")) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean allowed = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-'
					|| c == '.';
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Return the major version, the first segment.
	 * @return the major version
	 */
	public long major() {
		return this.segments[0];
	}

	/**
	 * Return whether this is a pre-release.
	 * @return {@code true} if a pre-release follows the numbers
	 */
	public boolean isPreRelease() {
		return this.preRelease.length > 0;
	}

	@Override
	public int compareTo(VersionNumber other) {
		int length = Math.max(this.segments.length, other.segments.length);
		for (int i = 0; i < length; i++) {
			long mine = (i < this.segments.length) ? this.segments[i] : 0;
			long theirs = (i < other.segments.length) ? other.segments[i] : 0;
			if (mine != theirs) {
				return Long.compare(mine, theirs);
			}
		}
		return comparePreRelease(this.preRelease, other.preRelease);
	}

	private static int comparePreRelease(String[] mine, String[] theirs) {
		// A release ranks above any of its pre-releases.
		if (mine.length == 0) {
			return (theirs.length == 0) ? 0 : 1;
		}
		if (theirs.length == 0) {
			return -1;
		}
		for (int i = 0; i < Math.min(mine.length, theirs.length); i++) {
			int compared = compareIdentifier(mine[i], theirs[i]);
			if (compared != 0) {
				return compared;
			}
		}
		return Integer.compare(mine.length, theirs.length);
	}

	private static int compareIdentifier(String mine, String theirs) {
		boolean mineNumeric = isNumeric(mine);
		boolean theirsNumeric = isNumeric(theirs);
		if (mineNumeric && theirsNumeric) {
			// Leading zeros are stripped at parsing: the longer number is the greater.
			int byLength = Integer.compare(mine.length(), theirs.length());
			return (byLength != 0) ? byLength : mine.compareTo(theirs);
		}
		if (mineNumeric != theirsNumeric) {
			return mineNumeric ? -1 : 1;
		}
		return mine.compareTo(theirs);
	}

	private static boolean isNumeric(String identifier) {
		return identifier.chars().allMatch((c) -> c >= '0' && c <= '9');
	}

	private static String stripZeros(String digits) {
		int i = 0;
		while (i < digits.length() - 1 && digits.charAt(i) == '0') {
			i++;
		}
		return digits.substring(i);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof VersionNumber version && compareTo(version) == 0;
	}

	@Override
	public int hashCode() {
		int length = this.segments.length;
		while (length > 1 && this.segments[length - 1] == 0) {
			length--;
		}
		return 31 * Arrays.hashCode(Arrays.copyOf(this.segments, length)) + Arrays.hashCode(this.preRelease);
	}

	/**
	 * Return the version as written.
	 * @return the text
	 */
	@Override
	public String toString() {
		return this.text;
	}

}
