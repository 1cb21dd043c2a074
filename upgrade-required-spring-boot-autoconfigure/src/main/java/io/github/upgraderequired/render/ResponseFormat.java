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
	 * matching range deciding each format's quality.
	 */
	static ResponseFormat negotiate(@Nullable String accept) {
		if (accept == null || accept.isBlank()) {
			return PROBLEM_JSON;
		}
		float[] quality = new float[values().length];
		int[] specificity = new int[values().length];
		int start = 0;
		int ranges = 0;
		while (start <= accept.length() && ranges++ < MAX_RANGES) {
			int end = accept.indexOf(',', start);
			if (end < 0) {
				end = accept.length();
			}
			apply(accept.substring(start, end), quality, specificity);
			start = end + 1;
		}
		ResponseFormat best = PROBLEM_JSON;
		float bestQuality = 0;
		int bestSpecificity = 0;
		for (ResponseFormat format : values()) {
			float q = quality[format.ordinal()];
			int named = specificity[format.ordinal()];
			// Among equal qualities, a format the client names beats one it only
			// accepts through a wildcard: "text/html, */*" (Internet Explorer) asks for HTML.
			if (q > bestQuality || (q == bestQuality && q > 0 && named > bestSpecificity)) {
				best = format;
				bestQuality = q;
				bestSpecificity = named;
			}
		}
		return best;
	}

	private static void apply(String range, float[] quality, int[] specificity) {
		int semicolon = range.indexOf(';');
		String mediaRange = ((semicolon < 0) ? range : range.substring(0, semicolon)).trim();
		float q = (semicolon < 0) ? 1f : quality(range.substring(semicolon + 1));
		for (ResponseFormat format : values()) {
			int matched = format.match(mediaRange);
			if (matched > specificity[format.ordinal()]) {
				specificity[format.ordinal()] = matched;
				quality[format.ordinal()] = q;
			}
		}
	}

	/**
	 * Return how specifically a media range matches this format: 3 for the exact type, 2
	 * for {@code type/*}, 1 for {@code *}{@code /*}, 0 for no match.
	 */
	private int match(String mediaRange) {
		if (mediaRange.equals("*/*")) {
			return 1;
		}
		return switch (this) {
			case PROBLEM_JSON -> (mediaRange.equalsIgnoreCase("application/problem+json")
					|| mediaRange.equalsIgnoreCase("application/json")) ? 3
							: mediaRange.equalsIgnoreCase("application/*") ? 2 : 0;
			case HTML -> mediaRange.equalsIgnoreCase("text/html") ? 3 : mediaRange.equalsIgnoreCase("text/*") ? 2 : 0;
			case TEXT -> mediaRange.equalsIgnoreCase("text/plain") ? 3 : mediaRange.equalsIgnoreCase("text/*") ? 2 : 0;
		};
	}

	private static float quality(String parameters) {
		for (String parameter : parameters.split(";", 16)) {
			String trimmed = parameter.trim();
			if (trimmed.length() > 2 && (trimmed.charAt(0) == 'q' || trimmed.charAt(0) == 'Q')
					&& trimmed.charAt(1) == '=') {
				try {
					float q = Float.parseFloat(trimmed.substring(2));
					return (q >= 0 && q <= 1) ? q : 0;
				}
				catch (NumberFormatException ex) {
					return 0;
				}
			}
		}
		return 1f;
	}

}
