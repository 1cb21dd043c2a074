package io.github.upgraderequired.autoconfigure;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.github.upgraderequired.autoconfigure.UpgradeRequiredProperties.Rule;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

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

	/**
	 * The start of an environment variable in the form Spring Boot also binds, where the
	 * dash of the prefix is an underscore too.
	 */
	private static final String LEGACY_PREFIX = "UPGRADE_REQUIRED_";

	private static final String MASKED = "******";

	private static final List<String> TOP_LEVEL = List.of("enabled", "fail-closed", "exclude-paths", "before-security",
			"filter-order", "proxy.trusted-addresses", "proxy.http-version-header", "proxy.tls-version-header",
			"proxy.restrict-netty-forwarding", "response.problem-type", "response.page", "client.enabled",
			"client.log-interval", "client.metrics.host-tag", "client.https-retry.hosts", "client.https-retry.port");

	private static final List<String> COMMON = List.of("type", "mode", "warn-from", "enforce-from", "deprecation",
			"documentation", "paths", "exclude-paths", "methods", "exempt.addresses", "exempt.header.name",
			"exempt.header.value", "upgrade", "status", "unknown");

	private static final Map<RuleType, List<String>> BY_TYPE = byType();

	private ConfigurationKeys() {
	}

	private static Map<RuleType, List<String>> byType() {
		Map<RuleType, List<String>> byType = new EnumMap<>(RuleType.class);
		byType.put(RuleType.HTTP_VERSION, List.of("minimum"));
		byType.put(RuleType.HTTPS, List.of("https.redirect", "https.redirect-port", "https.redirect-hosts"));
		byType.put(RuleType.TLS_VERSION, List.of("minimum"));
		byType.put(RuleType.HTTP2, List.of());
		byType.put(RuleType.WEBSOCKET, List.of());
		byType.put(RuleType.APP_VERSION,
				List.of("minimum", "app.product", "app.platform-header", "app.version-header", "app.user-agent-pattern",
						"app.platforms.*.minimum", "app.platforms.*.blocked", "app.platforms.*.store-url",
						"app.unknown-platform"));
		byType.put(RuleType.API_VERSION, List.of("minimum", "api.use-application-versioning", "api.header",
				"api.query-parameter", "api.path-segment", "api.media-type-parameter"));
		byType.put(RuleType.BROWSER, List.of("browser.preset", "browser.minimums.*", "browser.blocked", "browser.judge"));
		return byType;
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

	/**
	 * Return the keys a rule of the given type has besides those every rule has.
	 * @param type the type
	 * @return its keys, in their canonical form
	 */
	static List<String> of(RuleType type) {
		return BY_TYPE.get(type);
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
			if (source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource environment) {
				checkLegacy(environment, properties);
			}
		}
	}

	private static void check(ConfigurationPropertyName name, @Nullable Object value,
			UpgradeRequiredProperties properties) {
		List<String> elements = new ArrayList<>();
		for (int i = 1; i < name.getNumberOfElements(); i++) {
			if (name.isNumericIndex(i) && i == 2 && elements.get(0).equals("rules")) {
				throw new UpgradeRequiredConfigurationException(name.toString(), value,
						"the rules are a map from each rule's name to its settings, not a list",
						"Name each rule in the key: 'upgrade-required.rules.api.type=api-version', or in YAML "
								+ "'api:' under 'rules:' rather than '- name: api'.");
			}
			// An index is part of the key's spelling; those of a list setting end the key.
			elements.add(name.isNumericIndex(i) ? "[]" : name.getElement(i, Form.UNIFORM));
		}
		while (!elements.isEmpty() && elements.get(elements.size() - 1).equals("[]")) {
			elements.remove(elements.size() - 1);
		}
		if (elements.isEmpty()) {
			return;
		}
		if (elements.get(0).equals("rules")) {
			if (elements.size() > 2) {
				checkRuleKey(name.toString(), value, elements.get(1), elements.subList(2, elements.size()),
						properties);
			}
			return;
		}
		String key = String.join(".", elements);
		if (!uniform(TOP_LEVEL).contains(key)) {
			throw unknown(name.toString(), value, "it is not a setting of upgrade-required", suggest(key, TOP_LEVEL));
		}
	}

	private static void checkRuleKey(String property, @Nullable Object value, String ruleName, List<String> rest,
			UpgradeRequiredProperties properties) {
		RuleType type = typeOf(ruleName, properties);
		List<String> key = new ArrayList<>(rest);
		// Map keys say nothing of the key either: a browser family, an app platform.
		String mapKey = null;
		if (key.size() > 2 && key.get(0).equals("browser") && key.get(1).equals("minimums")) {
			mapKey = key.set(2, "*");
		}
		if (key.size() > 3 && key.get(0).equals("app") && key.get(1).equals("platforms")) {
			mapKey = key.set(2, "*");
		}
		String joined = String.join(".", key);
		List<String> allowed = new ArrayList<>(COMMON);
		if (type != null) {
			allowed.addAll(BY_TYPE.get(type));
		}
		else {
			// No type (reported on its own): any rule's setting passes here.
			BY_TYPE.values().forEach(allowed::addAll);
		}
		if (uniform(allowed).contains(joined)) {
			return;
		}
		Object shown = masked(joined, value);
		if (type != null) {
			checkOtherTypes(property, shown, type, (candidate) -> uniform(candidate).equals(joined));
		}
		String suggestion = suggest(joined, allowed);
		if (suggestion != null && mapKey != null) {
			suggestion = suggestion.replace("*", mapKey);
		}
		throw unknown(property, shown, (type != null) ? "it is not a setting of rules of type '" + type.value() + "'"
				: "it is not a setting of any rule", suggestion);
	}

	/**
	 * Throw if the key is a setting of rules of other types, naming them.
	 */
	private static void checkOtherTypes(String property, @Nullable Object value, RuleType type,
			Predicate<String> isKey) {
		List<String> owners = new ArrayList<>();
		BY_TYPE.forEach((other, keys) -> {
			if (keys.stream().anyMatch(isKey)) {
				owners.add("'" + other.value() + "'");
			}
		});
		if (!owners.isEmpty()) {
			throw new UpgradeRequiredConfigurationException(property, value,
					"it is a setting of rules of type " + String.join(" or ", owners) + ", not of this rule's type '"
							+ type.value() + "'",
					"Remove it, or change the rule's type. Rules of type '" + type.value() + "' use "
							+ String.join(", ", BY_TYPE.get(type).isEmpty() ? List.of("no setting of its own")
									: BY_TYPE.get(type))
							+ " besides the settings every rule has.");
		}
	}

	/**
	 * Check the environment variables in the form where the prefix's dash is an underscore
	 * ({@code UPGRADE_REQUIRED_RULES_API_PATHS}), which Spring Boot binds to a setting it
	 * looks for, though not in its list of the names under {@code upgrade-required}.
	 */
	private static void checkLegacy(SystemEnvironmentPropertySource environment,
			UpgradeRequiredProperties properties) {
		for (String variable : environment.getPropertyNames()) {
			String upper = variable.toUpperCase(Locale.ROOT);
			if (!upper.startsWith(LEGACY_PREFIX)) {
				continue;
			}
			String key = upper.substring(LEGACY_PREFIX.length()).replaceAll("(_[0-9]+)+$", "");
			if (legacy(TOP_LEVEL).contains(key)) {
				continue;
			}
			Object value = environment.getProperty(variable);
			String ruleName = null;
			for (String name : properties.getRules().keySet()) {
				String prefix = "RULES_" + legacy(name) + "_";
				if (key.startsWith(prefix) && (ruleName == null || name.length() > ruleName.length())) {
					ruleName = name;
				}
			}
			if (ruleName == null) {
				if (!key.startsWith("RULES_")) {
					throw unknown(variable, value, "it is not a setting of upgrade-required",
							legacySuggestion(key, TOP_LEVEL, ""));
				}
				// A rule no other source names: Spring Boot does not find it in this form.
				throw new UpgradeRequiredConfigurationException(variable, value,
						"Spring Boot does not find a rule from a variable in this form unless the rule is also "
								+ "configured elsewhere",
						"Write it as UPGRADEREQUIRED_" + upper.substring(LEGACY_PREFIX.length())
								+ ", without the underscore in the prefix.");
			}
			Rule rule = properties.getRules().get(ruleName);
			String ruleKey = key.substring(("RULES_" + legacy(ruleName) + "_").length());
			List<String> allowed = new ArrayList<>(COMMON);
			RuleType type = rule.getType();
			if (type != null) {
				allowed.addAll(BY_TYPE.get(type));
			}
			else {
				BY_TYPE.values().forEach(allowed::addAll);
			}
			if (concrete(allowed, rule).contains(ruleKey)) {
				continue;
			}
			Object shown = masked(ruleKey.replace('_', '.').toLowerCase(Locale.ROOT), value);
			if (type != null) {
				checkOtherTypes(variable, shown, type, (candidate) -> legacy(candidate).equals(ruleKey));
			}
			throw unknown(variable, shown,
					(type != null) ? "it is not a setting of rules of type '" + type.value() + "'"
							: "it is not a setting of any rule",
					legacySuggestion(ruleKey, allowed, "RULES_" + legacy(ruleName) + "_"));
		}
	}

	/**
	 * Return the keys in the legacy form with the map keys the rule has in place of
	 * {@code *}: Spring Boot finds a map key in that form only if it knows it already.
	 */
	private static Set<String> concrete(List<String> keys, Rule rule) {
		Set<String> concrete = new LinkedHashSet<>();
		for (String key : keys) {
			if (key.startsWith("browser.minimums.")) {
				rule.getBrowser().getMinimums().keySet().forEach((family) -> concrete.add(legacy(key.replace("*", family))));
			}
			else if (key.startsWith("app.platforms.")) {
				rule.getApp().getPlatforms().keySet().forEach((platform) -> concrete.add(legacy(key.replace("*", platform))));
			}
			else {
				concrete.add(legacy(key));
			}
		}
		return concrete;
	}

	private static @Nullable String legacySuggestion(String key, List<String> allowed, String prefix) {
		String best = null;
		int bestDistance = 3;
		for (String candidate : allowed) {
			int distance = candidate.contains("*") ? bestDistance : distance(key, legacy(candidate));
			if (distance < bestDistance) {
				best = LEGACY_PREFIX + prefix + legacy(candidate);
				bestDistance = distance;
			}
		}
		return best;
	}

	private static Set<String> legacy(List<String> keys) {
		Set<String> legacy = new LinkedHashSet<>();
		keys.forEach((key) -> legacy.add(legacy(key)));
		return legacy;
	}

	private static String legacy(String key) {
		return key.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
	}

	/**
	 * Return the value as shown in a failure: masked under an exempt header, whose value
	 * is a shared secret.
	 */
	private static @Nullable Object masked(String uniformKey, @Nullable Object value) {
		return (value != null && uniformKey.startsWith("exempt")) ? MASKED : value;
	}

	private static @Nullable RuleType typeOf(String uniformName, UpgradeRequiredProperties properties) {
		for (Map.Entry<String, Rule> rule : properties.getRules().entrySet()) {
			// A bracketed name keeps its spelling in Spring Boot's uniform form.
			if (uniform(rule.getKey()).equals(uniform(uniformName))) {
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
