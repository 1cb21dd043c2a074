package io.github.upgraderequired.core;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The SSL and TLS protocol versions, in order.
 */
public enum TlsVersion {

	/**
	 * SSL 3.0.
	 */
	SSL_3_0("SSLv3", "SSL/3.0"),

	/**
	 * TLS 1.0.
	 */
	TLS_1_0("TLSv1", "TLS/1.0"),

	/**
	 * TLS 1.1.
	 */
	TLS_1_1("TLSv1.1", "TLS/1.1"),

	/**
	 * TLS 1.2.
	 */
	TLS_1_2("TLSv1.2", "TLS/1.2"),

	/**
	 * TLS 1.3.
	 */
	TLS_1_3("TLSv1.3", "TLS/1.3");

	private static final TlsVersion[] VALUES = values();

	private final String protocol;

	private final String token;

	TlsVersion(String protocol, String token) {
		this.protocol = protocol;
		this.token = token;
	}

	/**
	 * Return the version as Java's {@code SSLSession} names it, such as {@code TLSv1.3}.
	 * @return the protocol name
	 */
	public String protocol() {
		return this.protocol;
	}

	/**
	 * Return the version as an {@code Upgrade} token, such as {@code TLS/1.3}.
	 * @return the token
	 */
	public String token() {
		return this.token;
	}

	/**
	 * Parse a version as servers and proxies report it ({@code TLSv1.2}, {@code TLSv1},
	 * {@code SSLv3}) or as written in configuration ({@code 1.2}, {@code TLS/1.3},
	 * {@code TLS1.3}).
	 * @param version the version, may be {@code null}
	 * @return the version, or {@code null} if it is not one of these
	 */
	public static @Nullable TlsVersion parse(@Nullable String version) {
		if (version == null || version.length() > 16) {
			return null;
		}
		// Servers report Java's names: found without allocating.
		for (TlsVersion candidate : VALUES) {
			if (candidate.protocol.equals(version)) {
				return candidate;
			}
		}
		String value = version.trim().toUpperCase(Locale.ROOT);
		boolean ssl = value.startsWith("SSL");
		if (ssl || value.startsWith("TLS")) {
			value = value.substring(3);
			if (value.startsWith("V") || value.startsWith("/")) {
				value = value.substring(1);
			}
		}
		if (ssl) {
			return (value.equals("3") || value.equals("3.0")) ? SSL_3_0 : null;
		}
		return switch (value) {
			case "1", "1.0" -> TLS_1_0;
			case "1.1" -> TLS_1_1;
			case "1.2" -> TLS_1_2;
			case "1.3" -> TLS_1_3;
			default -> null;
		};
	}

}
