package io.github.upgraderequired.core.rule;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.upgraderequired.core.BoundedCharSequence;
import io.github.upgraderequired.core.DecisionListener;
import io.github.upgraderequired.core.RuleSettings;
import io.github.upgraderequired.core.UnknownValuePolicy;
import io.github.upgraderequired.core.UpgradeRequest;
import io.github.upgraderequired.core.Verdict;
import io.github.upgraderequired.core.VersionNumber;
import org.jspecify.annotations.Nullable;

/**
 * The mobile or desktop app "force update": rejects app versions below their platform's
 * minimum, or on its list of blocked versions, offering {@code <product>/<minimum>} and
 * pointing at the platform's store. Platform and version come from request headers (such
 * as {@code X-App-Platform} and {@code X-App-Version}) or from the {@code User-Agent},
 * through a pattern with the named groups {@code version} and, optionally,
 * {@code platform} ({@code ExampleApp/5.2.1 (iOS 17.4)}).
 * <p>
 * A missing or unparsable version is unknown (the rule's {@link UnknownValuePolicy}). A
 * platform that is not configured is judged by the default minimum, if there is one, and
 * otherwise follows its own policy.
 */
public final class AppVersionRule extends AbstractUpgradeRule {

	/**
	 * The rule's type.
	 */
	public static final String TYPE = "app-version";

	private static final int MAX_PLATFORM_LENGTH = 32;

	private static final int MAX_USER_AGENT_LENGTH = 512;

	private static final int MATCH_BUDGET = 100_000;

	private final String product;

	private final Map<String, Platform> platforms;

	private final @Nullable Platform fallback;

	private final UnknownValuePolicy unknownPlatform;

	private final Source source;

	/**
	 * Whether the {@code User-Agent} pattern has a {@code platform} group.
	 */
	private final boolean platformGroup;

	/**
	 * The verdict for a version below the minimum but for the version the request sent,
	 * by platform (by identity: the configured ones, and the fallback).
	 */
	private final Map<Platform, Verdict> belowMinimum;

	private final RecentVerdicts recent = new RecentVerdicts();

	/**
	 * Create a new rule.
	 * @param name the rule's name
	 * @param product the product named in the {@code Upgrade} token
	 * @param platforms the platforms by lower-case name
	 * @param fallback the platform settings for a platform not in the map, or
	 * {@code null}
	 * @param unknownPlatform what to do with a platform not in the map when there is no
	 * fallback
	 * @param source where the platform and version are read
	 * @param upgrade the tokens to offer, or an empty list for {@code <product>/<minimum>}
	 * @param settings where and how the rule applies
	 */
	public AppVersionRule(String name, String product, Map<String, Platform> platforms, @Nullable Platform fallback,
			UnknownValuePolicy unknownPlatform, Source source, List<String> upgrade, RuleSettings settings) {
		super(name, TYPE, orDefault(upgrade, List.of(product)), settings, source.readHeaders());
		this.product = product;
		this.platforms = Map.copyOf(platforms);
		this.fallback = fallback;
		this.unknownPlatform = unknownPlatform;
		this.source = source;
		this.platformGroup = source.userAgentPattern() != null
				&& source.userAgentPattern().pattern().contains("(?<platform>");
		Map<Platform, Verdict> belowMinimum = new IdentityHashMap<>();
		this.platforms.forEach((platformName, platform) -> belowMinimum.put(platform, belowMinimum(platform)
			.withClient(platformName)));
		if (fallback != null) {
			belowMinimum.putIfAbsent(fallback, belowMinimum(fallback).withClient(DecisionListener.OTHER_CLIENT));
		}
		this.belowMinimum = belowMinimum;
	}

	@Override
	public Map<String, Object> details() {
		Map<String, Object> platforms = new TreeMap<>();
		this.platforms.forEach((name, platform) -> platforms.put(name, platform.describe()));
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("product", this.product);
		details.put("platforms", platforms);
		if (this.fallback != null) {
			details.put("minimum", this.fallback.minimum().toString());
		}
		return details;
	}

	@Override
	public Verdict check(UpgradeRequest request) {
		Source source = this.source;
		String platformName = (source.platformHeader != null) ? request.header(source.platformHeader) : null;
		String versionText = (source.versionHeader != null) ? request.header(source.versionHeader) : null;
		if (versionText == null && source.userAgentPattern != null) {
			String userAgent = request.header("User-Agent");
			Matcher matcher = (userAgent != null) ? Source.match(source.userAgentPattern, userAgent) : null;
			if (matcher != null) {
				versionText = matcher.group("version");
				String matched = this.platformGroup ? matcher.group("platform") : null;
				platformName = (matched != null) ? matched : platformName;
			}
		}
		if (versionText == null) {
			return Verdict.unknown();
		}
		platformName = Source.normalize(platformName);
		Platform platform = (platformName != null) ? this.platforms.get(platformName) : null;
		// Only configured platforms name the client: anything else a request sends is "other".
		String client = (platform != null) ? platformName : DecisionListener.OTHER_CLIENT;
		if (platform == null) {
			platform = this.fallback;
		}
		if (platform == null) {
			return (platformName != null && this.unknownPlatform == UnknownValuePolicy.REJECT)
					? Verdict.upgrade(null, platformName)
						.withDetail("This service does not support the platform '" + platformName + "'.")
						.withClient(client)
					: Verdict.unknown();
		}
		// Compared where it stands: a version that passes costs no allocation.
		int compared = VersionNumber.compare(versionText, platform.minimum());
		if (compared == VersionNumber.UNPARSABLE) {
			return Verdict.unknown();
		}
		if (compared < 0) {
			Verdict verdict = this.belowMinimum.get(platform);
			Verdict template = client.equals(verdict.client()) ? verdict : verdict.withClient(client);
			return this.recent.withCurrent(template, versionText);
		}
		if (!platform.blocked().isEmpty()) {
			VersionNumber version = VersionNumber.parse(versionText);
			if (platform.blocked().contains(version)) {
				return upgrade(platform,
						"Version " + version + " of the app can no longer be used: update to the newest version.")
					.withCurrent(versionText)
					.withClient(client);
			}
		}
		return Verdict.pass();
	}

	private Verdict belowMinimum(Platform platform) {
		return upgrade(platform,
				"This version of the app is no longer supported: update to " + platform.minimum() + " or newer.");
	}

	private Verdict upgrade(Platform platform, String detail) {
		Verdict verdict = Verdict.upgrade(platform.minimum().toString(), null)
			.withUpgrade(List.of(this.product + "/" + platform.minimum()))
			.withDetail(detail);
		String storeUrl = platform.storeUrl();
		if (storeUrl != null) {
			verdict = verdict.withUpgradeUrl(storeUrl)
				.withHeader("Link", "<" + storeUrl + ">; rel=\"latest-version\"");
		}
		return verdict;
	}

	/**
	 * A platform's requirements.
	 *
	 * @param minimum the lowest version allowed
	 * @param blocked exact versions refused even though they meet the minimum
	 * @param storeUrl where to get the app, or {@code null}
	 */
	public record Platform(VersionNumber minimum, Set<VersionNumber> blocked, @Nullable String storeUrl) {

		Map<String, Object> describe() {
			Map<String, Object> description = new LinkedHashMap<>();
			description.put("minimum", this.minimum.toString());
			description.put("blocked", this.blocked.stream().map(VersionNumber::toString).sorted().toList());
			if (this.storeUrl != null) {
				description.put("storeUrl", this.storeUrl);
			}
			return description;
		}

	}

	/**
	 * Where the platform and version of the app are read.
	 *
	 * @param platformHeader the header holding the platform, or {@code null}
	 * @param versionHeader the header holding the version, or {@code null}
	 * @param userAgentPattern a pattern for the {@code User-Agent} with the named group
	 * {@code version} and optionally {@code platform}, or {@code null}
	 */
	public record Source(@Nullable String platformHeader, @Nullable String versionHeader,
			@Nullable Pattern userAgentPattern) {

		Set<String> readHeaders() {
			Set<String> headers = new LinkedHashSet<>();
			if (this.platformHeader != null) {
				headers.add(this.platformHeader);
			}
			if (this.versionHeader != null) {
				headers.add(this.versionHeader);
			}
			if (this.userAgentPattern != null) {
				headers.add("User-Agent");
			}
			return headers;
		}

		private static @Nullable Matcher match(Pattern pattern, String userAgent) {
			String text = (userAgent.length() > MAX_USER_AGENT_LENGTH) ? userAgent.substring(0, MAX_USER_AGENT_LENGTH)
					: userAgent;
			try {
				Matcher matcher = pattern.matcher(new BoundedCharSequence(text, MATCH_BUDGET));
				return matcher.find() ? matcher : null;
			}
			catch (BoundedCharSequence.BudgetExceeded ex) {
				return null;
			}
		}

		private static @Nullable String normalize(@Nullable String platform) {
			if (platform == null) {
				return null;
			}
			String trimmed = platform.trim();
			if (trimmed.isEmpty()) {
				return null;
			}
			// Too long to be a configured platform, but a platform all the same: kept short,
			// and marked so that it can never equal a configured name.
			if (trimmed.length() > MAX_PLATFORM_LENGTH) {
				int end = Character.isHighSurrogate(trimmed.charAt(MAX_PLATFORM_LENGTH - 1)) ? MAX_PLATFORM_LENGTH - 1
						: MAX_PLATFORM_LENGTH;
				return trimmed.substring(0, end) + "\u2026";
			}
			return trimmed.toLowerCase(Locale.ROOT);
		}

	}

}
