package io.github.upgraderequired.web;

import java.util.List;

import io.github.upgraderequired.core.Decision;
import io.github.upgraderequired.core.Header;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.core.UpgradeRequest;
import io.github.upgraderequired.render.UpgradeResponse;
import org.jspecify.annotations.Nullable;

/**
 * What {@link UpgradePipeline#process(UpgradeRequest)} made of one request: let it
 * through with {@link #passHeaders() these headers}, or answer it with
 * {@link #refusal() this complete response}. A refusal carries what it needs to be
 * counted, so that the adapter only says when it sends it ({@link #refusalSent()}).
 * <p>
 * A result that refuses belongs to one request and is used on one thread at a time; a
 * result that lets a request through holds nothing that changes, and {@link #PASS} is
 * shared by every request no rule spoke of.
 */
public final class PipelineResult {

	/**
	 * The result for a request no rule had anything to say about.
	 */
	public static final PipelineResult PASS = new PipelineResult(Decision.PASS, List.of(), null, null, null);

	private final Decision decision;

	private final List<Header> passHeaders;

	private final @Nullable UpgradeResponse refusal;

	private final @Nullable UpgradeEngine engine;

	private final @Nullable UpgradeRequest request;

	private boolean sent;

	private PipelineResult(Decision decision, List<Header> passHeaders, @Nullable UpgradeResponse refusal,
			@Nullable UpgradeEngine engine, @Nullable UpgradeRequest request) {
		this.decision = decision;
		this.passHeaders = passHeaders;
		this.refusal = refusal;
		this.engine = engine;
		this.request = request;
	}

	static PipelineResult pass(Decision decision, List<Header> headers) {
		return new PipelineResult(decision, headers, null, null, null);
	}

	static PipelineResult refuse(Decision decision, UpgradeResponse refusal, UpgradeEngine engine,
			UpgradeRequest request) {
		return new PipelineResult(decision, List.of(), refusal, engine, request);
	}

	/**
	 * Return the engine's decision.
	 * @return the decision
	 */
	public Decision decision() {
		return this.decision;
	}

	/**
	 * Return the headers to add to the answer of a request let through: the warnings, and
	 * {@code Vary} for the request headers that rules in warn or enforce mode read.
	 * @return the headers, empty for a refusal
	 */
	public List<Header> passHeaders() {
		return this.passHeaders;
	}

	/**
	 * Return the response that refuses the request (the upgrade response, or a redirect to
	 * HTTPS), complete with status, headers and body.
	 * @return the response, or {@code null} if the request goes through
	 */
	public @Nullable UpgradeResponse refusal() {
		return this.refusal;
	}

	/**
	 * Say that the refusal is sent: it is logged and counted, once, however often this is
	 * called. An adapter calls it once it knows it answers with {@link #refusal()}, before
	 * writing it, so that a client that has the answer finds it counted; a request answered
	 * otherwise (Spring's 403 to an origin the application's CORS configuration refuses) is
	 * not counted as refused. Does nothing for a request that goes through.
	 */
	public void refusalSent() {
		if (this.engine != null && this.request != null && !this.sent) {
			this.sent = true;
			this.engine.rejectionSent(this.decision, this.request);
		}
	}

}
