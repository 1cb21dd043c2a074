package io.github.upgraderequired.web.netty;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * forwarding headers of a request change the scheme, host, port and client address that
 * Reactor Netty reports only when the connection's peer is a trusted proxy; from any other
 * peer they are ignored, so that a client can claim neither https, nor a host, nor an
 * address.
 * <p>
 * As with {@code RemoteIpValve}, the client is found by reading {@code X-Forwarded-For}
 * from the right and passing over trusted proxies, since each proxy appends the address it
 * received the request from and only the rightmost values were written by proxies one
 * trusts; {@code X-Forwarded-Proto} makes the request https only when every value says
 * {@code https}; {@code X-Forwarded-Host} and {@code X-Forwarded-Port} count by their last
 * value. Unlike {@code RemoteIpValve}, the standard {@code Forwarded} header (RFC 7239) is
 * read too, and first: the element whose {@code for} is the client, found the same way,
 * gives the scheme and host. {@code X-Forwarded-Prefix} is applied as Spring reads it. A
 * value that does not parse is ignored. Not an API.
 */
public final class TrustedForwardedHeaderHandler implements BiFunction<ConnectionInfo, HttpRequest, ConnectionInfo> {

	private static final int MAX_VALUE_LENGTH = 2048;

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
			Hop hop = headers.contains("Forwarded") ? fromForwarded(headers) : fromXForwarded(headers);
			return apply(connection, hop, peer, prefix(headers.getAll("X-Forwarded-Prefix")));
		}
		catch (RuntimeException ex) {
			// Nothing a client sends may break the request: it stays as its connection says.
			return connection;
		}
	}

	/**
	 * Read the hop from {@code Forwarded}: the element whose {@code for} is the first,
	 * from the right, that is not a trusted proxy, or the leftmost.
	 */
	private Hop fromForwarded(HttpHeaders headers) {
		List<String> elements = new ArrayList<>();
		for (String value : headers.getAll("Forwarded")) {
			elements.addAll(split(value, ','));
		}
		for (int i = elements.size() - 1; i >= 0; i--) {
			String forNode = null;
			String proto = null;
			String host = null;
			for (String pair : split(elements.get(i), ';')) {
				int equals = pair.indexOf('=');
				if (equals > 0) {
					String name = pair.substring(0, equals).trim().toLowerCase(Locale.ROOT);
					String value = unquote(pair.substring(equals + 1).trim());
					switch (name) {
						case "for" -> forNode = value;
						case "proto" -> proto = value;
						case "host" -> host = value;
						default -> {
						}
					}
				}
			}
			String client = nodeAddress(forNode);
			if (i > 0 && client != null && this.proxies.isTrusted(client)) {
				continue;
			}
			String scheme = ("http".equalsIgnoreCase(proto) || "https".equalsIgnoreCase(proto))
					? proto.toLowerCase(Locale.ROOT) : null;
			return new Hop(client, nodePort(forNode), scheme, host, null);
		}
		return new Hop(null, -1, null, null, null);
	}

	/**
	 * Read the hop from the {@code X-Forwarded-*} headers, as {@code RemoteIpValve} does.
	 */
	private Hop fromXForwarded(HttpHeaders headers) {
		List<String> addresses = values(headers.getAll("X-Forwarded-For"));
		String client = null;
		for (int i = addresses.size() - 1; i >= 0; i--) {
			String address = addresses.get(i);
			if (i > 0 && this.proxies.isTrusted(address)) {
				continue;
			}
			client = isAddress(address) ? address : null;
			break;
		}
		List<String> protos = values(headers.getAll("X-Forwarded-Proto"));
		String scheme = null;
		if (!protos.isEmpty()) {
			scheme = protos.stream().allMatch("https"::equalsIgnoreCase) ? "https" : "http";
		}
		List<String> hosts = values(headers.getAll("X-Forwarded-Host"));
		List<String> ports = values(headers.getAll("X-Forwarded-Port"));
		return new Hop(client, -1, scheme, hosts.isEmpty() ? null : hosts.get(hosts.size() - 1),
				ports.isEmpty() ? null : ports.get(ports.size() - 1));
	}

	private static ConnectionInfo apply(ConnectionInfo connection, Hop hop, InetSocketAddress peer,
			@Nullable String prefix) {
		ConnectionInfo result = connection;
		if (hop.client != null) {
			try {
				// A literal, checked: nothing is looked up.
				result = result.withRemoteAddress(
						new InetSocketAddress(InetAddress.getByName(hop.client), (hop.clientPort >= 0) ? hop.clientPort
								: peer.getPort()));
			}
			catch (UnknownHostException ex) {
				// Not an address after all: the peer's stays.
			}
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
		for (String part : values(header)) {
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
	 * the header is longer than any proxy would send.
	 */
	private static List<String> values(List<String> lines) {
		List<String> values = new ArrayList<>();
		int length = 0;
		for (String line : lines) {
			length += line.length();
			if (length > MAX_VALUE_LENGTH) {
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

	/**
	 * Split on a separator outside quoted strings.
	 */
	private static List<String> split(String value, char separator) {
		if (value.length() > MAX_VALUE_LENGTH) {
			return List.of();
		}
		List<String> parts = new ArrayList<>();
		boolean quoted = false;
		int start = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == '\\' && quoted) {
				i++;
			}
			else if (c == separator && !quoted) {
				parts.add(value.substring(start, i).trim());
				start = i + 1;
			}
		}
		parts.add(value.substring(start).trim());
		return parts;
	}

	/**
	 * Return a quoted value without its quotes; one with a backslash is left as it is, so
	 * that it reads as no address and no host.
	 */
	private static String unquote(String value) {
		return (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"'
				&& value.indexOf('\\') < 0) ? value.substring(1, value.length() - 1) : value;
	}

	/**
	 * The address of a {@code Forwarded} node ({@code 192.0.2.1}, {@code 192.0.2.1:80},
	 * {@code [2001:db8::1]:80}), or {@code null} for {@code unknown}, an obfuscated one or
	 * anything else.
	 */
	private static @Nullable String nodeAddress(@Nullable String node) {
		if (node == null) {
			return null;
		}
		String address = node;
		if (node.startsWith("[")) {
			int end = node.indexOf(']');
			address = (end > 0) ? node.substring(1, end) : "";
		}
		else if (node.indexOf(':') >= 0) {
			address = node.substring(0, node.indexOf(':'));
		}
		return isAddress(address) ? address : null;
	}

	private static int nodePort(@Nullable String node) {
		if (node == null) {
			return -1;
		}
		int colon = node.lastIndexOf(':');
		if (colon < 0 || (node.startsWith("[") && colon < node.indexOf(']'))) {
			return -1;
		}
		return port(node.substring(colon + 1));
	}

	private static int port(@Nullable String value) {
		if (value == null || value.isEmpty() || value.length() > 5 || !value.chars().allMatch(Character::isDigit)) {
			return -1;
		}
		int port = Integer.parseInt(value);
		return (port >= 1 && port <= 65535) ? port : -1;
	}

	private static boolean isAddress(String value) {
		try {
			AddressRange.parse(value);
			return value.indexOf('/') < 0;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * What a proxy says about the client's hop: its address and port, the scheme, the host
	 * and the port it asked for; {@code null} or {@code -1} where it says nothing usable.
	 */
	private record Hop(@Nullable String client, int clientPort, @Nullable String scheme, @Nullable String host,
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
				if (!isAddress(name) || name.indexOf(':') < 0) {
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
