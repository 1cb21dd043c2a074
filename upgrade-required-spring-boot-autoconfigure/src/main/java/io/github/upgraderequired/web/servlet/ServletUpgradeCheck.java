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
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.web.accept.ApiVersionStrategy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * Checks a servlet request once: answers a rejected request with the upgrade response, and
 * adds the warning and {@code Vary} headers to the others. Shared by the interceptor and
 * the exception resolver, so that a request is decided the same way whichever reaches it.
 */
final class ServletUpgradeCheck {

	private static final String CHECKED = ServletUpgradeCheck.class.getName() + ".CHECKED";

	private static final DefaultCorsProcessor CORS_PROCESSOR = new DefaultCorsProcessor();

	private final UpgradeEngine engine;

	private final UpgradeResponseRenderer renderer;

	private final @Nullable CorsConfigurationSource cors;

	private @Nullable ApiVersionStrategy apiVersionStrategy;

	/**
	 * Create a new check.
	 * @param cors the application's CORS configuration, applied to an upgrade response to
	 * a cross-origin request that no handler mapping has processed yet, or {@code null}
	 */
	ServletUpgradeCheck(UpgradeEngine engine, UpgradeResponseRenderer renderer, @Nullable CorsConfigurationSource cors) {
		this.engine = engine;
		this.renderer = renderer;
		this.cors = cors;
	}

	/**
	 * Use the application's API versioning to resolve the API version of requests.
	 */
	void setApiVersionStrategy(@Nullable ApiVersionStrategy apiVersionStrategy) {
		this.apiVersionStrategy = apiVersionStrategy;
	}

	/**
	 * Return whether the request still needs checking: the first dispatch, not checked yet.
	 * Error, async and forward dispatches of a request were decided already.
	 */
	static boolean needsCheck(HttpServletRequest request) {
		return request.getDispatcherType() == DispatcherType.REQUEST && request.getAttribute(CHECKED) == null;
	}

	/**
	 * Check the request.
	 * @return {@code true} to let the request through, {@code false} if the upgrade
	 * response was written
	 */
	boolean check(HttpServletRequest request, HttpServletResponse response) throws IOException {
		request.setAttribute(CHECKED, Boolean.TRUE);
		ServletUpgradeRequest upgradeRequest = new ServletUpgradeRequest(request, this.apiVersionStrategy);
		Decision decision = this.engine.decide(upgradeRequest);
		if (decision == Decision.PASS) {
			return true;
		}
		if (decision.isRejected()) {
			UpgradeResponse upgradeResponse = this.renderer.renderOrFallBack(decision, upgradeRequest);
			if (applyCors(request, response)) {
				// Counted before it is written, so that a client that has the answer sees it counted.
				this.engine.rejectionSent(decision, upgradeRequest);
				write(upgradeResponse, response);
			}
			return false;
		}
		for (Header header : this.renderer.passHeadersOrNone(decision)) {
			response.addHeader(header.name(), header.value());
		}
		return true;
	}

	/**
	 * Add the CORS headers the application's configuration sends for this request, as
	 * Spring MVC's handler mappings would have.
	 * @return {@code false} if the configuration refused the origin, and Spring's 403 was
	 * written instead
	 */
	private boolean applyCors(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (this.cors == null || response.getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN) != null) {
			return true;
		}
		try {
			if (!CorsUtils.isCorsRequest(request)) {
				return true;
			}
			CorsConfiguration configuration = this.cors.getCorsConfiguration(request);
			return configuration == null || CORS_PROCESSOR.processRequest(configuration, request, response);
		}
		catch (IllegalArgumentException ex) {
			// An Origin that does not parse: the upgrade response goes without CORS headers.
			return true;
		}
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
