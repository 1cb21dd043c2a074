package io.github.upgraderequired.autoconfigure;

import io.github.upgraderequired.autoconfigure.client.UpgradeRequiredClientAutoConfiguration;

import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration that checks the keys of the starter's configuration in an application
 * without a web server, such as one that only uses the client support. A web application
 * checks keys and values where its rules are created, in
 * {@link UpgradeRequiredAutoConfiguration}.
 */
@AutoConfiguration(before = UpgradeRequiredClientAutoConfiguration.class)
@ConditionalOnNotWebApplication
@ConditionalOnBooleanProperty(name = UpgradeRequiredProperties.PREFIX + ".enabled", matchIfMissing = true)
public final class UpgradeRequiredConfigurationCheckAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ConfigurationCheck upgradeRequiredConfigurationCheck(Environment environment) {
		return new ConfigurationCheck(environment);
	}

	@Bean
	static LazyInitializationExcludeFilter upgradeRequiredConfigurationCheckIsEager() {
		// With lazy initialization the check would never run.
		return LazyInitializationExcludeFilter.forBeanTypes(ConfigurationCheck.class);
	}

}
