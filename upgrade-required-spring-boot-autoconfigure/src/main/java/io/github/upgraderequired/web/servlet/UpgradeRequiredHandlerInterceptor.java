package io.github.upgraderequired.web.servlet;

import java.io.IOException;

import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.render.UpgradeResponseRenderer;
import io.github.upgraderequired.web.UpgradePipeline;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.accept.ApiVersionStrategy;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks each request with the {@link UpgradePipeline} before its handler runs: answers
 * a rejected request with the upgrade response, and adds the warning and {@code Vary}
 * headers to the others. Registered as a {@code MappedInterceptor}, so every handler
 * mapping applies it, WebSocket's included.
 * <p>
 * Only the {@code REQUEST} dispatch is checked: error, async and forward dispatches of a
 * request were decided already. Requests that fail before a handler is found are checked
 * by {@link UpgradeRequiredHandlerExceptionResolver}.
 */
public class UpgradeRequiredHandlerInterceptor implements HandlerInterceptor {

	private final ServletUpgradeCheck check;

	/**
	 * Create a new interceptor.
	 * @param engine the engine
	 * @param renderer the renderer of the upgrade response
	 */
	public UpgradeRequiredHandlerInterceptor(UpgradeEngine engine, UpgradeResponseRenderer renderer) {
		this(new UpgradePipeline(engine, renderer));
	}

	/**
	 * Create a new interceptor.
	 * @param pipeline the pipeline
	 */
	public UpgradeRequiredHandlerInterceptor(UpgradePipeline pipeline) {
		// Spring MVC's CorsInterceptor runs first in the chain: CORS is applied already.
		this.check = new ServletUpgradeCheck(pipeline, null);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		return !ServletUpgradeCheck.needsCheck(request) || this.check.check(request, response);
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
