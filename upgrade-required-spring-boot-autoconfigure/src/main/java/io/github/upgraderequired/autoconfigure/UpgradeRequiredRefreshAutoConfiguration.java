package io.github.upgraderequired.autoconfigure;

import java.time.Clock;

import io.github.upgraderequired.core.DecisionListener;
import io.github.upgraderequired.core.UpgradeRule;
import io.github.upgraderequired.web.UpgradePipeline;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the configuration refresh: with Spring Cloud's context on the
 * class path, a change to {@code upgrade-required.*} while the application runs is
 * compiled and put in force ({@link ConfigurationRefresh}). Only for the engine the
 * starter compiles from properties (the bean {@code upgradeEngine}): with an
 * {@code UpgradeEngine} bean of the application's own there is nothing to recompile.
 */
@AutoConfiguration(after = UpgradeRequiredAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.cloud.context.environment.EnvironmentChangeEvent")
@ConditionalOnBooleanProperty(name = UpgradeRequiredProperties.PREFIX + ".enabled", matchIfMissing = true)
@ConditionalOnBean(name = "upgradeEngine", value = UpgradePipeline.class)
public final class UpgradeRequiredRefreshAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ConfigurationRefresh upgradeRequiredConfigurationRefresh(UpgradePipeline pipeline, Environment environment,
			ListableBeanFactory beanFactory, ObjectProvider<UpgradeRule> ruleBeans,
			ObjectProvider<DecisionListener> listeners, ObjectProvider<Clock> clock,
			ApplicationEventPublisher publisher) {
		return new ConfigurationRefresh(pipeline,
				new PolicyCompiler(environment, beanFactory, ruleBeans, listeners, clock), environment, publisher);
	}

}
