package io.github.upgraderequired.autoconfigure.metrics;

import io.github.upgraderequired.autoconfigure.UpgradeRequiredAutoConfiguration;
import io.github.upgraderequired.autoconfigure.UpgradeRequiredProperties;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.metrics.MeterDecisionListener;
import io.github.upgraderequired.metrics.MeterRuleCounts;
import io.github.upgraderequired.metrics.PolicyChangeMeters;
import io.github.upgraderequired.web.UpgradePipeline;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the starter's Micrometer counter,
 * {@code upgrade.required.requests}. Backs off without Micrometer or a
 * {@link MeterRegistry}.
 */
@AutoConfiguration(after = UpgradeRequiredAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = UpgradeRequiredProperties.PREFIX + ".enabled", matchIfMissing = true)
@ConditionalOnBean({ MeterRegistry.class, UpgradeEngine.class })
public final class UpgradeRequiredMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MeterDecisionListener upgradeRequiredMeterDecisionListener(MeterRegistry registry) {
		return new MeterDecisionListener(registry);
	}

	@Bean
	@ConditionalOnMissingBean
	MeterRuleCounts upgradeRequiredRuleCounts(MeterRegistry registry) {
		return new MeterRuleCounts(registry);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnClass(name = "org.springframework.cloud.context.environment.EnvironmentChangeEvent")
	PolicyChangeMeters upgradeRequiredPolicyChangeMeters(MeterRegistry registry, MeterDecisionListener listener,
			ApplicationContext context) {
		// Policy changes happen with Spring Cloud's refresh only.
		return new PolicyChangeMeters(registry, listener, context);
	}

	@Bean
	@ConditionalOnMissingBean(name = "upgradeRequiredMeterBinder")
	MeterBinder upgradeRequiredMeterBinder(ObjectProvider<UpgradePipeline> pipeline, ObjectProvider<UpgradeEngine> engine,
			MeterDecisionListener listener) {
		// Publishes every rule's counters at zero once the engine exists: the policy in force
		// when the registry is bound.
		return (registry) -> {
			UpgradePipeline available = pipeline.getIfAvailable();
			if (available != null) {
				listener.register(available.engine().rules());
			}
			else {
				engine.ifAvailable((fixed) -> listener.register(fixed.rules()));
			}
		};
	}

}
