package io.github.upgraderequired.autoconfigure;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.github.upgraderequired.autoconfigure.UpgradeRequiredProperties.Api;
import io.github.upgraderequired.autoconfigure.UpgradeRequiredProperties.App;
import io.github.upgraderequired.autoconfigure.UpgradeRequiredProperties.Browser;
import io.github.upgraderequired.autoconfigure.UpgradeRequiredProperties.AppPlatform;
import io.github.upgraderequired.autoconfigure.UpgradeRequiredProperties.ExemptHeader;
import io.github.upgraderequired.autoconfigure.UpgradeRequiredProperties.Proxy;
import io.github.upgraderequired.autoconfigure.UpgradeRequiredProperties.Rule;
import io.github.upgraderequired.core.AddressRange;
import io.github.upgraderequired.core.HttpProtocol;
import io.github.upgraderequired.core.PathMatcher;
import io.github.upgraderequired.core.RuleSettings;
import io.github.upgraderequired.core.Schedule;
import io.github.upgraderequired.core.TlsVersion;
import io.github.upgraderequired.core.TrustedProxies;
import io.github.upgraderequired.core.UpgradeRule;
import io.github.upgraderequired.core.UpgradeTokens;
import io.github.upgraderequired.core.VersionNumber;
import io.github.upgraderequired.core.rule.ApiVersionRule;
import io.github.upgraderequired.core.browser.AgentKind;
import io.github.upgraderequired.core.browser.BrowserDetector;
import io.github.upgraderequired.core.browser.BrowserFamily;
import io.github.upgraderequired.core.browser.BrowserPreset;
import io.github.upgraderequired.core.rule.AppVersionRule;
import io.github.upgraderequired.core.rule.BrowserRule;
import io.github.upgraderequired.core.rule.Http2Rule;
import io.github.upgraderequired.core.rule.HttpVersionRule;
import io.github.upgraderequired.core.rule.HttpsRule;
import io.github.upgraderequired.core.rule.TlsVersionRule;
import io.github.upgraderequired.core.rule.WebSocketRule;
import org.jspecify.annotations.Nullable;

/**
 * Creates the rules configured under {@code upgrade-required.rules}, checking every value
 * first so that a mistake is reported with the property that holds it.
 */
final class PropertiesRules {

	private static final String RULES = UpgradeRequiredProperties.PREFIX + ".rules.";

	private final PathMatcher.Compiler compiler;

	private final Supplier<@Nullable ApplicationApiVersioning> applicationApiVersioning;

	private @Nullable BrowserDetector browserDetector;

	/**
	 * Create the factory.
	 * @param compiler compiles the rules' path patterns
	 * @param applicationApiVersioning finds the application's API versioning, asked only
	 * when an api-version rule is created
	 */
	PropertiesRules(PathMatcher.Compiler compiler, Supplier<@Nullable ApplicationApiVersioning> applicationApiVersioning) {
		this.compiler = compiler;
		this.applicationApiVersioning = applicationApiVersioning;
	}

	List<UpgradeRule> create(UpgradeRequiredProperties properties) {
		checkPatterns(UpgradeRequiredProperties.PREFIX + ".exclude-paths", properties.getExcludePaths());
		TrustedProxies proxies = proxies(properties.getProxy());
		List<UpgradeRule> rules = new ArrayList<>();
		for (Map.Entry<String, Rule> entry : properties.getRules().entrySet()) {
			rules.add(create(entry.getKey(), entry.getValue(), proxies));
		}
		return rules;
	}

	/**
	 * Return the trusted proxies the properties describe.
	 * @throws UpgradeRequiredConfigurationException if a property is not valid
	 */
	static TrustedProxies proxies(Proxy proxy) {
		String prefix = UpgradeRequiredProperties.PREFIX + ".proxy";
		checkAddresses(prefix + ".trusted-addresses", proxy.getTrustedAddresses());
		checkHeaderName(prefix + ".http-version-header", proxy.getHttpVersionHeader());
		checkHeaderName(prefix + ".tls-version-header", proxy.getTlsVersionHeader());
		return new TrustedProxies(proxy.getTrustedAddresses(), proxy.getHttpVersionHeader(),
				proxy.getTlsVersionHeader());
	}

	private UpgradeRule create(String name, Rule rule, TrustedProxies proxies) {
		String prefix = RULES + name;
		if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
			throw new UpgradeRequiredConfigurationException(prefix, name,
					"a rule name is used as a metric tag and must be 1 to 64 letters, digits, '.', '_' or '-'",
					"Rename the rule under '" + RULES + "', for example to 'legacy-http'.");
		}
		RuleType type = rule.getType();
		if (type == null) {
			throw new UpgradeRequiredConfigurationException(prefix + ".type", null, "every rule needs a type",
					"Set '" + prefix + ".type' to one of " + typeNames() + ".");
		}
		RuleSettings settings = settings(prefix, rule);
		checkTokens(prefix + ".upgrade", rule.getUpgrade());
		return switch (type) {
			case HTTP_VERSION -> new HttpVersionRule(name, httpVersion(prefix, rule), rule.getUpgrade(), settings,
					proxies);
			case HTTPS -> https(name, prefix, rule, settings);
			case TLS_VERSION -> new TlsVersionRule(name, tlsVersion(prefix, rule), rule.getUpgrade(), settings, proxies);
			case HTTP2 -> new Http2Rule(name, rule.getUpgrade(), settings, proxies);
			case WEBSOCKET -> new WebSocketRule(name, rule.getUpgrade(), settings);
			case APP_VERSION -> appVersion(name, prefix, rule, settings);
			case API_VERSION -> apiVersion(name, prefix, rule, settings);
			case BROWSER -> browser(name, prefix, rule, settings);
		};
	}

	private RuleSettings settings(String prefix, Rule rule) {
		if (rule.getWarnFrom() != null && rule.getEnforceFrom() != null
				&& rule.getEnforceFrom().isBefore(rule.getWarnFrom())) {
			throw new UpgradeRequiredConfigurationException(prefix + ".enforce-from", rule.getEnforceFrom(),
					"it is before '" + prefix + ".warn-from' (" + rule.getWarnFrom() + ")",
					"Set '" + prefix + ".enforce-from' to an instant after '" + prefix + ".warn-from', "
							+ "or move 'warn-from' earlier.");
		}
		checkPatterns(prefix + ".paths", rule.getPaths());
		checkPatterns(prefix + ".exclude-paths", rule.getExcludePaths());
		List<String> methods = rule.getMethods();
		for (int i = 0; i < methods.size(); i++) {
			if (!methods.get(i).matches("[A-Za-z]{1,32}")) {
				throw new UpgradeRequiredConfigurationException(prefix + ".methods[" + i + "]", methods.get(i),
						"it is not an HTTP method name", "Use a method such as GET or POST.");
			}
		}
		List<String> addresses = rule.getExempt().getAddresses();
		checkAddresses(prefix + ".exempt.addresses", addresses);
		ExemptHeader header = rule.getExempt().getHeader();
		checkHeaderName(prefix + ".exempt.header.name", header.getName());
		if ((header.getName() == null) != (header.getValue() == null)) {
			String missing = prefix + ".exempt.header." + ((header.getName() == null) ? "name" : "value");
			throw new UpgradeRequiredConfigurationException(missing, null,
					"an exempt header needs both a name and a value",
					"Set '" + missing + "', or remove '" + prefix + ".exempt.header'.");
		}
		if (rule.getStatus() < 400 || rule.getStatus() > 499) {
			throw new UpgradeRequiredConfigurationException(prefix + ".status", rule.getStatus(),
					"the upgrade response must have a 4xx status",
					"Use 426 (Upgrade Required, the default) or another 4xx status such as 406.");
		}
		URI documentation = rule.getDocumentation();
		if (documentation != null && !documentation.isAbsolute()) {
			throw new UpgradeRequiredConfigurationException(prefix + ".documentation", documentation,
					"clients need an absolute URL", "Use an absolute URL such as https://example.com/upgrade.");
		}
		RuleSettings settings = RuleSettings.builder()
			.schedule(new Schedule(rule.getMode(), rule.getWarnFrom(), rule.getEnforceFrom()))
			.deprecation(rule.getDeprecation())
			.documentation((documentation != null) ? documentation.toString() : null)
			.paths(rule.getPaths())
			.excludePaths(rule.getExcludePaths())
			.methods(methods)
			.exemptAddresses(addresses)
			.exemptHeader(header.getName(), header.getValue())
			.unknown(rule.getUnknown())
			.status(rule.getStatus())
			.build();
		if (settings.canWarnWithoutDeprecation()) {
			throw new UpgradeRequiredConfigurationException(prefix + ".deprecation", null,
					"the rule can warn ('mode: warn', or 'enforce-from' without 'warn-from'), and a warning carries "
							+ "the instant the client was deprecated ('Deprecation', RFC 9745)",
					"Set '" + prefix + ".warn-from' to when the warnings start, or '" + prefix
							+ ".deprecation' to when the client was deprecated.");
		}
		return settings;
	}

	private static HttpProtocol httpVersion(String prefix, Rule rule) {
		String minimum = rule.getMinimum();
		if (minimum == null) {
			return HttpProtocol.HTTP_1_1;
		}
		HttpProtocol protocol = HttpProtocol.parseVersion(minimum);
		if (protocol == null) {
			throw new UpgradeRequiredConfigurationException(prefix + ".minimum", minimum,
					"it is not an HTTP version", "Use 1.0, 1.1, 2 or 3.");
		}
		return protocol;
	}

	private static TlsVersion tlsVersion(String prefix, Rule rule) {
		String minimum = rule.getMinimum();
		if (minimum == null) {
			return TlsVersion.TLS_1_2;
		}
		TlsVersion version = TlsVersion.parse(minimum);
		if (version == null) {
			throw new UpgradeRequiredConfigurationException(prefix + ".minimum", minimum, "it is not a TLS version",
					"Use 1.2 or 1.3 (also 1.0 or 1.1, which Java disables by default).");
		}
		return version;
	}

	private UpgradeRule browser(String name, String prefix, Rule rule, RuleSettings settings) {
		Browser browser = rule.getBrowser();
		String browserPrefix = prefix + ".browser";
		Map<BrowserFamily, VersionNumber> minimums = new EnumMap<>(BrowserFamily.class);
		Set<BrowserFamily> blocked = EnumSet.noneOf(BrowserFamily.class);
		if (browser.getPreset() != null) {
			BrowserPreset preset = BrowserPreset.of(browser.getPreset());
			if (preset == null) {
				throw new UpgradeRequiredConfigurationException(browserPrefix + ".preset", browser.getPreset(),
						"there is no such preset", "Use modern-2024, or modern for the newest preset.");
			}
			minimums.putAll(preset.minimums());
			blocked.addAll(preset.blocked());
		}
		browser.getMinimums().forEach((key, value) -> {
			BrowserFamily family = family(browserPrefix + ".minimums", key);
			minimums.put(family, version(browserPrefix + ".minimums." + key, value));
			blocked.remove(family);
		});
		for (int i = 0; i < browser.getBlocked().size(); i++) {
			blocked.add(family(browserPrefix + ".blocked[" + i + "]", browser.getBlocked().get(i)));
		}
		Set<AgentKind> judged = EnumSet.noneOf(AgentKind.class);
		for (int i = 0; i < browser.getJudge().size(); i++) {
			AgentKind kind = AgentKind.of(browser.getJudge().get(i));
			if (kind == null || kind == AgentKind.BROWSER) {
				throw new UpgradeRequiredConfigurationException(browserPrefix + ".judge[" + i + "]",
						browser.getJudge().get(i), "it is not a kind of client",
						"Use crawlers, link-previews, audits, monitors, libraries, webviews or unknown.");
			}
			judged.add(kind);
		}
		if (minimums.isEmpty() && blocked.isEmpty()) {
			throw new UpgradeRequiredConfigurationException(browserPrefix, null,
					"a browser rule needs a preset, minimums or blocked families",
					"Set '" + browserPrefix + ".preset' to modern, or '" + browserPrefix + ".minimums.chrome' and "
							+ "the like.");
		}
		if (this.browserDetector == null) {
			this.browserDetector = new BrowserDetector();
		}
		return new BrowserRule(name, minimums, blocked, judged, this.browserDetector, rule.getUpgrade(), settings);
	}

	private static BrowserFamily family(String property, String key) {
		BrowserFamily family = BrowserFamily.of(key);
		if (family == null) {
			throw new UpgradeRequiredConfigurationException(property, key, "it is not a browser family",
					"Use chrome, edge, firefox, safari, opera, samsung-internet or internet-explorer.");
		}
		return family;
	}

	private UpgradeRule apiVersion(String name, String prefix, Rule rule, RuleSettings settings) {
		Api api = rule.getApi();
		String apiPrefix = prefix + ".api";
		String minimum = rule.getMinimum();
		if (minimum == null) {
			throw new UpgradeRequiredConfigurationException(prefix + ".minimum", null,
					"an api-version rule needs the lowest API version allowed", "Set it to a version such as 2.");
		}
		boolean ownSource = api.getHeader() != null || api.getQueryParameter() != null || api.getPathSegment() != null
				|| api.getMediaTypeParameter() != null;
		@Nullable ApplicationApiVersioning applicationApiVersioning = this.applicationApiVersioning.get();
		boolean application = (api.getUseApplicationVersioning() != null) ? api.getUseApplicationVersioning()
				: (applicationApiVersioning != null && !ownSource);
		if (application && applicationApiVersioning == null) {
			throw new UpgradeRequiredConfigurationException(apiPrefix + ".use-application-versioning", true,
					"the application has no API versioning configured",
					"Configure spring.mvc.apiversion.* (or spring.webflux.apiversion.*), or set this to false.");
		}
		if (application && ownSource) {
			throw new UpgradeRequiredConfigurationException(apiPrefix + ".use-application-versioning", true,
					"the rule would read the version the application's way and ignore its own header, "
							+ "query parameter, path segment or media-type parameter",
					"Remove the rule's own source to use the application's versioning, or set this to false.");
		}
		checkHeaderName(apiPrefix + ".header", api.getHeader());
		if (api.getPathSegment() != null && (api.getPathSegment() < 0 || api.getPathSegment() > 32)) {
			throw new UpgradeRequiredConfigurationException(apiPrefix + ".path-segment", api.getPathSegment(),
					"it is not a path segment index", "Use 0 for the first segment, 1 for the second, and so on.");
		}
		ApiVersionRule.Source source;
		@Nullable Function<String, @Nullable Comparable<?>> parser;
		if (application) {
			source = new ApiVersionRule.Source(true, applicationApiVersioning.header(), null, null,
					applicationApiVersioning.mediaTypeParameter());
			parser = applicationApiVersioning.parser();
		}
		else {
			source = new ApiVersionRule.Source(false, ownSource ? api.getHeader() : "API-Version",
					api.getQueryParameter(), api.getPathSegment(), api.getMediaTypeParameter());
			parser = null;
		}
		if (((parser != null) ? parser.apply(minimum) : VersionNumber.parse(minimum)) == null) {
			throw new UpgradeRequiredConfigurationException(prefix + ".minimum", minimum, "it is not an API version"
					+ (application ? " the application's versioning accepts" : ""),
					"Use a version such as 2, 1.2 or v1.2.3.");
		}
		List<String> upgrade = rule.getUpgrade();
		if (upgrade.isEmpty() && !UpgradeTokens.isValid("API/" + minimum)) {
			throw new UpgradeRequiredConfigurationException(prefix + ".upgrade", null,
					"'API/" + minimum + "' is not a legal Upgrade token",
					"Set '" + prefix + ".upgrade' to a token such as API/2.");
		}
		return (parser != null) ? new ApiVersionRule(name, minimum, source, parser, upgrade, settings)
				: new ApiVersionRule(name, minimum, source, upgrade, settings);
	}

	private static UpgradeRule appVersion(String name, String prefix, Rule rule, RuleSettings settings) {
		App app = rule.getApp();
		String appPrefix = prefix + ".app";
		String product = (app.getProduct() != null) ? app.getProduct() : name;
		if (!UpgradeTokens.isToken(product)) {
			throw new UpgradeRequiredConfigurationException(appPrefix + ".product", product,
					"the product is the name of an Upgrade token", "Use a name such as ExampleApp.");
		}
		checkHeaderName(appPrefix + ".platform-header", app.getPlatformHeader());
		checkHeaderName(appPrefix + ".version-header", app.getVersionHeader());
		Pattern pattern = userAgentPattern(appPrefix + ".user-agent-pattern", app.getUserAgentPattern());
		Map<String, AppVersionRule.Platform> platforms = new LinkedHashMap<>();
		app.getPlatforms().forEach((platform, requirements) -> platforms.put(platform.toLowerCase(Locale.ROOT),
				platform(appPrefix + ".platforms." + platform, requirements)));
		AppVersionRule.Platform fallback = null;
		if (rule.getMinimum() != null) {
			fallback = new AppVersionRule.Platform(version(prefix + ".minimum", rule.getMinimum()), Set.of(), null);
		}
		if (platforms.isEmpty() && fallback == null) {
			throw new UpgradeRequiredConfigurationException(appPrefix + ".platforms", null,
					"an app-version rule needs a minimum, per platform or for all",
					"Set '" + appPrefix + ".platforms.<platform>.minimum', or '" + prefix + ".minimum'.");
		}
		return new AppVersionRule(name, product, platforms, fallback, app.getUnknownPlatform(),
				new AppVersionRule.Source(app.getPlatformHeader(), app.getVersionHeader(), pattern), rule.getUpgrade(),
				settings);
	}

	private static AppVersionRule.Platform platform(String prefix, AppPlatform platform) {
		if (platform.getMinimum() == null) {
			throw new UpgradeRequiredConfigurationException(prefix + ".minimum", null,
					"every platform needs its lowest version allowed", "Set it to a version such as 5.2.0.");
		}
		VersionNumber minimum = version(prefix + ".minimum", platform.getMinimum());
		Set<VersionNumber> blocked = new LinkedHashSet<>();
		for (int i = 0; i < platform.getBlocked().size(); i++) {
			blocked.add(version(prefix + ".blocked[" + i + "]", platform.getBlocked().get(i)));
		}
		URI storeUrl = platform.getStoreUrl();
		if (storeUrl != null && !storeUrl.isAbsolute()) {
			throw new UpgradeRequiredConfigurationException(prefix + ".store-url", storeUrl,
					"clients need an absolute URL", "Use the store page's URL, such as https://apps.apple.com/app/id1.");
		}
		return new AppVersionRule.Platform(minimum, blocked, (storeUrl != null) ? storeUrl.toString() : null);
	}

	private static VersionNumber version(String property, String value) {
		VersionNumber version = VersionNumber.parse(value);
		if (version == null) {
			throw new UpgradeRequiredConfigurationException(property, value, "it is not a version",
					"Use dotted numbers, optionally with a pre-release, such as 5.2.0 or 6.0.0-beta.1.");
		}
		return version;
	}

	private static @Nullable Pattern userAgentPattern(String property, @Nullable String pattern) {
		if (pattern == null) {
			return null;
		}
		try {
			Pattern compiled = Pattern.compile(pattern);
			if (!pattern.contains("(?<version>")) {
				throw new UpgradeRequiredConfigurationException(property, pattern,
						"the pattern has no group named 'version'",
						"Capture the version with (?<version>...), such as ExampleApp/(?<version>[0-9.]+).");
			}
			return compiled;
		}
		catch (PatternSyntaxException ex) {
			throw new UpgradeRequiredConfigurationException(property, pattern,
					ex.getDescription() + " (at character " + ex.getIndex() + ")",
					"Fix the regular expression; capture the version with (?<version>...).");
		}
	}

	private static UpgradeRule https(String name, String prefix, Rule rule, RuleSettings settings) {
		int port = rule.getHttps().getRedirectPort();
		if (port < 1 || port > 65535) {
			throw new UpgradeRequiredConfigurationException(prefix + ".https.redirect-port", port,
					"it is not a TCP port", "Use a port from 1 to 65535, such as 443 (the default) or 8443.");
		}
		List<String> hosts = rule.getHttps().getRedirectHosts();
		for (int i = 0; i < hosts.size(); i++) {
			if (!HttpsRule.isRedirectHostPattern(hosts.get(i))) {
				throw new UpgradeRequiredConfigurationException(prefix + ".https.redirect-hosts[" + i + "]",
						hosts.get(i), "it is not a host name, an IPv4 address or a bracketed IPv6 address",
						"Use a host name such as example.com, *.example.com for every name below it, or an address.");
			}
		}
		return new HttpsRule(name, rule.getUpgrade(), settings, rule.getHttps().isRedirect(), port, hosts);
	}

	private void checkPatterns(String property, List<String> patterns) {
		for (int i = 0; i < patterns.size(); i++) {
			try {
				this.compiler.compile(patterns.get(i));
			}
			catch (IllegalArgumentException ex) {
				throw new UpgradeRequiredConfigurationException(property + "[" + i + "]", patterns.get(i),
						ex.getMessage(), "Use a path pattern in Spring's PathPattern syntax, such as /api/**.");
			}
		}
	}

	private static void checkTokens(String property, List<String> tokens) {
		for (int i = 0; i < tokens.size(); i++) {
			if (!UpgradeTokens.isValid(tokens.get(i))) {
				throw new UpgradeRequiredConfigurationException(property + "[" + i + "]", tokens.get(i),
						"an Upgrade token is protocol-name[/protocol-version], each part letters, digits and "
								+ "!#$%&'*+-.^_`|~ only (RFC 9110 §7.8)",
						"Use a token such as HTTP/1.1, TLS/1.3 or h2c; list several as separate entries.");
			}
		}
	}

	private static void checkAddresses(String property, List<String> addresses) {
		for (int i = 0; i < addresses.size(); i++) {
			try {
				AddressRange.parse(addresses.get(i));
			}
			catch (IllegalArgumentException ex) {
				throw new UpgradeRequiredConfigurationException(property + "[" + i + "]", addresses.get(i),
						ex.getMessage(), "Use an address literal or a CIDR range such as 10.0.0.0/8 or fd00::/8.");
			}
		}
	}

	private static void checkHeaderName(String property, @Nullable String name) {
		if (name != null && !UpgradeTokens.isToken(name)) {
			throw new UpgradeRequiredConfigurationException(property, name, "it is not a legal header name",
					"Use a header name such as X-Internal-Caller.");
		}
	}

	private static String typeNames() {
		StringBuilder names = new StringBuilder();
		for (RuleType type : RuleType.values()) {
			names.append((names.length() > 0) ? ", " : "").append(type.value());
		}
		return names.toString();
	}

}
