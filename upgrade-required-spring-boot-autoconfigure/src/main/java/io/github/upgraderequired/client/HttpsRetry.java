package io.github.upgraderequired.client;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which requests may be sent again over https after a {@code 426} that asks for TLS: an
 * idempotent method (RFC 9110 §9.2.2), an {@code http} URI and a host the user listed.
 * The retry goes to the same host on the configured port, never elsewhere.
 */
public final class HttpsRetry {

	private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE");

	private final Set<String> hosts;

	private final int port;

	/**
	 * Create a new policy.
	 * @param hosts the host names (or address literals) that may be retried
	 * @param port the https port
	 */
	public HttpsRetry(Collection<String> hosts, int port) {
		this.hosts = hosts.stream().map((host) -> host.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
		this.port = port;
	}

	/**
	 * Return whether a request may be retried over https if its answer asks for TLS.
	 * @param method the request's method
	 * @param uri the request's URI
	 * @return whether it may
	 */
	public boolean mayRetry(String method, URI uri) {
		String host = uri.getHost();
		return "http".equalsIgnoreCase(uri.getScheme()) && host != null
				&& this.hosts.contains(host.toLowerCase(Locale.ROOT)) && IDEMPOTENT.contains(method);
	}

	/**
	 * Return whether one of the {@code Upgrade} tokens asks for TLS ({@code TLS},
	 * {@code TLS/1.3}).
	 * @param upgrade the tokens
	 * @return whether TLS is asked for
	 */
	public static boolean namesTls(List<String> upgrade) {
		for (String token : upgrade) {
			int slash = token.indexOf('/');
			if (((slash < 0) ? token : token.substring(0, slash)).equalsIgnoreCase("TLS")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return the https URI to retry a request at: the same host, path and query, on the
	 * configured port.
	 * @param uri the request's {@code http} URI
	 * @return the https URI
	 */
	public URI target(URI uri) {
		StringBuilder target = new StringBuilder("https://");
		if (uri.getRawUserInfo() != null) {
			target.append(uri.getRawUserInfo()).append('@');
		}
		target.append(uri.getHost());
		if (this.port != 443) {
			target.append(':').append(this.port);
		}
		if (uri.getRawPath() != null) {
			target.append(uri.getRawPath());
		}
		if (uri.getRawQuery() != null) {
			target.append('?').append(uri.getRawQuery());
		}
		return URI.create(target.toString());
	}

}
