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
 * Rejects requests whose HTTP version is below a minimum, such as HTTP/1.0 where HTTP/1.1
 * is required. Offers {@code HTTP/<minimum>} unless configured otherwise. Behind a proxy,
 * the version is the client's only as a trusted proxy reports it (see
 * {@link TrustedProxies}).
 */
public final class HttpVersionRule extends AbstractUpgradeRule {

	/**
	 * The rule's type.
	 */
	public static final String TYPE = "http-version";

	private final HttpProtocol minimum;

	private final TrustedProxies proxies;

	/**
	 * The verdicts of the versions below the minimum, which no request changes, by
	 * version.
	 */
	private final Map<HttpProtocol, Verdict> refusals;

	/**
	 * Create a new rule that trusts the proxies Tomcat trusts by default
	 * ({@link TrustedProxies#DEFAULT}): what they forward has an unknown version.
	 * @param name the rule's name
	 * @param minimum the lowest version allowed
	 * @param upgrade the tokens to offer, or an empty list for the minimum's own
	 * @param settings where and how the rule applies
	 */
	public HttpVersionRule(String name, HttpProtocol minimum, List<String> upgrade, RuleSettings settings) {
		this(name, minimum, upgrade, settings, TrustedProxies.DEFAULT);
	}

	/**
	 * Create a new rule.
	 * @param name the rule's name
	 * @param minimum the lowest version allowed
	 * @param upgrade the tokens to offer, or an empty list for the minimum's own
	 * @param settings where and how the rule applies
	 * @param proxies the proxies trusted to report the client's version
	 */
	public HttpVersionRule(String name, HttpProtocol minimum, List<String> upgrade, RuleSettings settings,
			TrustedProxies proxies) {
		super(name, TYPE, orDefault(upgrade, List.of(minimum.token())), settings, proxies.httpVersionHeaders());
		this.minimum = minimum;
		this.proxies = proxies;
		Map<HttpProtocol, Verdict> refusals = new EnumMap<>(HttpProtocol.class);
		for (HttpProtocol protocol : HttpProtocol.values()) {
			if (protocol.compareTo(minimum) < 0) {
				refusals.put(protocol, Verdict.upgrade(minimum.token(), protocol.token())
					.withDetail("This service requires " + minimum.token() + " or newer. The request used "
							+ protocol.token() + "."));
			}
		}
		this.refusals = refusals;
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("minimum", this.minimum.token());
	}

	@Override
	public Verdict check(UpgradeRequest request) {
		HttpProtocol protocol = this.proxies.httpProtocol(request);
		if (protocol == null) {
			return Verdict.unknown();
		}
		if (protocol.compareTo(this.minimum) >= 0) {
			return Verdict.pass();
		}
		return this.refusals.get(protocol);
	}

}
