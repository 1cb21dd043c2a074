package io.github.upgraderequired.core.rule;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.github.upgraderequired.core.RuleSettings;
import io.github.upgraderequired.core.TlsVersion;
import io.github.upgraderequired.core.TrustedProxies;
import io.github.upgraderequired.core.UpgradeRequest;
import io.github.upgraderequired.core.Verdict;

/**
 * Rejects requests whose TLS version, read from the live connection, is below a minimum.
 * Offers {@code TLS/<minimum>} unless configured otherwise. A plain connection, or one
 * whose version the server does not expose, has an unknown version; behind a proxy, the
 * version is the client's only as a trusted proxy reports it (see {@link TrustedProxies}).
 */
public final class TlsVersionRule extends AbstractUpgradeRule {

	/**
	 * The rule's type.
	 */
	public static final String TYPE = "tls-version";

	private final TlsVersion minimum;

	private final TrustedProxies proxies;

	/**
	 * The verdicts of the versions below the minimum, which no request changes, by
	 * version.
	 */
	private final Map<TlsVersion, Verdict> refusals;

	/**
	 * Create a new rule.
	 * @param name the rule's name
	 * @param minimum the lowest version allowed
	 * @param upgrade the tokens to offer, or an empty list for the minimum's own
	 * @param settings where and how the rule applies
	 * @param proxies the proxies trusted to report the client's version
	 */
	public TlsVersionRule(String name, TlsVersion minimum, List<String> upgrade, RuleSettings settings,
			TrustedProxies proxies) {
		super(name, TYPE, orDefault(upgrade, List.of(minimum.token())), settings, proxies.tlsVersionHeaders());
		this.minimum = minimum;
		this.proxies = proxies;
		Map<TlsVersion, Verdict> refusals = new EnumMap<>(TlsVersion.class);
		for (TlsVersion version : TlsVersion.values()) {
			if (version.compareTo(minimum) < 0) {
				refusals.put(version, Verdict.upgrade(minimum.protocol(), version.protocol())
					.withDetail("This service requires " + minimum.protocol() + " or newer. The connection used "
							+ version.protocol() + "."));
			}
		}
		this.refusals = refusals;
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("minimum", this.minimum.protocol());
	}

	@Override
	public Verdict check(UpgradeRequest request) {
		String protocol = this.proxies.tlsProtocol(request);
		TlsVersion version = TlsVersion.parse(protocol);
		if (version == null) {
			return Verdict.unknown();
		}
		if (version.compareTo(this.minimum) >= 0) {
			return Verdict.pass();
		}
		return this.refusals.get(version);
	}

}
