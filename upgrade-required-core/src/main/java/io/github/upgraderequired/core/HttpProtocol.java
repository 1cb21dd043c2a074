package io.github.upgraderequired.core;

import org.jspecify.annotations.Nullable;

/**
 * The HTTP version a request arrived with.
 */
public enum HttpProtocol {

	/**
	 * HTTP/1.0.
	 */
	HTTP_1_0("HTTP/1.0"),

	/**
	 * HTTP/1.1.
	 */
	HTTP_1_1("HTTP/1.1"),

	/**
	 * HTTP/2.
	 */
	HTTP_2("HTTP/2.0"),

	/**
	 * HTTP/3.
	 */
	HTTP_3("HTTP/3.0");

	private final String token;

	HttpProtocol(String token) {
		this.token = token;
	}

	/**
	 * Return the protocol as written in a request line or an {@code Upgrade} header, such
	 * as {@code HTTP/1.1}.
	 * @return the token
	 */
	public String token() {
		return this.token;
	}

	/**
	 * Return whether the connection-specific {@code Upgrade} and {@code Connection} headers
	 * may be sent in this protocol (HTTP/1.x only; RFC 9113 §8.2.2).
	 * @return {@code true} for HTTP/1.0 and HTTP/1.1
	 */
	public boolean allowsConnectionHeaders() {
		return this == HTTP_1_0 || this == HTTP_1_1;
	}

	/**
	 * Parse a protocol as servers report it ({@code HTTP/1.1}, {@code HTTP/2.0},
	 * {@code HTTP/2}).
	 * @param protocol the protocol, may be {@code null}
	 * @return the protocol, or {@code null} if it is not one of these
	 */
	public static @Nullable HttpProtocol parse(@Nullable String protocol) {
		if (protocol == null) {
			return null;
		}
		return switch (protocol) {
			case "HTTP/1.1" -> HTTP_1_1;
			case "HTTP/1.0" -> HTTP_1_0;
			case "HTTP/2.0", "HTTP/2" -> HTTP_2;
			case "HTTP/3.0", "HTTP/3" -> HTTP_3;
			default -> null;
		};
	}

	/**
	 * Parse a version as written in configuration ({@code 1.0}, {@code 1.1}, {@code 2},
	 * {@code 2.0}, {@code 3}, {@code 3.0}, with or without an {@code HTTP/} prefix).
	 * @param version the version
	 * @return the protocol, or {@code null} if it is not a known HTTP version
	 */
	public static @Nullable HttpProtocol parseVersion(String version) {
		String value = version.trim();
		if (value.regionMatches(true, 0, "HTTP/", 0, 5)) {
			value = value.substring(5);
		}
		return switch (value) {
			case "1.0" -> HTTP_1_0;
			case "1.1" -> HTTP_1_1;
			case "2", "2.0" -> HTTP_2;
			case "3", "3.0" -> HTTP_3;
			default -> null;
		};
	}

}
