package io.github.upgraderequired.core;

import java.util.List;

/**
 * Checks {@code Upgrade} tokens: {@code protocol-name ["/" protocol-version]}, each part
 * an RFC 9110 token (§7.8, §5.6.2).
 */
public final class UpgradeTokens {

	private UpgradeTokens() {
	}

	/**
	 * Return whether a value is a legal protocol for the {@code Upgrade} header.
	 * @param protocol the value, such as {@code HTTP/1.1} or {@code websocket}
	 * @return {@code true} if it is legal
	 */
	public static boolean isValid(String protocol) {
		int slash = protocol.indexOf('/');
		if (slash < 0) {
			return isToken(protocol, 0, protocol.length());
		}
		return isToken(protocol, 0, slash) && isToken(protocol, slash + 1, protocol.length());
	}

	/**
	 * Return whether a value is an RFC 9110 token (§5.6.2), as a header field name is.
	 * @param value the value, such as {@code X-Internal-Caller}
	 * @return {@code true} if it is a token
	 */
	public static boolean isToken(String value) {
		return isToken(value, 0, value.length());
	}

	/**
	 * Check a list of tokens.
	 * @param tokens the tokens
	 * @throws IllegalArgumentException naming the first illegal token, or if there is none
	 */
	public static void validate(List<String> tokens) {
		if (tokens.isEmpty()) {
			throw new IllegalArgumentException("at least one Upgrade token is required");
		}
		for (String token : tokens) {
			if (!isValid(token)) {
				throw new IllegalArgumentException("'" + token
						+ "' is not a legal Upgrade token: it must be protocol-name[/protocol-version], "
						+ "each made of letters, digits and !#$%&'*+-.^_`|~");
			}
		}
	}

	private static boolean isToken(String value, int start, int end) {
		if (start >= end) {
			return false;
		}
		for (int i = start; i < end; i++) {
			if (!isTchar(value.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isTchar(char c) {
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
			return true;
		}
		return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
	}

}
