package io.github.upgraderequired.autoconfigure;

import io.github.upgraderequired.web.UpgradePipeline;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the configuration refresh: with Spring Cloud's context on the
 * class path, a change to {@code upgrade-required.*} while the application runs is
 * compiled and put in force ({@link ConfigurationRefresh}). Only for the engine the
 * starter compiles from properties: with an {@code UpgradeEngine} bean of the
 * application's own there is nothing to recompile.
 */
@AutoConfiguration(after = UpgradeRequiredAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.cloud.context.environment.EnvironmentChangeEvent")
@ConditionalOnBooleanProperty(name = { UpgradeRequiredProperties.PREFIX + ".enabled",
		UpgradeRequiredProperties.PREFIX + ".refresh.enabled" }, matchIfMissing = true)
@ConditionalOnBean(PolicyCompiler.class)
@ConditionalOnSingleCandidate(UpgradePipeline.class)
public final class UpgradeRequiredRefreshAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ConfigurationRefresh upgradeRequiredConfigurationRefresh(UpgradePipeline pipeline, PolicyCompiler compiler,
			ConfigurableApplicationContext context) {
		return new ConfigurationRefresh(pipeline, compiler, context);
	}

}
