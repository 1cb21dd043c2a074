package io.github.upgraderequired.autoconfigure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.env.PropertySourceInfo;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Checks that every key set under {@code upgrade-required} is a setting of the starter,
 * and every key under {@code upgrade-required.rules.<name>} a setting of that rule's type,
 * so that a misspelled key ({@code pathz}, which would leave the rule on every path) or
 * another type's group stops start-up instead of being ignored. Keys are compared in
 * Spring Boot's relaxed form, so that environment variables and camel case match; the
 * rules' types are read as written, without binding anything else, so that the check can
 * run before any bean is created. A key that only opens a group (an empty
 * {@code browser.minimums:} in YAML) passes, as Spring Boot binds it to nothing.
 */
final class ConfigurationKeys {

	private static final Log logger = LogFactory.getLog(ConfigurationKeys.class);

	private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName
		.of(UpgradeRequiredProperties.PREFIX);

	private static final ConfigurationPropertyName RULES = ROOT.append("rules");

	/**
	 * The start of an environment variable in the other form Spring Boot binds, where the
	 * dash of the prefix is an underscore too.
	 */
	private static final String LEGACY_PREFIX = "UPGRADE_REQUIRED_";

	private static final String MASKED = "******";

	private static final List<String> TOP_LEVEL = List.of("enabled", "fail-closed", "exclude-paths", "before-security",
			"filter-order", "proxy.trusted-addresses", "proxy.http-version-header", "proxy.tls-version-header",
			"proxy.restrict-netty-forwarding", "response.problem-type", "response.page", "client.enabled",
			"client.log-interval", "client.metrics.host-tag", "client.https-retry.hosts", "client.https-retry.port",
			"refresh.enabled");

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
	 * Check the keys that the environment sets.
	 * @param environment the environment
	 * @throws UpgradeRequiredConfigurationException for the first key that is not a
	 * setting
	 */
	static void check(Environment environment) {
		Iterable<ConfigurationPropertySource> sources = ConfigurationPropertySources.get(environment);
		Map<String, @Nullable RuleType> types = types(sources, Binder.get(environment));
		for (ConfigurationPropertySource source : sources) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				for (ConfigurationPropertyName name : iterable.filter(ROOT::isAncestorOf)) {
					ConfigurationProperty property = iterable.getConfigurationProperty(name);
					check(name, (property != null) ? property.getValue() : null, types);
				}
			}
			if (source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource variables) {
				checkLegacy(variables, types);
			}
		}
	}

	/**
	 * Return the type of every rule some source names, by the rule's name as first
	 * written: {@code null} when it has none, or none of the starter's (binding reports
	 * that).
	 */
	private static Map<String, @Nullable RuleType> types(Iterable<ConfigurationPropertySource> sources,
			Binder binder) {
		Map<String, @Nullable RuleType> types = new LinkedHashMap<>();
		Set<String> seen = new LinkedHashSet<>();
		for (ConfigurationPropertySource source : sources) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				for (ConfigurationPropertyName name : iterable.filter(RULES::isAncestorOf)) {
					String rule = name.getElement(RULES.getNumberOfElements(), Form.ORIGINAL);
					String typeName = RULES + "[" + rule + "].type";
					if (seen.add(uniform(rule)) && ConfigurationPropertyName.isValid(typeName)) {
						String written = binder.bind(typeName, String.class).orElse(null);
						types.put(rule, (written != null) ? type(written) : null);
					}
				}
			}
		}
		return types;
	}

	private static @Nullable RuleType typeOf(String rule, Map<String, @Nullable RuleType> types) {
		for (Map.Entry<String, @Nullable RuleType> entry : types.entrySet()) {
			if (uniform(entry.getKey()).equals(uniform(rule))) {
				return entry.getValue();
			}
		}
		return null;
	}

	/**
	 * Return the rule type written, compared as Spring Boot converts an enum.
	 */
	private static @Nullable RuleType type(String written) {
		String uniform = uniform(written.trim());
		for (RuleType type : RuleType.values()) {
			if (uniform(type.value()).equals(uniform) || uniform(type.name()).equals(uniform)) {
				return type;
			}
		}
		return null;
	}

	private static void check(ConfigurationPropertyName name, @Nullable Object value,
			Map<String, @Nullable RuleType> types) {
		boolean rules = name.getNumberOfElements() > 1 && name.getElement(1, Form.UNIFORM).equals("rules");
		List<String> elements = new ArrayList<>();
		for (int i = 1; i < name.getNumberOfElements(); i++) {
			// An index is part of the key's spelling (only a list setting ends with one),
			// except where a rule's name belongs: a map key, which may be a number.
			boolean index = name.isNumericIndex(i) && !(rules && i == 2);
			elements.add(index ? "[]" : name.getElement(i, Form.UNIFORM));
		}
		while (!elements.isEmpty() && elements.get(elements.size() - 1).equals("[]")) {
			elements.remove(elements.size() - 1);
		}
		if (elements.isEmpty()) {
			return;
		}
		if (rules) {
			if (elements.size() > 2) {
				checkRuleKey(name, value, elements.subList(2, elements.size()), types);
			}
			return;
		}
		String key = String.join(".", elements);
		if (!uniform(TOP_LEVEL).contains(key) && !opensGroup(name.toString(), key, value, TOP_LEVEL)) {
			throw unknown(name.toString(), shown(key, value), "it is not a setting of upgrade-required",
					suggest(key, TOP_LEVEL));
		}
	}

	private static void checkRuleKey(ConfigurationPropertyName name, @Nullable Object value, List<String> rest,
			Map<String, @Nullable RuleType> types) {
		String ruleName = name.getElement(2, Form.ORIGINAL);
		RuleType type = typeOf(ruleName, types);
		List<String> key = new ArrayList<>(rest);
		// Map keys say nothing of the key either: a browser family, an app platform.
		String mapKey = null;
		if ((key.size() > 2 && key.get(0).equals("browser") && key.get(1).equals("minimums"))
				|| (key.size() > 3 && key.get(0).equals("app") && key.get(1).equals("platforms"))) {
			key.set(2, "*");
			mapKey = name.getElement(5, Form.ORIGINAL);
		}
		String joined = String.join(".", key);
		List<String> allowed = allowed(type);
		if (uniform(allowed).contains(joined) || opensGroup(name.toString(), joined, value, allowed)) {
			return;
		}
		String property = name.toString();
		Object shown = shown(joined, value);
		if (type != null) {
			checkOtherTypes(property, shown, type, (candidate) -> uniform(candidate).equals(joined));
		}
		if (name.isNumericIndex(2) && joined.equals("name")) {
			throw new UpgradeRequiredConfigurationException(property, shown,
					"the rules are a map from each rule's name to its settings, not a list",
					"Name each rule in the key: 'upgrade-required.rules.api.type=api-version', or in YAML "
							+ "'api:' under 'rules:' rather than '- name: api'.");
		}
		String suggestion = suggest(joined, allowed);
		if (suggestion != null) {
			suggestion = suggestion.replace("*", (mapKey != null) ? mapKey : "<name>");
		}
		throw unknown(property, shown, (type != null) ? "it is not a setting of rules of type '" + type.value() + "'"
				: "it is not a setting of any rule", suggestion);
	}

	/**
	 * Return the keys a rule of the given type has: those every rule has and its type's;
	 * without a type (reported on its own), any rule's.
	 */
	private static List<String> allowed(@Nullable RuleType type) {
		List<String> allowed = new ArrayList<>(COMMON);
		if (type != null) {
			allowed.addAll(BY_TYPE.get(type));
		}
		else {
			BY_TYPE.values().forEach(allowed::addAll);
		}
		return allowed;
	}

	/**
	 * Return whether the key is that of a group of settings set to nothing, as an empty
	 * {@code browser.minimums:} is in YAML (Spring Boot binds most such groups to nothing,
	 * and reports those it cannot); throw if it is set to a value.
	 */
	private static boolean opensGroup(String property, String uniformKey, @Nullable Object value,
			List<String> allowed) {
		List<String> settings = settingsBelow(property.replaceAll("(\\[[0-9]+\\])+$", ""), uniformKey.split("\\."),
				allowed);
		if (settings.isEmpty()) {
			return false;
		}
		if (value == null || "".equals(value)) {
			return true;
		}
		throw new UpgradeRequiredConfigurationException(property, shown(uniformKey, value),
				"it is a group of settings, not a value",
				"Set the settings of the group instead: " + String.join(", ", settings) + ".");
	}

	/**
	 * Return the full names of the settings below a group, {@code <name>} in place of a
	 * map key.
	 * @param group the group's full name
	 * @param elements the group's elements below the keys' root, in uniform form
	 * @param keys the keys below that root ({@link #all()} below {@code upgrade-required})
	 * @return the settings' full names, in the order of the keys
	 */
	static List<String> settingsBelow(String group, String[] elements, Iterable<String> keys) {
		List<String> settings = new ArrayList<>();
		for (String key : keys) {
			String[] parts = key.split("\\.");
			boolean below = parts.length > elements.length;
			for (int i = 0; below && i < elements.length; i++) {
				below = parts[i].equals("*") || uniform(parts[i]).equals(elements[i]);
			}
			if (below) {
				settings.add(group + "." + String.join(".", Arrays.copyOfRange(parts, elements.length, parts.length))
					.replace("*", "<name>"));
			}
		}
		return settings;
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
	 * Check the environment variables in the other form Spring Boot binds, where the
	 * prefix's dash is an underscore ({@code UPGRADE_REQUIRED_RULES_API_PATHS}): it reads
	 * them for the settings it looks for, though it does not list them under
	 * {@code upgrade-required}. A variable that is no setting and close to none is only
	 * logged, as it may belong to something else.
	 */
	private static void checkLegacy(SystemEnvironmentPropertySource variables, Map<String, @Nullable RuleType> types) {
		String environmentPrefix = (variables instanceof PropertySourceInfo info && info.getPrefix() != null)
				? info.getPrefix().toUpperCase(Locale.ROOT) : "";
		for (String variable : variables.getPropertyNames()) {
			String upper = variable.toUpperCase(Locale.ROOT);
			if (!upper.startsWith(environmentPrefix)) {
				continue;
			}
			upper = upper.substring(environmentPrefix.length());
			if (upper.startsWith("_")) {
				upper = upper.substring(1);
			}
			if (upper.startsWith(LEGACY_PREFIX)) {
				String key = upper.substring(LEGACY_PREFIX.length()).replaceAll("(_[0-9]+)+$", "");
				checkLegacy(variable, key, variables.getProperty(variable), types);
			}
		}
	}

	private static void checkLegacy(String variable, String key, @Nullable Object value,
			Map<String, @Nullable RuleType> types) {
		if (!key.startsWith("RULES_")) {
			if (!matchesLegacy(key, TOP_LEVEL)) {
				String suggestion = legacySuggestion(key, TOP_LEVEL, "");
				if (suggestion == null) {
					logger.warn("Environment variable " + variable + " is not a setting of upgrade-required; ignored");
					return;
				}
				throw unknown(variable, shown(key, value), "it is not a setting of upgrade-required", suggestion);
			}
			return;
		}
		String rest = key.substring("RULES_".length());
		String nearestRule = null;
		for (Map.Entry<String, @Nullable RuleType> rule : types.entrySet()) {
			String prefix = legacy(rule.getKey()) + "_";
			// Every rule whose name fits: 'mobile' and 'mobile-app' both fit MOBILE_APP_...
			if (rest.startsWith(prefix)) {
				if (matchesLegacy(rest.substring(prefix.length()), allowed(rule.getValue()))) {
					return;
				}
				if (nearestRule == null || rule.getKey().length() > nearestRule.length()) {
					nearestRule = rule.getKey();
				}
			}
		}
		if (nearestRule == null) {
			throw new UpgradeRequiredConfigurationException(variable, shown(key, value),
					"Spring Boot does not find a rule from a variable in this form unless the rule is also "
							+ "configured elsewhere",
					"Write it without the underscore in the prefix, and without dashes in the rule's name and "
							+ "settings: " + relaxedAdvice(rest) + ".");
		}
		RuleType type = typeOf(nearestRule, types);
		String ruleKey = rest.substring(legacy(nearestRule).length() + 1);
		Object shown = shown(ruleKey, value);
		if (type != null) {
			checkOtherTypes(variable, shown, type, (candidate) -> legacyPattern(candidate).matcher(ruleKey).matches());
		}
		throw unknown(variable, shown,
				(type != null) ? "it is not a setting of rules of type '" + type.value() + "'"
						: "it is not a setting of any rule",
				legacySuggestion(ruleKey, allowed(type), "RULES_" + legacy(nearestRule) + "_"));
	}

	/**
	 * Return the variable in Spring Boot's own form, with the rule's setting found at its
	 * end, when it is one.
	 */
	private static String relaxedAdvice(String rest) {
		for (String key : allowed(null)) {
			String setting = "_" + legacy(key);
			if (!key.contains("*") && rest.endsWith(setting) && rest.length() > setting.length()) {
				String rule = rest.substring(0, rest.length() - setting.length()).replace("_", "");
				return "UPGRADEREQUIRED_RULES_" + rule + "_" + key.toUpperCase(Locale.ROOT).replace("-", "").replace('.', '_');
			}
		}
		return "UPGRADEREQUIRED_RULES_<NAME>_<SETTING>";
	}

	private static boolean matchesLegacy(String key, List<String> allowed) {
		for (String candidate : allowed) {
			if (legacyPattern(candidate).matcher(key).matches()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return the pattern of a key in the legacy form, any map key in place of {@code *}.
	 */
	private static Pattern legacyPattern(String key) {
		StringBuilder pattern = new StringBuilder();
		String[] parts = legacy(key).split("\\*", -1);
		for (int i = 0; i < parts.length; i++) {
			if (i > 0) {
				pattern.append("[A-Z0-9_]+");
			}
			pattern.append(Pattern.quote(parts[i]));
		}
		return Pattern.compile(pattern.toString());
	}

	private static @Nullable String legacySuggestion(String key, List<String> allowed, String prefix) {
		List<String> plain = allowed.stream().filter((candidate) -> !candidate.contains("*")).toList();
		String nearest = nearest(key, plain, ConfigurationKeys::legacy);
		return (nearest != null) ? LEGACY_PREFIX + prefix + legacy(nearest) : null;
	}

	private static String legacy(String key) {
		return key.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
	}

	/**
	 * Return the value as shown in a failure: masked for a key under {@code exempt} or one
	 * that ends in {@code value}, as the value of an exempt header is a shared secret.
	 */
	private static @Nullable Object shown(String key, @Nullable Object value) {
		String uniform = uniform(key);
		return (value != null && (uniform.contains("exempt") || uniform.endsWith("value"))) ? MASKED : value;
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
		return nearest(uniformKey, allowed, ConfigurationKeys::uniform);
	}

	/**
	 * Return the candidate whose given form is two edits or fewer from the key, the
	 * nearest first.
	 */
	private static @Nullable String nearest(String key, Iterable<String> candidates, UnaryOperator<String> form) {
		String best = null;
		int bestDistance = 3;
		for (String candidate : candidates) {
			int distance = distance(key, form.apply(candidate));
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
