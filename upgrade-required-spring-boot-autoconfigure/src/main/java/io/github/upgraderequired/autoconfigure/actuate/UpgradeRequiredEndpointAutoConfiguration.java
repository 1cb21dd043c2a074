package io.github.upgraderequired.autoconfigure.actuate;

import io.github.upgraderequired.actuate.RuleCounts;
import io.github.upgraderequired.actuate.UpgradeRequiredEndpoint;
import io.github.upgraderequired.actuate.UpgradeRequiredEndpointWebExtension;
import io.github.upgraderequired.autoconfigure.UpgradeRequiredAutoConfiguration;
import io.github.upgraderequired.autoconfigure.UpgradeRequiredProperties;
import io.github.upgraderequired.autoconfigure.metrics.UpgradeRequiredMetricsAutoConfiguration;
import io.github.upgraderequired.web.UpgradePipeline;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code upgraderequired} actuator endpoint, available as
 * Spring Boot's endpoint exposure and access settings say. Without metrics it describes
 * the rules without their counts.
 */
@AutoConfiguration(after = { UpgradeRequiredAutoConfiguration.class, UpgradeRequiredMetricsAutoConfiguration.class })
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBooleanProperty(name = UpgradeRequiredProperties.PREFIX + ".enabled", matchIfMissing = true)
@ConditionalOnBean(UpgradePipeline.class)
@ConditionalOnAvailableEndpoint(UpgradeRequiredEndpoint.class)
public final class UpgradeRequiredEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	UpgradeRequiredEndpoint upgradeRequiredEndpoint(UpgradePipeline pipeline, ObjectProvider<RuleCounts> counts) {
		// The policy in force when asked: a refreshed configuration swaps it.
		return new UpgradeRequiredEndpoint(pipeline, counts.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(UpgradeRequiredEndpoint.class)
	@ConditionalOnAvailableEndpoint(exposure = EndpointExposure.WEB)
	UpgradeRequiredEndpointWebExtension upgradeRequiredEndpointWebExtension(UpgradeRequiredEndpoint endpoint) {
		return new UpgradeRequiredEndpointWebExtension(endpoint);
	}

}
