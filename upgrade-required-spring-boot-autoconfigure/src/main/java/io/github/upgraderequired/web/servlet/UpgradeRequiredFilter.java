package io.github.upgraderequired.web.servlet;

import java.io.IOException;

import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.render.UpgradeResponseRenderer;
import io.github.upgraderequired.web.UpgradePipeline;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.web.accept.ApiVersionStrategy;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks each request with the {@link UpgradePipeline} in the servlet filter chain:
 * answers a refused request with the upgrade response, and adds the warning and
 * {@code Vary} headers to the others. Only the {@code REQUEST} dispatch is checked.
 * <p>
 * Ordered by default at {@link #DEFAULT_ORDER}, just after Spring Security's filter
 * chain (order -100); {@link #BEFORE_SECURITY_ORDER} puts it just before, so that a
 * client that must upgrade learns it before it is asked to log in, which is how
 * {@code upgrade-required.before-security} uses it instead of
 * {@link UpgradeRequiredHandlerInterceptor}; it makes the same decisions. The twin of
 * Spring WebFlux's {@code UpgradeRequiredWebFilter}.
 */
public class UpgradeRequiredFilter extends OncePerRequestFilter implements Ordered {

	/**
	 * The default order: just after Spring Security's filter chain, which Spring Boot
	 * orders at -100.
	 */
	public static final int DEFAULT_ORDER = -99;

	/**
	 * The order with {@code upgrade-required.before-security}: just before Spring
	 * Security's filter chain, and after the request-wrapping filters such as
	 * {@code ForwardedHeaderFilter}.
	 */
	public static final int BEFORE_SECURITY_ORDER = -101;

	private final ServletUpgradeCheck check;

	private int order = DEFAULT_ORDER;

	/**
	 * Create a new filter that adds no CORS headers to the upgrade response.
	 * @param engine the engine
	 * @param renderer the renderer of the upgrade response
	 */
	public UpgradeRequiredFilter(UpgradeEngine engine, UpgradeResponseRenderer renderer) {
		this(new UpgradePipeline(engine, renderer), null);
	}

	/**
	 * Create a new filter that applies the application's CORS configuration to the
	 * upgrade response of a cross-origin request, as Spring MVC would.
	 * @param engine the engine
	 * @param renderer the renderer of the upgrade response
	 * @param cors the CORS configuration, usually Spring MVC's
	 * {@code HandlerMappingIntrospector}, or {@code null}
	 */
	public UpgradeRequiredFilter(UpgradeEngine engine, UpgradeResponseRenderer renderer,
			@Nullable CorsConfigurationSource cors) {
		this(new UpgradePipeline(engine, renderer), cors);
	}

	/**
	 * Create a new filter that applies the application's CORS configuration to the
	 * upgrade response of a cross-origin request, as Spring MVC would.
	 * @param pipeline the pipeline
	 * @param cors the CORS configuration, usually Spring MVC's
	 * {@code HandlerMappingIntrospector}, or {@code null}
	 */
	public UpgradeRequiredFilter(UpgradePipeline pipeline, @Nullable CorsConfigurationSource cors) {
		this.check = new ServletUpgradeCheck(pipeline, cors);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!ServletUpgradeCheck.needsCheck(request) || this.check.check(request, response)) {
			chain.doFilter(request, response);
		}
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	/**
	 * Set the order of the filter.
	 * @param order the order
	 */
	public void setOrder(int order) {
		this.order = order;
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
