package io.github.upgraderequired.web.netty;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import io.github.upgraderequired.core.AddressRange;
import io.github.upgraderequired.core.TrustedProxies;
import io.github.upgraderequired.web.connection.NettyConnection;
import io.github.upgraderequired.web.connection.SocketAddresses;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.server.ConnectionInfo;

/**
 * Reactor Netty's forwarded-header handling as Tomcat's {@code RemoteIpValve} does it: the
 * {@code X-Forwarded-*} headers of a request change the scheme, host, port and client
 * address that Reactor Netty reports only when the connection's peer is a trusted proxy;
 * from any other peer they are ignored, so that a client can claim neither https, nor a
 * host, nor an address.
 * <p>
 * As with {@code RemoteIpValve}, the client is the first {@code X-Forwarded-For} address
 * from the right that is not a trusted proxy (each proxy appends the address it received
 * the request from, so only the rightmost values were written by proxies one trusts), or
 * the leftmost when all are; a value there that is no IP literal makes the client
 * {@code unknown}, an address no range matches. {@code X-Forwarded-Proto} makes the request
 * https only when every value says {@code https}; {@code X-Forwarded-Host} and
 * {@code X-Forwarded-Port} count by their last value, which the proxy must set rather than
 * append to. As with {@code RemoteIpValve}, the standard {@code Forwarded} header is not
 * read: a proxy that only appends to {@code X-Forwarded-For} passes on the client's own.
 * {@code X-Forwarded-Prefix} is applied as Spring reads it. A host or port that does not
 * parse is ignored. Not an API.
 */
public final class TrustedForwardedHeaderHandler implements BiFunction<ConnectionInfo, HttpRequest, ConnectionInfo> {

	private static final int MAX_VALUE_LENGTH = 2048;

	/**
	 * The client of a request whose client address is not an IP literal.
	 */
	private static final String UNKNOWN_CLIENT = "unknown";

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
		HttpHeaders headers = request.headers();
		if (peer == null || !this.proxies.isTrusted(SocketAddresses.literal(peer))
				|| !NettyConnection.forwarded(headers)) {
			return connection;
		}
		try {
			return apply(connection, fromXForwarded(headers), peer, prefix(headers.getAll("X-Forwarded-Prefix")));
		}
		catch (RuntimeException ex) {
			// Nothing a client sends may break the request: it stays as its connection says.
			return connection;
		}
	}

	/**
	 * Read the hop from the {@code X-Forwarded-*} headers, as {@code RemoteIpValve} does.
	 */
	private Hop fromXForwarded(HttpHeaders headers) {
		// Every value, however long the header: the client cannot push the proxy's out.
		List<String> addresses = values(headers.getAll("X-Forwarded-For"), Integer.MAX_VALUE);
		String client = null;
		for (int i = addresses.size() - 1; i >= 0; i--) {
			String address = addresses.get(i);
			if (i > 0 && this.proxies.isTrusted(address)) {
				continue;
			}
			client = address;
			break;
		}
		List<String> protos = values(headers.getAll("X-Forwarded-Proto"), Integer.MAX_VALUE);
		String scheme = null;
		if (!protos.isEmpty()) {
			scheme = protos.stream().allMatch("https"::equalsIgnoreCase) ? "https" : "http";
		}
		List<String> hosts = values(headers.getAll("X-Forwarded-Host"), MAX_VALUE_LENGTH);
		List<String> ports = values(headers.getAll("X-Forwarded-Port"), MAX_VALUE_LENGTH);
		return new Hop(client, scheme, hosts.isEmpty() ? null : hosts.get(hosts.size() - 1),
				ports.isEmpty() ? null : ports.get(ports.size() - 1));
	}

	private static ConnectionInfo apply(ConnectionInfo connection, Hop hop, InetSocketAddress peer,
			@Nullable String prefix) {
		ConnectionInfo result = connection;
		if (hop.client != null) {
			// Nothing is looked up: a value that is no literal is a client unknown.
			InetAddress client = AddressRange.literal(hop.client);
			result = result.withRemoteAddress((client != null) ? new InetSocketAddress(client, peer.getPort())
					: InetSocketAddress.createUnresolved(UNKNOWN_CLIENT, peer.getPort()));
		}
		String scheme = (hop.scheme != null) ? hop.scheme : connection.getScheme();
		result = result.withScheme(scheme);
		int port = port(hop.port);
		HostAndPort host = HostAndPort.parse(hop.host);
		if (host != null) {
			int hostPort = (host.port >= 0) ? host.port : (port >= 0) ? port : ConnectionInfo.getDefaultHostPort(scheme);
			result = result.withHostAddress(InetSocketAddress.createUnresolved(host.name, hostPort), host.uriHost(),
					hostPort);
		}
		else if (port >= 0) {
			String name = connection.getHostName();
			result = result.withHostAddress(InetSocketAddress.createUnresolved(name, port), name, port);
		}
		return (prefix != null) ? result.withForwardedPrefix(prefix) : result;
	}

	/**
	 * Return the prefix of {@code X-Forwarded-Prefix} as Spring reads it: its
	 * comma-separated parts joined, each without trailing slashes.
	 */
	private static @Nullable String prefix(List<String> header) {
		StringBuilder prefix = new StringBuilder();
		for (String part : values(header, MAX_VALUE_LENGTH)) {
			int end = part.length();
			while (end > 0 && part.charAt(end - 1) == '/') {
				end--;
			}
			prefix.append(part, 0, end);
		}
		String value = prefix.toString();
		return (value.startsWith("/") && value.chars().allMatch((c) -> c > 0x20 && c < 0x7f)) ? value : null;
	}

	/**
	 * The comma-separated values of a header's lines, trimmed, empty ones left out; none if
	 * the header is longer than the given length.
	 */
	private static List<String> values(List<String> lines, int maxLength) {
		List<String> values = new ArrayList<>();
		int length = 0;
		for (String line : lines) {
			length += line.length();
			if (length > maxLength) {
				return List.of();
			}
			for (String value : line.split(",")) {
				String trimmed = value.trim();
				if (!trimmed.isEmpty()) {
					values.add(trimmed);
				}
			}
		}
		return values;
	}

	private static int port(@Nullable String value) {
		if (value == null || value.isEmpty() || value.length() > 5 || !value.chars().allMatch(Character::isDigit)) {
			return -1;
		}
		int port = Integer.parseInt(value);
		return (port >= 1 && port <= 65535) ? port : -1;
	}

	/**
	 * What the proxies say about the client's hop: its address, the scheme, the host and
	 * the port it asked for; {@code null} where they say nothing.
	 */
	private record Hop(@Nullable String client, @Nullable String scheme, @Nullable String host,
			@Nullable String port) {
	}

	/**
	 * A host and optional port as a {@code Host} header has them: a DNS name or IPv4
	 * address, or a bracketed IPv6 address.
	 */
	private record HostAndPort(String name, boolean ipv6, int port) {

		static @Nullable HostAndPort parse(@Nullable String value) {
			if (value == null || value.isEmpty() || value.length() > 260) {
				return null;
			}
			String name;
			String rest;
			boolean ipv6 = value.startsWith("[");
			if (ipv6) {
				int end = value.indexOf(']');
				if (end < 0) {
					return null;
				}
				name = value.substring(1, end);
				rest = value.substring(end + 1);
				if (name.indexOf(':') < 0 || AddressRange.literal(name) == null) {
					return null;
				}
			}
			else {
				int colon = value.indexOf(':');
				name = (colon >= 0) ? value.substring(0, colon) : value;
				rest = (colon >= 0) ? value.substring(colon) : "";
				if (name.isEmpty() || !name.chars()
					.allMatch((c) -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
							|| c == '.' || c == '-')) {
					return null;
				}
			}
			int port = -1;
			if (!rest.isEmpty()) {
				port = rest.startsWith(":") ? TrustedForwardedHeaderHandler.port(rest.substring(1)) : -1;
				if (port < 0) {
					return null;
				}
			}
			return new HostAndPort(name, ipv6, port);
		}

		String uriHost() {
			return this.ipv6 ? "[" + this.name + "]" : this.name;
		}

	}

}
