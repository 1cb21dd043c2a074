package io.github.upgraderequired.autoconfigure;

import java.util.List;
import java.util.function.Supplier;

import io.github.upgraderequired.core.PathMatcher;
import io.github.upgraderequired.core.UpgradeRule;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Bindable.BindRestriction;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.IgnoreTopLevelConverterNotFoundBindHandler;
import org.springframework.core.env.Environment;

/**
 * The one check of the starter's configuration, for start-up and for any later change of
 * it while the application runs: first every key set under {@code upgrade-required} must
 * be a setting of the starter, and every key of a rule a setting of that rule's type
 * ({@link ConfigurationKeys}); then every value must be valid, which creating the rules
 * checks ({@link PropertiesRules}). Either step throws an
 * {@link UpgradeRequiredConfigurationException} naming the property; a value that cannot
 * be bound at all (a rule type that is none) fails binding and is reported by
 * {@link BindingFailureAnalyzer}. Start-up runs the two halves where their inputs are:
 * {@link #checkKeys} before any bean is created ({@link ConfigurationCheck}),
 * {@link #rules} where the engine is created. A reload calls
 * {@link #validate(Environment)}, both in the same order, on the changed environment and
 * keeps the rules it has when that throws.
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
		checkKeys(environment);
		UpgradeRequiredProperties properties = bind(environment);
		return new Validated(properties, rules(properties));
	}

	/**
	 * Check the keys the environment sets, and that the rules' types are types: the first
	 * half of the check, which start-up runs before any bean is created. Binds nothing
	 * (start-up binds the properties as Spring Boot does, with the application's
	 * converters).
	 * @param environment the environment
	 * @throws UpgradeRequiredConfigurationException for the first key that is not a
	 * setting
	 */
	static void checkKeys(Environment environment) {
		ConfigurationKeys.check(environment);
	}

	/**
	 * Check the values of properties whose keys were checked, by creating the rules: the
	 * second half of the check, which start-up runs where the engine is created.
	 * @param properties the properties
	 * @return the rules they configure, in the order configured
	 * @throws UpgradeRequiredConfigurationException for the first value that is not valid
	 */
	List<UpgradeRule> rules(UpgradeRequiredProperties properties) {
		return this.rules.create(properties);
	}

	/**
	 * Bind the properties as Spring Boot binds configuration properties: an empty
	 * {@code upgrade-required:} is no value for the whole.
	 */
	private static UpgradeRequiredProperties bind(Environment environment) {
		return Binder.get(environment)
			.bindOrCreate(UpgradeRequiredProperties.PREFIX,
					Bindable.of(UpgradeRequiredProperties.class).withBindRestrictions(BindRestriction.NO_DIRECT_PROPERTY),
					new IgnoreTopLevelConverterNotFoundBindHandler());
	}

	/**
	 * Properties that passed the check and the rules they configure.
	 * @param properties the properties
	 * @param rules the rules, in the order configured
	 */
	record Validated(UpgradeRequiredProperties properties, List<UpgradeRule> rules) {
	}

}
