package io.github.upgraderequired.autoconfigure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.github.upgraderequired.core.DecisionListener;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.core.UpgradeRule;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;

/**
 * Compiles the policy, the engine every request is decided by, from the rules of a
 * properties object and the application's {@link UpgradeRule} beans: at start-up, and
 * again from freshly bound properties when the configuration changes while the
 * application runs. The keys of the environment are checked before (ConfigurationCheck
 * at start-up).
 */
final class PolicyCompiler {

	private final Environment environment;

	private final ObjectProvider<UpgradeRule> ruleBeans;

	private final ObjectProvider<DecisionListener> listeners;

	private final ObjectProvider<Clock> clock;

	/**
	 * The paths of the actuator and the error page, never judged: read once, as the
	 * actuator and the error page stay where they were put at start-up.
	 */
	private final List<String> defaultExclusions;

	private final SpringPathMatcherCompiler paths = new SpringPathMatcherCompiler();

	private final ConfigurationValidator validator;

	PolicyCompiler(Environment environment, ListableBeanFactory beanFactory, ObjectProvider<UpgradeRule> ruleBeans,
			ObjectProvider<DecisionListener> listeners, ObjectProvider<Clock> clock) {
		this.environment = environment;
		this.ruleBeans = ruleBeans;
		this.listeners = listeners;
		this.clock = clock;
		this.defaultExclusions = List.copyOf(DefaultExclusions.of(environment));
		// Spring's strategy is looked up for an api-version rule only, not to create the MVC
		// configuration early for nothing.
		this.validator = new ConfigurationValidator(this.paths,
				() -> ApplicationApiVersioning.find(beanFactory, environment));
	}

	/**
	 * Compile the policy of a properties object.
	 * @param properties the properties, bound from the environment
	 * @return the engine
	 * @throws UpgradeRequiredConfigurationException if a rule's settings, or a rule bean,
	 * are not valid
	 */
	UpgradeEngine compile(UpgradeRequiredProperties properties) {
		return compile(properties, this.validator.rules(properties));
	}

	/**
	 * Bind the properties afresh from the environment as it is now, check them as
	 * start-up does (keys, then values) and compile their policy. The properties bean is
	 * not read: Spring Cloud's rebinding resets it in place.
	 * @return the engine
	 * @throws UpgradeRequiredConfigurationException if a key, a value or a rule bean is
	 * not valid
	 * @throws org.springframework.boot.context.properties.bind.BindException if a value
	 * cannot be bound at all
	 */
	UpgradeEngine recompile() {
		ConfigurationValidator.Validated validated = this.validator.validate(this.environment);
		return compile(validated.properties(), validated.rules());
	}

	private UpgradeEngine compile(UpgradeRequiredProperties properties, List<UpgradeRule> propertyRules) {
		List<UpgradeRule> rules = new ArrayList<>(propertyRules);
		List<UpgradeRule> beans = this.ruleBeans.orderedStream().toList();
		rules.addAll(beans);
		List<String> excludePaths = new ArrayList<>(this.defaultExclusions);
		excludePaths.addAll(properties.getExcludePaths());
		try {
			return UpgradeEngine.builder(this.paths)
				.rules(rules)
				.excludePaths(excludePaths)
				.clock(this.clock.getIfUnique(Clock::systemUTC))
				.failClosed(properties.isFailClosed())
				.listeners(this.listeners.orderedStream().toList())
				.build();
		}
		catch (IllegalArgumentException ex) {
			// Properties were checked one by one already: this is a rule bean's doing.
			throw new UpgradeRequiredConfigurationException("UpgradeRule beans",
					beans.stream().map(UpgradeRule::name).toList(), ex.getMessage(),
					"Fix the UpgradeRule bean's name, upgrade tokens or settings.");
		}
	}

}
