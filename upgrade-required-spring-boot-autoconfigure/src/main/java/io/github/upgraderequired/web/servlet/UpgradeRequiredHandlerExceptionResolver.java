package io.github.upgraderequired.web.servlet;

import java.io.IOException;

import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.render.UpgradeResponseRenderer;
import io.github.upgraderequired.web.UpgradePipeline;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.accept.ApiVersionStrategy;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Checks the requests that never reached {@link UpgradeRequiredHandlerInterceptor}
 * because handler mapping failed (an unsupported method, media type or API version, no
 * handler at all), so that an outdated client learns it must upgrade before it learns
 * about the mapping error, as on WebFlux, where the filter runs before routing. Requests
 * the interceptor checked, and requests that pass, are left to the other resolvers.
 */
public class UpgradeRequiredHandlerExceptionResolver implements HandlerExceptionResolver, Ordered {

	/**
	 * The order: right after Spring Boot's {@code DefaultErrorAttributes}, which only
	 * records the exception, and ahead of Spring's own resolvers.
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

	private final ServletUpgradeCheck check;

	/**
	 * Create a new resolver that adds no CORS headers to the upgrade response.
	 * @param engine the engine
	 * @param renderer the renderer of the upgrade response
	 */
	public UpgradeRequiredHandlerExceptionResolver(UpgradeEngine engine, UpgradeResponseRenderer renderer) {
		this(engine, renderer, null);
	}

	/**
	 * Create a new resolver that applies the application's CORS configuration to the
	 * upgrade response of a cross-origin request, as Spring MVC would.
	 * @param engine the engine
	 * @param renderer the renderer of the upgrade response
	 * @param cors the CORS configuration, usually Spring MVC's
	 * {@code HandlerMappingIntrospector}, or {@code null}
	 */
	public UpgradeRequiredHandlerExceptionResolver(UpgradeEngine engine, UpgradeResponseRenderer renderer,
			@Nullable CorsConfigurationSource cors) {
		this(new UpgradePipeline(engine, renderer), cors);
	}

	/**
	 * Create a new resolver that applies the application's CORS configuration to the
	 * upgrade response of a cross-origin request, as Spring MVC would.
	 * @param pipeline the pipeline
	 * @param cors the CORS configuration, usually Spring MVC's
	 * {@code HandlerMappingIntrospector}, or {@code null}
	 */
	public UpgradeRequiredHandlerExceptionResolver(UpgradePipeline pipeline, @Nullable CorsConfigurationSource cors) {
		this.check = new ServletUpgradeCheck(pipeline, cors);
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		if (!ServletUpgradeCheck.needsCheck(request) || response.isCommitted()) {
			return null;
		}
		try {
			return this.check.check(request, response) ? null : new ModelAndView();
		}
		catch (IOException failure) {
			return null;
		}
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	/**
	 * Resolve API versions with the application's own API versioning, for API-version
	 * rules that use it.
	 * @param apiVersionStrategy Spring MVC's strategy, or {@code null}
	 */
	public void setApiVersionStrategy(@Nullable ApiVersionStrategy apiVersionStrategy) {
		this.check.setApiVersionStrategy(apiVersionStrategy);
	}

}
