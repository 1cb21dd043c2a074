package io.github.upgraderequired.core;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Reads the client's HTTP and TLS versions, which behind a proxy are the proxy's own on
 * the connection. A request that was not forwarded is judged by its connection. A
 * forwarded request is judged only by a configured header, and only when a trusted proxy
 * sent it (the peer address is in one of the trusted ranges); otherwise its version is
 * unknown, and a WARN says so once for each cause (an untrusted peer, a trusted proxy that
 * does not send the HTTP-version header).
 */
public final class TrustedProxies {

	/**
	 * Trusts no proxy: the versions of forwarded requests are unknown.
	 */
	public static final TrustedProxies NONE = new TrustedProxies(List.of(), null, null);

	private static final Log logger = LogFactory.getLog(TrustedProxies.class);

	private static final int MAX_VALUE_LENGTH = 32;

	private final AddressRange[] trusted;

	private final @Nullable String httpVersionHeader;

	private final @Nullable String tlsVersionHeader;

	private final AtomicBoolean warnedUntrusted = new AtomicBoolean();

	private final AtomicBoolean warnedMissingHeader = new AtomicBoolean();

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
	 * Return the client's HTTP version.
	 * @param request the request
	 * @return the version, or {@code null} if it is unknown
	 */
	public @Nullable HttpProtocol httpProtocol(UpgradeRequest request) {
		if (!request.forwarded()) {
			return request.protocol();
		}
		if (!isTrusted(request, this.httpVersionHeader)) {
			return null;
		}
		String value = request.header(this.httpVersionHeader);
		if (value == null) {
			// A proxy always knows the HTTP version it received: it is not sending it.
			warnOnce(this.warnedMissingHeader, request, this.httpVersionHeader);
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
		if (!request.forwarded()) {
			return request.tlsProtocol();
		}
		if (!isTrusted(request, this.tlsVersionHeader)) {
			return null;
		}
		// A trusted proxy leaves the header out for a client that came over plain HTTP.
		String value = request.header(this.tlsVersionHeader);
		return (value != null && value.length() <= MAX_VALUE_LENGTH) ? value.trim() : null;
	}

	/**
	 * Return whether a forwarded request comes from a trusted proxy that reports versions
	 * in the given header; warn once if not.
	 */
	private boolean isTrusted(UpgradeRequest request, @Nullable String header) {
		if (header != null && isTrusted(request.peerAddress())) {
			return true;
		}
		warnOnce(this.warnedUntrusted, request, header);
		return false;
	}

	private boolean isTrusted(@Nullable String peer) {
		for (AddressRange range : this.trusted) {
			if (range.contains(peer)) {
				return true;
			}
		}
		return false;
	}

	private void warnOnce(AtomicBoolean warned, UpgradeRequest request, @Nullable String header) {
		if (warned.compareAndSet(false, true)) {
			logger.warn("A forwarded request (from " + request.peerAddress() + ") did not say the client's version in "
					+ ((header != null) ? "'" + header + "'" : "a configured header")
					+ " from a trusted proxy; the HTTP-version, HTTP/2 and TLS-version rules treat its version as "
					+ "unknown. Set upgrade-required.proxy.trusted-addresses and the proxy's version headers "
					+ "(logged once)");
		}
	}

}
