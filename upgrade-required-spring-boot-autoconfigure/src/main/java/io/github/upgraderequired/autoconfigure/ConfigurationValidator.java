package io.github.upgraderequired.autoconfigure;

import java.util.List;
import java.util.function.Supplier;

import io.github.upgraderequired.core.PathMatcher;
import io.github.upgraderequired.core.UpgradeRule;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.Environment;

/**
 * The one check of the starter's configuration, for start-up and for any later change of
 * it while the application runs: first every key set under {@code upgrade-required} must
 * be a setting of the starter, and every key of a rule a setting of that rule's type
 * ({@link ConfigurationKeys}); then every value must be valid, which creating the rules
 * checks ({@link PropertiesRules}). Either step throws an
 * {@link UpgradeRequiredConfigurationException} naming the property; a rule type that is
 * none fails binding and is reported by {@link RuleTypeFailureAnalyzer}. A reload calls
 * {@link #validate(Environment)} on the changed environment and keeps the rules it has
 * when that throws.
 */
final class ConfigurationValidator {

	private final PropertiesRules rules;

	/**
	 * Create a validator.
	 * @param compiler compiles the rules' path patterns
	 * @param applicationApiVersioning finds the application's API versioning, asked only
	 * when an api-version rule is created
	 */
	ConfigurationValidator(PathMatcher.Compiler compiler,
			Supplier<@Nullable ApplicationApiVersioning> applicationApiVersioning) {
		this.rules = new PropertiesRules(compiler, applicationApiVersioning);
	}

	/**
	 * Bind the starter's properties from the environment and check them, keys and values.
	 * @param environment the environment, as it is now
	 * @return the properties and the rules they configure
	 * @throws UpgradeRequiredConfigurationException for the first key or value that is
	 * not valid
	 * @throws org.springframework.boot.context.properties.bind.BindException if a value
	 * cannot be bound at all, such as a rule type that is none
	 */
	Validated validate(Environment environment) {
		UpgradeRequiredProperties properties = bind(environment);
		return new Validated(properties, validate(environment, properties));
	}

	/**
	 * Check properties already bound from the environment, keys and values.
	 * @param environment the environment they were bound from
	 * @param properties the properties
	 * @return the rules they configure
	 * @throws UpgradeRequiredConfigurationException for the first key or value that is
	 * not valid
	 */
	List<UpgradeRule> validate(Environment environment, UpgradeRequiredProperties properties) {
		ConfigurationKeys.check(ConfigurationPropertySources.get(environment), properties);
		return this.rules.create(properties);
	}

	/**
	 * Bind the starter's properties from the environment and check their keys only: what
	 * an application without a web server checks, where no rule is created.
	 * @param environment the environment
	 * @throws UpgradeRequiredConfigurationException for the first key that is not a
	 * setting
	 */
	static void validateKeys(Environment environment) {
		ConfigurationKeys.check(ConfigurationPropertySources.get(environment), bind(environment));
	}

	private static UpgradeRequiredProperties bind(Environment environment) {
		return Binder.get(environment)
			.bindOrCreate(UpgradeRequiredProperties.PREFIX, Bindable.of(UpgradeRequiredProperties.class));
	}

	/**
	 * Properties that passed the check and the rules they configure.
	 * @param properties the properties
	 * @param rules the rules, in the order configured
	 */
	record Validated(UpgradeRequiredProperties properties, List<UpgradeRule> rules) {
	}

}
