package io.github.upgraderequired.test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.github.upgraderequired.core.Decision;
import io.github.upgraderequired.core.Decision.Rejection;
import io.github.upgraderequired.core.Header;
import io.github.upgraderequired.core.UpgradeRequest;
import io.github.upgraderequired.core.Verdict;
import io.github.upgraderequired.render.UpgradeResponse;
import io.github.upgraderequired.web.PipelineResult;
import org.jspecify.annotations.Nullable;

/**
 * What the pipeline made of one request in a test: the engine's decision and what an
 * adapter would send, either the whole refusal ({@link #status()}, {@link #headers()},
 * {@link #body()}) or the headers it adds to the application's own answer of a request let
 * through ({@link #isRefused()} is {@code false}).
 */
public final class UpgradeResult {

	private final Decision decision;

	private final @Nullable UpgradeResponse refusal;

	private final List<Header> headers;

	private final String method;

	private UpgradeResult(Decision decision, @Nullable UpgradeResponse refusal, List<Header> headers,
			String method) {
		this.decision = decision;
		this.refusal = refusal;
		this.headers = headers;
		this.method = method;
	}

	static UpgradeResult sent(PipelineResult result, UpgradeRequest request) {
		UpgradeResponse refusal = result.refusal();
		if (refusal == null) {
			return new UpgradeResult(result.decision(), null, result.passHeaders(), request.method());
		}
		result.refusalSent();
		List<Header> headers = new ArrayList<>(refusal.headers());
		if (refusal.contentType() != null) {
			headers.add(new Header("Content-Type", refusal.contentType()));
		}
		// Both adapters send the length, also of an empty answer and of the body a HEAD
		// request does not get.
		headers.add(new Header("Content-Length", Integer.toString(refusal.contentLength())));
		return new UpgradeResult(result.decision(), refusal, List.copyOf(headers), request.method());
	}

	/**
	 * Return the engine's decision.
	 * @return the decision, {@link Decision#PASS} when no rule had anything to say
	 */
	public Decision decision() {
		return this.decision;
	}

	/**
	 * Return whether the request is answered by the starter (the upgrade response, or a
	 * redirect to HTTPS) rather than by the application.
	 * @return {@code true} if the request is refused
	 */
	public boolean isRefused() {
		return this.refusal != null;
	}

	/**
	 * Return whether a rule in warn mode warned: the answer carries {@code Deprecation}
	 * and, when the rule has a date, {@code Sunset}.
	 * @return {@code true} if a rule warned
	 */
	public boolean isWarned() {
		return this.decision.isWarning();
	}

	/**
	 * Return the name of the rule that refused the request.
	 * @return the name, or {@code null} if the request goes through
	 */
	public @Nullable String refusingRule() {
		Rejection rejection = this.decision.rejection();
		return (rejection != null) ? rejection.rule().name() : null;
	}

	/**
	 * Return what the refusing rule found.
	 * @return the verdict, or {@code null} if the request goes through
	 */
	public @Nullable Verdict verdict() {
		Rejection rejection = this.decision.rejection();
		return (rejection != null) ? rejection.verdict() : null;
	}

	/**
	 * Return the status of the refusal.
	 * @return the status, such as 426, or 308 for a redirect to HTTPS
	 * @throws IllegalStateException if the request goes through (the application answers
	 * it, with a status of its own)
	 */
	public int status() {
		return refusal().status();
	}

	/**
	 * Return the headers sent: the refusal's, then its {@code Content-Type} and
	 * {@code Content-Length}, or those added to the application's answer of a request let
	 * through (warnings, {@code Vary}). The server adds its own ({@code Date}).
	 * @return the headers, in order
	 */
	public List<Header> headers() {
		return this.headers;
	}

	/**
	 * Return the first value of a header sent.
	 * @param name the name, matched case-insensitively
	 * @return the value, or {@code null} if no such header is sent
	 */
	public @Nullable String header(String name) {
		for (Header header : this.headers) {
			if (header.name().equalsIgnoreCase(name)) {
				return header.value();
			}
		}
		return null;
	}

	/**
	 * Return the content type of the refusal's body.
	 * @return the content type, or {@code null} for a redirect or a request let through
	 */
	public @Nullable String contentType() {
		return (this.refusal != null) ? this.refusal.contentType() : null;
	}

	/**
	 * Return the refusal's body as text. A {@code HEAD} request is sent no body; its
	 * answer's {@code Content-Length} is that of the body a {@code GET} would get.
	 * @return the body, UTF-8 decoded, empty for a redirect or a {@code HEAD} request
	 * @throws IllegalStateException if the request goes through
	 */
	public String body() {
		return new String(refusal().body(), StandardCharsets.UTF_8);
	}

	/**
	 * Return the refusal as the pipeline prepared it, for an adapter of one's own.
	 * @return the response
	 * @throws IllegalStateException if the request goes through
	 */
	public UpgradeResponse refusal() {
		if (this.refusal == null) {
			throw new IllegalStateException("The request goes through: the application answers it (decision: "
					+ this.decision + ")");
		}
		return this.refusal;
	}

	@Override
	public String toString() {
		if (this.refusal == null) {
			return this.method + " let through" + (this.headers.isEmpty() ? "" : " with " + this.headers);
		}
		return this.method + " refused by '" + refusingRule() + "': " + this.refusal.status() + " " + this.headers;
	}

}
