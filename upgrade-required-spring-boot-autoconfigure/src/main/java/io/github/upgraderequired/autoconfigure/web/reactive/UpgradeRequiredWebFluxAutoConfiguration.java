package io.github.upgraderequired.autoconfigure.web.reactive;

import io.github.upgraderequired.autoconfigure.UpgradeRequiredAutoConfiguration;
import io.github.upgraderequired.autoconfigure.UpgradeRequiredProperties;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.render.UpgradeResponseRenderer;
import io.github.upgraderequired.web.reactive.UpgradeRequiredWebFilter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.web.server.WebFilter;

/**
 * Auto-configuration of the Spring WebFlux adapter: the {@link UpgradeRequiredWebFilter},
 * ordered just after Spring Security's filter chain unless
 * {@code upgrade-required.filter-order} says otherwise.
 */
@AutoConfiguration(after = UpgradeRequiredAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnClass(WebFilter.class)
@ConditionalOnBooleanProperty(name = UpgradeRequiredProperties.PREFIX + ".enabled", matchIfMissing = true)
@ConditionalOnBean({ UpgradeEngine.class, UpgradeResponseRenderer.class })
public final class UpgradeRequiredWebFluxAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	UpgradeRequiredWebFilter upgradeRequiredWebFilter(UpgradeEngine engine, UpgradeResponseRenderer renderer,
			UpgradeRequiredProperties properties) {
		UpgradeRequiredWebFilter filter = new UpgradeRequiredWebFilter(engine, renderer);
		if (properties.getFilterOrder() != null) {
			filter.setOrder(properties.getFilterOrder());
		}
		return filter;
	}

}
