package io.github.upgraderequired.core.rule;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.github.upgraderequired.core.HttpProtocol;
import io.github.upgraderequired.core.RuleSettings;
import io.github.upgraderequired.core.TrustedProxies;
import io.github.upgraderequired.core.UpgradeRequest;
import io.github.upgraderequired.core.Verdict;

/**
 * Rejects requests over HTTP/1.x where HTTP/2 is required. Offers {@code h2c, HTTP/2.0} on
 * cleartext and {@code HTTP/2.0} over TLS, where HTTP/2 is not reached by {@code Upgrade}
 * but negotiated with ALPN during the handshake (as RFC 9110's own 426 example names
 * {@code HTTP/3.0}). Behind a proxy, the version is the client's only as a trusted proxy
 * reports it (see {@link TrustedProxies}).
 */
public final class Http2Rule extends AbstractUpgradeRule {

	/**
	 * The rule's type.
	 */
	public static final String TYPE = "http2";

	/**
	 * The tokens offered on a cleartext connection.
	 */
	public static final List<String> CLEARTEXT_UPGRADE = List.of("h2c", "HTTP/2.0");

	/**
	 * The tokens offered on a TLS connection.
	 */
	public static final List<String> TLS_UPGRADE = List.of("HTTP/2.0");

	private static final String CLEARTEXT_DETAIL = "This resource requires HTTP/2. Over cleartext, connect with "
			+ "HTTP/2 prior knowledge (h2c), or send 'Upgrade: h2c' with HTTP2-Settings on an HTTP/1.1 request.";

	private static final String TLS_DETAIL = "This resource requires HTTP/2. Over TLS, HTTP/2 is negotiated with "
			+ "ALPN during the handshake: use a client that offers 'h2'.";

	/**
	 * The verdicts of the HTTP/1.x versions, which no request changes: over cleartext,
	 * then over TLS, by version.
	 */
	private final Map<HttpProtocol, Verdict> cleartextRefusals = new EnumMap<>(HttpProtocol.class);

	private final Map<HttpProtocol, Verdict> tlsRefusals = new EnumMap<>(HttpProtocol.class);

	private final TrustedProxies proxies;

	/**
	 * Create a new rule.
	 * @param name the rule's name
	 * @param upgrade the tokens to offer on both kinds of connection, or an empty list for
	 * {@link #CLEARTEXT_UPGRADE} and {@link #TLS_UPGRADE}
	 * @param settings where and how the rule applies
	 * @param proxies the proxies trusted to report the client's version
	 */
	public Http2Rule(String name, List<String> upgrade, RuleSettings settings, TrustedProxies proxies) {
		super(name, TYPE, orDefault(upgrade, CLEARTEXT_UPGRADE), settings, proxies.httpVersionHeaders());
		for (HttpProtocol protocol : HttpProtocol.values()) {
			if (protocol.compareTo(HttpProtocol.HTTP_2) < 0) {
				Verdict verdict = Verdict.upgrade(HttpProtocol.HTTP_2.token(), protocol.token());
				this.cleartextRefusals.put(protocol, verdict.withDetail(CLEARTEXT_DETAIL));
				Verdict overTls = verdict.withDetail(TLS_DETAIL);
				this.tlsRefusals.put(protocol, upgrade.isEmpty() ? overTls.withUpgrade(TLS_UPGRADE) : overTls);
			}
		}
		this.proxies = proxies;
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("minimum", HttpProtocol.HTTP_2.token());
	}

	@Override
	public Verdict check(UpgradeRequest request) {
		HttpProtocol protocol = this.proxies.httpProtocol(request);
		if (protocol == null) {
			return Verdict.unknown();
		}
		if (protocol.compareTo(HttpProtocol.HTTP_2) >= 0) {
			return Verdict.pass();
		}
		return (request.secure() ? this.tlsRefusals : this.cleartextRefusals).get(protocol);
	}

}
