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

/**
 * Checks a servlet request once: answers a rejected request with the upgrade response, and
 * adds the warning and {@code Vary} headers to the others. Shared by the interceptor and
 * the exception resolver, so that a request is decided the same way whichever reaches it.
 */
final class ServletUpgradeCheck {

	private static final String CHECKED = ServletUpgradeCheck.class.getName() + ".CHECKED";

	private final UpgradeEngine engine;

	private final UpgradeResponseRenderer renderer;

	ServletUpgradeCheck(UpgradeEngine engine, UpgradeResponseRenderer renderer) {
		this.engine = engine;
		this.renderer = renderer;
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
