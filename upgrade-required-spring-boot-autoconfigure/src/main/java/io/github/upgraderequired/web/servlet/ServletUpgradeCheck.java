package io.github.upgraderequired.web.servlet;

import java.io.IOException;
import java.util.List;

import io.github.upgraderequired.core.Header;
import io.github.upgraderequired.render.UpgradeResponse;
import io.github.upgraderequired.web.PipelineResult;
import io.github.upgraderequired.web.UpgradePipeline;
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
 * The Spring MVC adapter on the {@link UpgradePipeline}: reads a servlet request, runs
 * it through the pipeline once, and writes what comes back, the upgrade response to a
 * refused request, the warning and {@code Vary} headers to the others. Shared by the
 * interceptor, the exception resolver and the filter, so that a request is decided the
 * same way whichever reaches it. The twin of WebFlux's {@code ReactiveUpgradeCheck}.
 */
final class ServletUpgradeCheck {

	private static final String CHECKED = ServletUpgradeCheck.class.getName() + ".CHECKED";

	private static final DefaultCorsProcessor CORS_PROCESSOR = new DefaultCorsProcessor();

	private final UpgradePipeline pipeline;

	private final @Nullable CorsConfigurationSource cors;

	private @Nullable ApiVersionStrategy apiVersionStrategy;

	/**
	 * Create a new check.
	 * @param pipeline the pipeline
	 * @param cors the application's CORS configuration, applied to an upgrade response to
	 * a cross-origin request that no handler mapping has processed yet, or {@code null}
	 */
	ServletUpgradeCheck(UpgradePipeline pipeline, @Nullable CorsConfigurationSource cors) {
		this.pipeline = pipeline;
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
	 * @return {@code true} to let the request through, {@code false} if it was answered
	 */
	boolean check(HttpServletRequest request, HttpServletResponse response) throws IOException {
		// Remembered, so that an entry point that meets the request again (the exception
		// resolver after an interceptor before ours threw, a second registration of the
		// interceptor) leaves it alone.
		request.setAttribute(CHECKED, Boolean.TRUE);
		PipelineResult result = this.pipeline.process(new ServletUpgradeRequest(request, this.apiVersionStrategy));
		UpgradeResponse refusal = result.refusal();
		if (refusal == null) {
			List<Header> headers = result.passHeaders();
			for (int i = 0; i < headers.size(); i++) {
				Header header = headers.get(i);
				response.addHeader(header.name(), header.value());
			}
			return true;
		}
		if (!corsRefused(request, response)) {
			// Counted before it is written, so that a client that has the answer sees it counted.
			result.refusalSent();
			write(refusal, response);
		}
		return false;
	}

	/**
	 * Add the CORS headers the application's configuration sends for this request, as
	 * Spring MVC's handler mappings would have, and return whether that configuration
	 * refused the request's origin: Spring's CORS processor has then answered 403, as it
	 * would before any handler. An {@code Origin} that does not parse makes the request no
	 * cross-origin one, so it gets the upgrade response without CORS headers.
	 */
	private boolean corsRefused(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (this.cors == null || response.getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN) != null) {
			return false;
		}
		try {
			if (CorsUtils.isCorsRequest(request)) {
				CorsConfiguration configuration = this.cors.getCorsConfiguration(request);
				return configuration != null && !CORS_PROCESSOR.processRequest(configuration, request, response);
			}
		}
		catch (IllegalArgumentException ex) {
			// An Origin that does not parse.
		}
		return false;
	}

	private static void write(UpgradeResponse refusal, HttpServletResponse response) throws IOException {
		response.setStatus(refusal.status());
		for (Header header : refusal.headers()) {
			response.addHeader(header.name(), header.value());
		}
		if (refusal.contentType() != null) {
			response.setContentType(refusal.contentType());
		}
		response.setContentLength(refusal.contentLength());
		byte[] body = refusal.body();
		if (body.length > 0) {
			response.getOutputStream().write(body);
		}
		response.flushBuffer();
	}

}
