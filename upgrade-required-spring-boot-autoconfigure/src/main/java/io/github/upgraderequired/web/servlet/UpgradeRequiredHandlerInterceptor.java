package io.github.upgraderequired.web.servlet;

import java.io.IOException;

import io.github.upgraderequired.core.Decision;
import io.github.upgraderequired.core.Header;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.render.UpgradeResponse;
import io.github.upgraderequired.render.UpgradeResponseRenderer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks each request against the {@link UpgradeEngine} before its handler runs: answers
 * a rejected request with the upgrade response, and adds the warning and {@code Vary}
 * headers to the others. Registered as a {@code MappedInterceptor}, so every handler
 * mapping applies it, WebSocket's included.
 * <p>
 * Only the {@code REQUEST} dispatch is checked: error, async and forward dispatches of a
 * request were decided already.
 */
public class UpgradeRequiredHandlerInterceptor implements HandlerInterceptor {

	private final UpgradeEngine engine;

	private final UpgradeResponseRenderer renderer;

	/**
	 * Create a new interceptor.
	 * @param engine the engine
	 * @param renderer the renderer of the upgrade response
	 */
	public UpgradeRequiredHandlerInterceptor(UpgradeEngine engine, UpgradeResponseRenderer renderer) {
		this.engine = engine;
		this.renderer = renderer;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		if (request.getDispatcherType() != DispatcherType.REQUEST) {
			return true;
		}
		ServletUpgradeRequest upgradeRequest = new ServletUpgradeRequest(request);
		Decision decision = this.engine.evaluate(upgradeRequest);
		if (decision == Decision.PASS) {
			return true;
		}
		if (decision.isRejected()) {
			write(this.renderer.render(decision, upgradeRequest), response);
			return false;
		}
		for (Header header : this.renderer.passHeaders(decision)) {
			response.addHeader(header.name(), header.value());
		}
		return true;
	}

	private static void write(UpgradeResponse upgradeResponse, HttpServletResponse response) throws IOException {
		response.setStatus(upgradeResponse.status());
		for (Header header : upgradeResponse.headers()) {
			response.addHeader(header.name(), header.value());
		}
		if (upgradeResponse.contentType() != null) {
			response.setContentType(upgradeResponse.contentType());
		}
		response.setContentLength(upgradeResponse.contentLength());
		byte[] body = upgradeResponse.body();
		if (body.length > 0) {
			response.getOutputStream().write(body);
		}
		response.flushBuffer();
	}

}
