package io.github.upgraderequired.autoconfigure.web.reactive;

import java.util.List;

import io.github.upgraderequired.autoconfigure.UpgradeRequiredAutoConfiguration;
import io.github.upgraderequired.autoconfigure.UpgradeRequiredProperties;
import io.github.upgraderequired.web.UpgradePipeline;
import io.github.upgraderequired.web.reactive.UpgradeRequiredWebFilter;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.accept.ApiVersionStrategy;
import org.springframework.web.server.WebFilter;

/**
 * Auto-configuration of the Spring WebFlux adapter: the {@link UpgradeRequiredWebFilter},
 * ordered just after Spring Security's filter chain, or just before it with
 * {@code upgrade-required.before-security}, unless {@code upgrade-required.filter-order}
 * says otherwise, and given the
 * {@link DispatcherHandler}'s handler mappings for the CORS headers of its upgrade
 * responses.
 */
@AutoConfiguration(after = UpgradeRequiredAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnClass(WebFilter.class)
@ConditionalOnBooleanProperty(name = UpgradeRequiredProperties.PREFIX + ".enabled", matchIfMissing = true)
@ConditionalOnBean(UpgradePipeline.class)
public final class UpgradeRequiredWebFluxAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	UpgradeRequiredWebFilter upgradeRequiredWebFilter(UpgradePipeline pipeline, UpgradeRequiredProperties properties,
			ObjectProvider<DispatcherHandler> dispatcherHandler, ObjectProvider<ApiVersionStrategy> apiVersionStrategy) {
		UpgradeRequiredWebFilter filter = new UpgradeRequiredWebFilter(pipeline,
				() -> handlerMappings(dispatcherHandler.getIfAvailable()));
		// The filter resolves the version only for requests a rule that reads it covers.
		filter.setApiVersionStrategy(apiVersionStrategy.getIfAvailable());
		if (properties.getFilterOrder() != null) {
			filter.setOrder(properties.getFilterOrder());
		}
		else if (properties.isBeforeSecurity()) {
			filter.setOrder(UpgradeRequiredWebFilter.BEFORE_SECURITY_ORDER);
		}
		return filter;
	}

	private static List<HandlerMapping> handlerMappings(@Nullable DispatcherHandler dispatcherHandler) {
		List<HandlerMapping> mappings = (dispatcherHandler != null) ? dispatcherHandler.getHandlerMappings() : null;
		return (mappings != null) ? mappings : List.of();
	}

}
