package io.github.upgraderequired.autoconfigure;

import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration that checks the keys of the starter's configuration before any bean
 * is created, in every application: with or without a web server, with a rule engine of
 * the application's own or the starter's. The values are checked where the rules are
 * created, in {@link UpgradeRequiredAutoConfiguration}.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = UpgradeRequiredProperties.PREFIX + ".enabled", matchIfMissing = true)
@EnableConfigurationProperties(UpgradeRequiredProperties.class)
public final class UpgradeRequiredConfigurationCheckAutoConfiguration {

	@Bean
	static ConfigurationCheck upgradeRequiredConfigurationCheck(Environment environment) {
		return new ConfigurationCheck(environment);
	}

	@Bean
	static LazyInitializationExcludeFilter upgradeRequiredPropertiesAreBoundEagerly() {
		// A rule type that is none is reported when the properties are bound: at start-up,
		// also in an application that initializes lazily and has no web server.
		return LazyInitializationExcludeFilter.forBeanTypes(UpgradeRequiredProperties.class);
	}

}
