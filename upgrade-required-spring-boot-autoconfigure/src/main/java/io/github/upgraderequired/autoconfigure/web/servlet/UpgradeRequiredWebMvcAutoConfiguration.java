package io.github.upgraderequired.autoconfigure.web.servlet;

import io.github.upgraderequired.autoconfigure.UpgradeRequiredAutoConfiguration;
import io.github.upgraderequired.autoconfigure.UpgradeRequiredProperties;
import io.github.upgraderequired.web.UpgradePipeline;
import io.github.upgraderequired.web.servlet.UpgradeRequiredFilter;
import io.github.upgraderequired.web.servlet.UpgradeRequiredHandlerExceptionResolver;
import io.github.upgraderequired.web.servlet.UpgradeRequiredHandlerInterceptor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.accept.ApiVersionStrategy;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;
import org.springframework.web.servlet.handler.MappedInterceptor;

/**
 * Auto-configuration of the Spring MVC adapter. By default, the
 * {@link UpgradeRequiredHandlerInterceptor}, registered as a {@link MappedInterceptor} so
 * that every handler mapping applies it, WebSocket's included, after Spring Security; and
 * the {@link UpgradeRequiredHandlerExceptionResolver} for requests whose handler mapping
 * failed. With {@code upgrade-required.before-security}, the
 * {@link UpgradeRequiredFilter} ahead of Spring Security instead.
 */
@AutoConfiguration(after = UpgradeRequiredAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBooleanProperty(name = UpgradeRequiredProperties.PREFIX + ".enabled", matchIfMissing = true)
@ConditionalOnBean(UpgradePipeline.class)
public final class UpgradeRequiredWebMvcAutoConfiguration {

	/**
	 * Return the application's CORS configuration, looked up when a request is rejected.
	 */
	private static CorsConfigurationSource cors(ObjectProvider<HandlerMappingIntrospector> introspector) {
		return (request) -> {
			HandlerMappingIntrospector available = introspector.getIfAvailable();
			return (available != null) ? available.getCorsConfiguration(request) : null;
		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = UpgradeRequiredProperties.PREFIX + ".before-security", havingValue = false,
			matchIfMissing = true)
	static final class AfterSecurityConfiguration {

		@Bean
		@ConditionalOnMissingBean
		UpgradeRequiredHandlerInterceptor upgradeRequiredHandlerInterceptor(UpgradePipeline pipeline,
				ObjectProvider<ApiVersionStrategy> apiVersionStrategy) {
			UpgradeRequiredHandlerInterceptor interceptor = new UpgradeRequiredHandlerInterceptor(pipeline);
			interceptor.setApiVersionStrategy(apiVersionStrategy.getIfAvailable());
			return interceptor;
		}

		@Bean
		@ConditionalOnMissingBean
		UpgradeRequiredHandlerExceptionResolver upgradeRequiredHandlerExceptionResolver(UpgradePipeline pipeline,
				ObjectProvider<HandlerMappingIntrospector> introspector,
				ObjectProvider<ApiVersionStrategy> apiVersionStrategy) {
			UpgradeRequiredHandlerExceptionResolver resolver = new UpgradeRequiredHandlerExceptionResolver(pipeline,
					cors(introspector));
			resolver.setApiVersionStrategy(apiVersionStrategy.getIfAvailable());
			return resolver;
		}

		@Bean
		@ConditionalOnMissingBean(name = "upgradeRequiredMappedInterceptor")
		MappedInterceptor upgradeRequiredMappedInterceptor(UpgradeRequiredHandlerInterceptor interceptor) {
			return new MappedInterceptor(null, interceptor);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = UpgradeRequiredProperties.PREFIX + ".before-security")
	static final class BeforeSecurityConfiguration {

		@Bean
		@ConditionalOnMissingBean
		UpgradeRequiredFilter upgradeRequiredFilter(UpgradePipeline pipeline, UpgradeRequiredProperties properties,
				ObjectProvider<HandlerMappingIntrospector> introspector,
				ObjectProvider<ApiVersionStrategy> apiVersionStrategy, Environment environment) {
			UpgradeRequiredFilter filter = new UpgradeRequiredFilter(pipeline, cors(introspector));
			filter.setApiVersionStrategy(apiVersionStrategy.getIfAvailable());
			Integer order = properties.getFilterOrder();
			if (order == null) {
				// Just before Spring Security's filter chain, wherever it was moved to.
				order = environment.getProperty("spring.security.filter.order", Integer.class,
						UpgradeRequiredFilter.BEFORE_SECURITY_ORDER + 1) - 1;
			}
			filter.setOrder(order);
			return filter;
		}

	}

}
