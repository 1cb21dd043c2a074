package io.github.upgraderequired.core;

import java.util.List;
import java.util.function.BiFunction;

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
	 * Return the names of the forwarding headers, so that a server adapter can look them
	 * up in its own, faster way.
	 * @return the names
	 */
	public static List<String> names() {
		return List.of(NAMES);
	}

	/**
	 * Return whether any forwarding header is present.
	 * @param <T> the type of the request
	 * @param request the request
	 * @param header reads the first value of a header of the request by name, or
	 * {@code null}; a method reference such as {@code HttpServletRequest::getHeader}, which
	 * captures nothing, so that nothing is allocated per request
	 * @return {@code true} if one is present
	 */
	public static <T> boolean present(T request, BiFunction<T, String, @Nullable String> header) {
		for (String name : NAMES) {
			if (header.apply(request, name) != null) {
				return true;
			}
		}
		return false;
	}

}
