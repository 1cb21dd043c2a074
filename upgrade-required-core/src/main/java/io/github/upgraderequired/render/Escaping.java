package io.github.upgraderequired.render;

import org.jspecify.annotations.Nullable;

/**
 * Truncates and escapes text for the three body formats. Values taken from the request
 * pass through {@link #truncate(String)} first.
 */
final class Escaping {

	/**
	 * The longest request value shown back, in UTF-16 code units.
	 */
	static final int MAX_ECHO = 128;

	private static final char REPLACEMENT = '\uFFFD';

	private Escaping() {
	}

	/**
	 * Cut a request value to {@link #MAX_ECHO} characters, never inside a surrogate pair,
	 * marking the cut with an ellipsis.
	 */
	static @Nullable String truncate(@Nullable String value) {
		if (value == null || value.length() <= MAX_ECHO) {
			return value;
		}
		int end = MAX_ECHO;
		if (Character.isHighSurrogate(value.charAt(end - 1))) {
			end--;
		}
		return value.substring(0, end) + "\u2026";
	}

	/**
	 * Return whether a value is written into a JSON string literal as it is, one byte per
	 * character: printable ASCII that {@link #json(StringBuilder, String)} leaves alone.
	 */
	static boolean isPlainJson(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&') {
				return false;
			}
		}
		return true;
	}

	/**
	 * Append a JSON string literal. Besides what JSON requires, {@code <}, {@code >},
	 * {@code &}, U+2028 and U+2029 are escaped, and lone surrogates become U+FFFD, so the
	 * output is valid UTF-8 and safe to embed in a page.
	 */
	static void json(StringBuilder out, String value) {
		out.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029'
							|| c == 0x7F) {
						unicodeEscape(out, c);
					}
					else if (Character.isSurrogate(c)) {
						if (Character.isHighSurrogate(c) && i + 1 < value.length()
								&& Character.isLowSurrogate(value.charAt(i + 1))) {
							out.append(c).append(value.charAt(++i));
						}
						else {
							unicodeEscape(out, REPLACEMENT);
						}
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

	private static void unicodeEscape(StringBuilder out, char c) {
		out.append("\\u");
		String hex = Integer.toHexString(c);
		out.append("0".repeat(4 - hex.length())).append(hex);
	}

	/**
	 * Escape text for HTML element content and quoted attribute values.
	 */
	static String html(String value) {
		if (isPlainHtml(value)) {
			return value;
		}
		StringBuilder out = new StringBuilder(value.length() + 16);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(plain(value, i, c));
			}
			if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
				out.append(value.charAt(++i));
			}
		}
		return out.toString();
	}

	/**
	 * Return whether {@link #html(String)} leaves a value as it is: printable ASCII
	 * without the characters it escapes.
	 */
	private static boolean isPlainHtml(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c >= 0x7f || c == '<' || c == '>' || c == '&' || c == '"' || c == '\'') {
				return false;
			}
		}
		return true;
	}

	/**
	 * Replace control characters and lone surrogates, for plain text.
	 */
	static String text(String value) {
		StringBuilder out = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			out.append(plain(value, i, c));
			if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
				out.append(value.charAt(++i));
			}
		}
		return out.toString();
	}

	private static char plain(String value, int index, char c) {
		if (Character.isISOControl(c)) {
			return REPLACEMENT;
		}
		if (Character.isHighSurrogate(c)) {
			boolean paired = index + 1 < value.length() && Character.isLowSurrogate(value.charAt(index + 1));
			return paired ? c : REPLACEMENT;
		}
		if (Character.isLowSurrogate(c)) {
			// A low surrogate reached here was not preceded by its high surrogate.
			return REPLACEMENT;
		}
		return c;
	}

}
