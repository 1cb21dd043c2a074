package io.github.upgraderequired.core;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Reads the client's HTTP and TLS versions, which behind a proxy are the proxy's own on
 * the connection. Trust follows Tomcat's {@code RemoteIpValve}: a request whose peer is
 * not a trusted proxy came straight from the client, and its own connection is judged,
 * whatever forwarding headers it carries, so that no client skips a rule by adding a
 * header. A request that a trusted proxy forwarded (its peer is in one of the trusted
 * ranges and it carries forwarding headers) is judged only by the version header that
 * proxy sends; without one its version is unknown, and a WARN says so once. A request
 * from a trusted address without forwarding headers is a direct one too.
 */
public final class TrustedProxies {

	/**
	 * The addresses trusted by default, the same as Tomcat's default internal proxies:
	 * loopback, the private IPv4 ranges, link-local, shared address space (RFC 6598), and
	 * IPv6 loopback, link-local and unique local addresses.
	 */
	public static final List<String> DEFAULT_TRUSTED_ADDRESSES = List.of("10.0.0.0/8", "172.16.0.0/12",
			"192.168.0.0/16", "169.254.0.0/16", "100.64.0.0/10", "127.0.0.0/8", "::1", "fe80::/10", "fc00::/7");

	/**
	 * Trusts no peer: every request is judged by its own connection, forwarding headers or
	 * not.
	 */
	public static final TrustedProxies NONE = new TrustedProxies(List.of(), null, null);

	/**
	 * Trusts the {@link #DEFAULT_TRUSTED_ADDRESSES} and reads no version header: a request
	 * they forward has an unknown version, one from anywhere else is judged by its
	 * connection.
	 */
	public static final TrustedProxies DEFAULT = new TrustedProxies(DEFAULT_TRUSTED_ADDRESSES, null, null);

	private static final Log logger = LogFactory.getLog(TrustedProxies.class);

	private static final int MAX_VALUE_LENGTH = 32;

	private static final String PROPERTY = "upgrade-required.proxy";

	private final AddressRange[] trusted;

	private final @Nullable String httpVersionHeader;

	private final @Nullable String tlsVersionHeader;

	/**
	 * The last peers judged: behind a proxy there are few, and parsing an IPv6 address
	 * costs more than a scan.
	 */
	private final RecentValues<Peer> recentPeers = new RecentValues<>(8);

	private final AtomicBoolean warnedUntrusted = new AtomicBoolean();

	private final AtomicBoolean warnedMissingHeader = new AtomicBoolean();

	private final AtomicBoolean warnedHiddenPeer = new AtomicBoolean();

	/**
	 * Create a new instance.
	 * @param trustedAddresses the CIDR ranges or addresses of the proxies to trust
	 * @param httpVersionHeader the header in which trusted proxies send the client's HTTP
	 * version ({@code HTTP/1.1}), or {@code null}
	 * @param tlsVersionHeader the header in which trusted proxies send the client's TLS
	 * version ({@code TLSv1.3}), or {@code null}
	 */
	public TrustedProxies(List<String> trustedAddresses, @Nullable String httpVersionHeader,
			@Nullable String tlsVersionHeader) {
		this.trusted = trustedAddresses.stream().map(AddressRange::parse).toArray(AddressRange[]::new);
		this.httpVersionHeader = httpVersionHeader;
		this.tlsVersionHeader = tlsVersionHeader;
	}

	/**
	 * Return the header in which trusted proxies send the client's HTTP version.
	 * @return the header name, or {@code null}
	 */
	public @Nullable String httpVersionHeader() {
		return this.httpVersionHeader;
	}

	/**
	 * Return the header in which trusted proxies send the client's TLS version.
	 * @return the header name, or {@code null}
	 */
	public @Nullable String tlsVersionHeader() {
		return this.tlsVersionHeader;
	}

	/**
	 * Return the header trusted proxies send the HTTP version in, as a set for
	 * {@link UpgradeRule#readHeaders()}.
	 * @return the header, or an empty set
	 */
	public Set<String> httpVersionHeaders() {
		return (this.httpVersionHeader != null) ? Set.of(this.httpVersionHeader) : Set.of();
	}

	/**
	 * Return the header trusted proxies send the TLS version in, as a set for
	 * {@link UpgradeRule#readHeaders()}.
	 * @return the header, or an empty set
	 */
	public Set<String> tlsVersionHeaders() {
		return (this.tlsVersionHeader != null) ? Set.of(this.tlsVersionHeader) : Set.of();
	}

	/**
	 * Return whether a peer address is in one of the trusted ranges.
	 * @param peer the address literal, may be {@code null}
	 * @return {@code true} if it is trusted
	 */
	public boolean isTrusted(@Nullable String peer) {
		if (peer == null || this.trusted.length == 0) {
			return false;
		}
		for (int i = 0; i < this.recentPeers.size(); i++) {
			Peer recent = this.recentPeers.get(i);
			if (recent != null && recent.address.equals(peer)) {
				return recent.trusted;
			}
		}
		boolean trusted = false;
		byte[] address = AddressRange.parseAddress(peer);
		if (address != null) {
			for (AddressRange range : this.trusted) {
				if (range.contains(address)) {
					trusted = true;
					break;
				}
			}
		}
		if (peer.length() <= 64) {
			this.recentPeers.add(new Peer(peer, trusted));
		}
		return trusted;
	}

	/**
	 * Return the client's HTTP version.
	 * @param request the request
	 * @return the version, or {@code null} if it is unknown
	 */
	public @Nullable HttpProtocol httpProtocol(UpgradeRequest request) {
		Path path = path(request);
		if (path == Path.DIRECT) {
			return request.protocol();
		}
		if (path == Path.HIDDEN) {
			return null;
		}
		String header = this.httpVersionHeader;
		String value = (header != null) ? request.header(header) : null;
		if (value == null) {
			// A proxy always knows the HTTP version it received: it is not sending it.
			warnMissingHeader(request, header, "http-version-header");
			return null;
		}
		return (value.length() <= MAX_VALUE_LENGTH) ? HttpProtocol.parse(value.trim()) : null;
	}

	/**
	 * Return the client's TLS version.
	 * @param request the request
	 * @return the version as Java names it ({@code TLSv1.2}), or {@code null} if it is
	 * unknown or there is none
	 */
	public @Nullable String tlsProtocol(UpgradeRequest request) {
		Path path = path(request);
		if (path == Path.DIRECT) {
			return request.tlsProtocol();
		}
		if (path == Path.HIDDEN) {
			return null;
		}
		String header = this.tlsVersionHeader;
		if (header == null) {
			warnMissingHeader(request, null, "tls-version-header");
			return null;
		}
		// A trusted proxy leaves the header out for a client that came over plain HTTP.
		String value = request.header(header);
		return (value != null && value.length() <= MAX_VALUE_LENGTH) ? value.trim() : null;
	}

	/**
	 * Return the way the request came: straight from the client, forwarded by a trusted
	 * proxy, or forwarded by a peer the server hid.
	 */
	private Path path(UpgradeRequest request) {
		String peer = request.peerAddress();
		if (peer != null && !isTrusted(peer)) {
			// Only until the first warning: a direct client's forwarding headers do not count.
			if (!this.warnedUntrusted.get() && request.forwarded()
					&& this.warnedUntrusted.compareAndSet(false, true)) {
				logger.warn("Forwarding headers came from " + peer + ", which is not a trusted proxy: the "
						+ "HTTP-version, HTTP/2 and TLS-version rules judge such a request by its own connection. If "
						+ peer + " is your proxy, add it to " + PROPERTY + ".trusted-addresses (logged once)");
			}
			return Path.DIRECT;
		}
		if (!request.forwarded()) {
			return Path.DIRECT;
		}
		if (peer == null) {
			// The server replaced the peer's address unseen, which it does for its own
			// trusted proxies only: the connection is a proxy's, the client unknown.
			if (this.warnedHiddenPeer.compareAndSet(false, true)) {
				logger.warn("A forwarded request came from a proxy whose address the server replaced before the "
						+ "starter saw it: the HTTP-version, HTTP/2 and TLS-version rules treat its version as "
						+ "unknown (logged once)");
			}
			return Path.HIDDEN;
		}
		return Path.TRUSTED;
	}

	private void warnMissingHeader(UpgradeRequest request, @Nullable String header, String property) {
		if (this.warnedMissingHeader.compareAndSet(false, true)) {
			logger.warn("A request forwarded by the trusted proxy " + request.peerAddress()
					+ " did not say the client's version in "
					+ ((header != null) ? "'" + header + "'" : "a configured header")
					+ ": the HTTP-version, HTTP/2 and TLS-version rules treat its version as unknown. Have the "
					+ "proxy send it and set " + PROPERTY + "." + property + " (logged once)");
		}
	}

	private enum Path {

		/**
		 * Straight from the client: its own connection is judged.
		 */
		DIRECT,

		/**
		 * Forwarded by a trusted proxy: judged by that proxy's version headers.
		 */
		TRUSTED,

		/**
		 * Forwarded by a proxy the server hid: unknown.
		 */
		HIDDEN

	}

	private record Peer(String address, boolean trusted) {
	}

}
