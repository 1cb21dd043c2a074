package io.github.upgraderequired.core;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The request headers by which proxies say that they forwarded a request: the standard
 * {@code Forwarded} (RFC 7239) and the {@code X-Forwarded-*} family that Spring, Tomcat and
 * Reactor Netty read.
 */
public final class ForwardedHeaders {

	private static final String[] NAMES = { "Forwarded", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host",
			"X-Forwarded-Port", "X-Forwarded-Prefix", "X-Forwarded-Ssl" };

	private ForwardedHeaders() {
	}

	/**
	 * Return whether any forwarding header is present.
	 * @param header reads the first value of a header by name, or {@code null}
	 * @return {@code true} if one is present
	 */
	public static boolean present(Function<String, @Nullable String> header) {
		for (String name : NAMES) {
			if (header.apply(name) != null) {
				return true;
			}
		}
		return false;
	}

}
