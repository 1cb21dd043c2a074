package io.github.upgraderequired.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.upgraderequired.autoconfigure.UpgradeRequiredProperties.Rule;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;

/**
 * Checks that every key set under {@code upgrade-required} is a setting of the starter, and every key under {@code upgrade-required.rules.<name>} a
 * setting of that rule's type, so that a misspelled key ({@code pathz}, which would leave
 * the rule on every path) or another type's group stops start-up instead of being ignored.
 * Keys are compared in Spring Boot's relaxed form, so that environment variables and
 * camel case match. One check for start-up and any later reload of the configuration.
 */
final class ConfigurationKeys {

	private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName
		.of(UpgradeRequiredProperties.PREFIX);

	private static final Set<String> TOP_LEVEL = Set.of("enabled", "fail-closed", "exclude-paths", "before-security",
			"filter-order", "proxy.trusted-addresses", "proxy.http-version-header", "proxy.tls-version-header",
			"proxy.restrict-netty-forwarding", "response.problem-type", "response.page", "client.enabled",
			"client.log-interval", "client.metrics.host-tag", "client.https-retry.hosts", "client.https-retry.port");

	private static final List<String> COMMON = List.of("type", "mode", "warn-from", "enforce-from", "deprecation",
			"documentation", "paths", "exclude-paths", "methods", "exempt.addresses", "exempt.header.name",
			"exempt.header.value", "upgrade", "status", "unknown");

	private static final Map<RuleType, List<String>> BY_TYPE = Map.of(RuleType.HTTP_VERSION, List.of("minimum"),
			RuleType.TLS_VERSION, List.of("minimum"), RuleType.HTTP2, List.of(), RuleType.WEBSOCKET, List.of(),
			RuleType.HTTPS, List.of("https.redirect", "https.redirect-port", "https.redirect-hosts"),
			RuleType.API_VERSION,
			List.of("minimum", "api.use-application-versioning", "api.header", "api.query-parameter",
					"api.path-segment", "api.media-type-parameter"),
			RuleType.APP_VERSION,
			List.of("minimum", "app.product", "app.platform-header", "app.version-header", "app.user-agent-pattern",
					"app.platforms.*.minimum", "app.platforms.*.blocked", "app.platforms.*.store-url",
					"app.unknown-platform"),
			RuleType.BROWSER, List.of("browser.preset", "browser.minimums.*", "browser.blocked", "browser.judge"));

	private ConfigurationKeys() {
	}

	/**
	 * Check the keys that the given sources set.
	 * @param sources the configuration property sources, such as
	 * {@code ConfigurationPropertySources.get(environment)}
	 * @param properties the properties bound from them, for the rules' types
	 * @throws UpgradeRequiredConfigurationException for the first key that is not a
	 * setting
	 */
	static void check(Iterable<ConfigurationPropertySource> sources, UpgradeRequiredProperties properties) {
		for (ConfigurationPropertySource source : sources) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				for (ConfigurationPropertyName name : iterable.filter(ROOT::isAncestorOf)) {
					ConfigurationProperty property = iterable.getConfigurationProperty(name);
					check(name, (property != null) ? property.getValue() : null, properties);
				}
			}
		}
	}

	/**
	 * Return every key the check lets through, below {@code upgrade-required}: a rule's as
	 * {@code rules.*.<key>}, a map key as {@code *}.
	 * @return the keys, in their canonical form
	 */
	static Set<String> all() {
		Set<String> all = new LinkedHashSet<>(TOP_LEVEL);
		COMMON.forEach((key) -> all.add("rules.*." + key));
		BY_TYPE.values().forEach((keys) -> keys.forEach((key) -> all.add("rules.*." + key)));
		return all;
	}

	private static void check(ConfigurationPropertyName name, @Nullable Object value,
			UpgradeRequiredProperties properties) {
		List<String> elements = new ArrayList<>();
		for (int i = 1; i < name.getNumberOfElements(); i++) {
			// List indices say nothing of the key.
			if (!name.isNumericIndex(i)) {
				elements.add(name.getElement(i, Form.UNIFORM));
			}
		}
		if (elements.isEmpty()) {
			return;
		}
		if (elements.get(0).equals("rules")) {
			if (elements.size() > 2) {
				checkRuleKey(name, value, elements.get(1), elements.subList(2, elements.size()), properties);
			}
			return;
		}
		String key = String.join(".", elements);
		if (!uniform(TOP_LEVEL).contains(key)) {
			throw unknown(name.toString(), value, "it is not a setting of upgrade-required", suggest(key, TOP_LEVEL));
		}
	}

	private static void checkRuleKey(ConfigurationPropertyName name, @Nullable Object value, String ruleName,
			List<String> rest, UpgradeRequiredProperties properties) {
		RuleType type = typeOf(ruleName, properties);
		List<String> key = new ArrayList<>(rest);
		// Map keys say nothing of the key either: a browser family, an app platform.
		if (key.size() > 2 && key.get(0).equals("browser") && key.get(1).equals("minimums")) {
			key.set(2, "*");
		}
		if (key.size() > 3 && key.get(0).equals("app") && key.get(1).equals("platforms")) {
			key.set(2, "*");
		}
		String joined = String.join(".", key);
		List<String> allowed = new ArrayList<>(COMMON);
		if (type != null) {
			allowed.addAll(BY_TYPE.getOrDefault(type, List.of()));
		}
		else {
			// No type (reported on its own): any rule's setting passes here.
			BY_TYPE.values().forEach(allowed::addAll);
		}
		if (uniform(allowed).contains(joined)) {
			return;
		}
		String property = name.toString();
		if (type != null) {
			for (Map.Entry<RuleType, List<String>> other : BY_TYPE.entrySet()) {
				if (uniform(other.getValue()).contains(joined)) {
					throw new UpgradeRequiredConfigurationException(property, value,
							"it is a setting of rules of type '" + other.getKey().value() + "', not of this rule's type '"
									+ type.value() + "'",
							"Remove it, or change the rule's type. Rules of type '" + type.value() + "' use "
									+ String.join(", ", BY_TYPE.get(type).isEmpty() ? List.of("no setting of its own")
											: BY_TYPE.get(type))
									+ " besides the settings every rule has.");
				}
			}
		}
		throw unknown(property, value, (type != null) ? "it is not a setting of rules of type '" + type.value() + "'"
				: "it is not a setting of any rule", suggest(joined, allowed));
	}

	private static @Nullable RuleType typeOf(String uniformName, UpgradeRequiredProperties properties) {
		for (Map.Entry<String, Rule> rule : properties.getRules().entrySet()) {
			if (uniform(rule.getKey()).equals(uniformName)) {
				return rule.getValue().getType();
			}
		}
		return null;
	}

	private static UpgradeRequiredConfigurationException unknown(String property, @Nullable Object value,
			String reason, @Nullable String suggestion) {
		return new UpgradeRequiredConfigurationException(property, value, reason,
				(suggestion != null) ? "Did you mean '" + suggestion + "'? Rename or remove the key."
						: "Remove the key, or see the starter's configuration reference for the settings there are.");
	}

	/**
	 * Return the allowed value closest to the given one, if it is close: two edits or
	 * fewer, both compared as Spring Boot compares keys.
	 * @param uniformKey the value in its uniform form
	 * @param allowed the values there are
	 * @return the nearest, or {@code null}
	 */
	static @Nullable String suggest(String uniformKey, Iterable<String> allowed) {
		String best = null;
		int bestDistance = 3;
		for (String candidate : allowed) {
			int distance = distance(uniformKey, uniform(candidate));
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return best;
	}

	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	private static Set<String> uniform(Iterable<String> keys) {
		Set<String> uniform = new LinkedHashSet<>();
		for (String key : keys) {
			uniform.add(uniform(key));
		}
		return uniform;
	}

	/**
	 * A key as Spring Boot compares it: lower case, without dashes or underscores.
	 */
	static String uniform(String key) {
		return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
	}

}
