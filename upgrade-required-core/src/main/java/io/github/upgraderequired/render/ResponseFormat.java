package io.github.upgraderequired.render;

import org.jspecify.annotations.Nullable;

/**
 * The body formats of the upgrade response, chosen from the request's {@code Accept}
 * header. Among equally acceptable formats, the one the client names most specifically
 * wins, then JSON; JSON is also the answer when nothing else is acceptable.
 */
enum ResponseFormat {

	PROBLEM_JSON("application/problem+json"),

	HTML("text/html;charset=UTF-8"),

	TEXT("text/plain;charset=UTF-8");

	private static final int MAX_RANGES = 64;

	private final String contentType;

	ResponseFormat(String contentType) {
		this.contentType = contentType;
	}

	String contentType() {
		return this.contentType;
	}

	/**
	 * Choose the format by the quality values of RFC 9110 §12.5.1, the most specific
	 * matching range deciding each format's quality. Read in place: nothing is allocated
	 * for an {@code Accept} whose quality values are written as RFC 9110 writes them.
	 */
	static ResponseFormat negotiate(@Nullable String accept) {
		if (accept == null || accept.isBlank()) {
			return PROBLEM_JSON;
		}
		// Quality and specificity per format, in the order of VALUES.
		float jsonQuality = 0;
		float htmlQuality = 0;
		float textQuality = 0;
		int jsonSpecificity = 0;
		int htmlSpecificity = 0;
		int textSpecificity = 0;
		int start = 0;
		int ranges = 0;
		while (start <= accept.length() && ranges++ < MAX_RANGES) {
			int end = accept.indexOf(',', start);
			if (end < 0) {
				end = accept.length();
			}
			int semicolon = accept.indexOf(';', start);
			int rangeEnd = (semicolon >= 0 && semicolon < end) ? semicolon : end;
			int from = trimmedStart(accept, start, rangeEnd);
			int to = trimmedEnd(accept, from, rangeEnd);
			float q = (rangeEnd < end) ? quality(accept, rangeEnd + 1, end) : 1f;
			int matched = PROBLEM_JSON.match(accept, from, to);
			if (matched > jsonSpecificity) {
				jsonSpecificity = matched;
				jsonQuality = q;
			}
			matched = HTML.match(accept, from, to);
			if (matched > htmlSpecificity) {
				htmlSpecificity = matched;
				htmlQuality = q;
			}
			matched = TEXT.match(accept, from, to);
			if (matched > textSpecificity) {
				textSpecificity = matched;
				textQuality = q;
			}
			start = end + 1;
		}
		ResponseFormat best = PROBLEM_JSON;
		float bestQuality = jsonQuality;
		int bestSpecificity = jsonSpecificity;
		// Among equal qualities, a format the client names beats one it only accepts
		// through a wildcard: "text/html, */*" (Internet Explorer) asks for HTML.
		if (htmlQuality > bestQuality || (htmlQuality == bestQuality && htmlQuality > 0
				&& htmlSpecificity > bestSpecificity)) {
			best = HTML;
			bestQuality = htmlQuality;
			bestSpecificity = htmlSpecificity;
		}
		if (textQuality > bestQuality || (textQuality == bestQuality && textQuality > 0
				&& textSpecificity > bestSpecificity)) {
			best = TEXT;
		}
		return best;
	}

	/**
	 * Return how specifically the media range {@code accept[from, to)} matches this
	 * format: 3 for the exact type, 2 for {@code type/*}, 1 for {@code *}{@code /*}, 0
	 * for no match.
	 */
	private int match(String accept, int from, int to) {
		if (is(accept, from, to, "*/*")) {
			return 1;
		}
		return switch (this) {
			case PROBLEM_JSON -> (is(accept, from, to, "application/problem+json")
					|| is(accept, from, to, "application/json")) ? 3 : is(accept, from, to, "application/*") ? 2 : 0;
			case HTML -> is(accept, from, to, "text/html") ? 3 : is(accept, from, to, "text/*") ? 2 : 0;
			case TEXT -> is(accept, from, to, "text/plain") ? 3 : is(accept, from, to, "text/*") ? 2 : 0;
		};
	}

	private static boolean is(String text, int from, int to, String expected) {
		return to - from == expected.length() && text.regionMatches(true, from, expected, 0, expected.length());
	}

	/**
	 * Return the quality value among the parameters {@code accept[from, to)}, 1 when
	 * there is none, 0 when it is not a number from 0 to 1.
	 */
	private static float quality(String accept, int from, int to) {
		int start = from;
		for (int parameters = 0; parameters < 16 && start <= to; parameters++) {
			int semicolon = accept.indexOf(';', start);
			int end = (semicolon >= 0 && semicolon < to && parameters < 15) ? semicolon : to;
			int first = trimmedStart(accept, start, end);
			int last = trimmedEnd(accept, first, end);
			if (last - first > 2 && (accept.charAt(first) == 'q' || accept.charAt(first) == 'Q')
					&& accept.charAt(first + 1) == '=') {
				return qvalue(accept, first + 2, last);
			}
			start = end + 1;
		}
		return 1f;
	}

	/**
	 * Return where {@code text[from, to)} starts once trimmed as {@link String#trim()}
	 * trims.
	 */
	private static int trimmedStart(String text, int from, int to) {
		while (from < to && text.charAt(from) <= ' ') {
			from++;
		}
		return from;
	}

	/**
	 * Return where {@code text[from, to)} ends once trimmed as {@link String#trim()} trims.
	 */
	private static int trimmedEnd(String text, int from, int to) {
		while (to > from && text.charAt(to - 1) <= ' ') {
			to--;
		}
		return to;
	}

	/**
	 * Read a quality value: in place when written as RFC 9110's {@code qvalue}
	 * ({@code 0.8}, {@code 1}), else as Java reads a float.
	 */
	private static float qvalue(String accept, int from, int to) {
		char first = accept.charAt(from);
		if ((first == '0' || first == '1') && to - from <= 5
				&& (to - from == 1 || (accept.charAt(from + 1) == '.' && to - from > 2))) {
			int thousandths = 0;
			boolean digits = true;
			for (int i = from + 2; i < from + 5; i++) {
				int digit = (i < to) ? accept.charAt(i) - '0' : 0;
				digits &= digit >= 0 && digit <= 9;
				thousandths = thousandths * 10 + digit;
			}
			if (digits) {
				float q = first - '0' + thousandths / 1000f;
				return (q <= 1) ? q : 0;
			}
		}
		try {
			float q = Float.parseFloat(accept.substring(from, to));
			return (q >= 0 && q <= 1) ? q : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
