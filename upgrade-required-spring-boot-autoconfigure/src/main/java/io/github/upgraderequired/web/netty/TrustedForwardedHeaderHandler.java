package io.github.upgraderequired.web.netty;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.function.BiFunction;

import io.github.upgraderequired.core.TrustedProxies;
import io.github.upgraderequired.web.connection.NettyConnection;
import io.github.upgraderequired.web.connection.SocketAddresses;
import io.netty.handler.codec.http.HttpRequest;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.server.ConnectionInfo;

import org.springframework.http.HttpHeaders;
import org.springframework.http.support.Netty4HeadersAdapter;
import org.springframework.web.util.ForwardedHeaderUtils;
import org.springframework.web.util.UriComponents;

/**
 * Reactor Netty's forwarded-header handling as Tomcat's {@code RemoteIpValve} does it:
 * the forwarding headers of a request ({@code Forwarded}, {@code X-Forwarded-For},
 * {@code -Proto}, {@code -Host}, {@code -Port}, {@code -Prefix}) change the scheme, host
 * and client address Reactor Netty reports only when the connection's peer is a trusted
 * proxy; from any other peer they are ignored, so that a client cannot claim HTTPS. The
 * headers are read as Spring's {@code ForwardedHeaderUtils} reads them (as with
 * {@code server.forward-headers-strategy=framework}); a value it cannot read leaves the
 * request as the connection says.
 */
public final class TrustedForwardedHeaderHandler implements BiFunction<ConnectionInfo, HttpRequest, ConnectionInfo> {

	private static final String X_FORWARDED_PREFIX = "X-Forwarded-Prefix";

	private static final int MAX_PREFIX_LENGTH = 1024;

	private final TrustedProxies proxies;

	/**
	 * Create a new handler.
	 * @param proxies the proxies whose forwarding headers count
	 */
	public TrustedForwardedHeaderHandler(TrustedProxies proxies) {
		this.proxies = proxies;
	}

	@Override
	public ConnectionInfo apply(ConnectionInfo connection, HttpRequest request) {
		InetSocketAddress peer = connection.getRemoteAddress();
		if (peer == null || !this.proxies.isTrusted(SocketAddresses.literal(peer))
				|| !NettyConnection.forwarded(request.headers())) {
			return connection;
		}
		try {
			return forwarded(connection, new HttpHeaders(new Netty4HeadersAdapter(request.headers())), peer);
		}
		catch (RuntimeException ex) {
			// A header that does not parse: the request stays as its connection says.
			return connection;
		}
	}

	private static ConnectionInfo forwarded(ConnectionInfo connection, HttpHeaders headers, InetSocketAddress peer) {
		URI received = URI.create(connection.getScheme() + "://" + bracketed(connection.getHostName()) + ":"
				+ connection.getHostPort() + "/");
		UriComponents uri = ForwardedHeaderUtils.adaptFromForwardedHeaders(received, headers).build();
		ConnectionInfo result = connection;
		String scheme = uri.getScheme();
		String host = uri.getHost();
		if (scheme != null && host != null) {
			int port = (uri.getPort() != -1) ? uri.getPort() : ConnectionInfo.getDefaultHostPort(scheme);
			result = result.withScheme(scheme)
				.withHostAddress(InetSocketAddress.createUnresolved(unbracketed(host), port), host, port);
		}
		InetSocketAddress client = ForwardedHeaderUtils.parseForwardedFor(received, headers, peer);
		if (client != null) {
			result = result.withRemoteAddress(client);
		}
		String prefix = prefix(headers.getFirst(X_FORWARDED_PREFIX));
		return (prefix != null) ? result.withForwardedPrefix(prefix) : result;
	}

	/**
	 * Return the prefix of {@code X-Forwarded-Prefix} as Spring reads it: its
	 * comma-separated parts joined, each without trailing slashes.
	 */
	private static @Nullable String prefix(@Nullable String header) {
		if (header == null || header.length() > MAX_PREFIX_LENGTH) {
			return null;
		}
		StringBuilder prefix = new StringBuilder();
		for (String part : header.split(",")) {
			String value = part.trim();
			int end = value.length();
			while (end > 0 && value.charAt(end - 1) == '/') {
				end--;
			}
			prefix.append(value, 0, end);
		}
		return (prefix.length() > 0 && prefix.charAt(0) == '/') ? prefix.toString() : null;
	}

	private static String bracketed(String host) {
		return (host.indexOf(':') >= 0 && !host.startsWith("[")) ? "[" + host + "]" : host;
	}

	private static String unbracketed(String host) {
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

}
