package io.github.upgraderequired.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.github.upgraderequired.core.Decision;
import io.github.upgraderequired.core.ModeOverride;
import io.github.upgraderequired.core.RecentValues;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.core.UpgradeRequest;
import io.github.upgraderequired.render.UpgradeResponseRenderer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The path a request takes through the starter, whichever entry point it came in by:
 * the engine decides, the renderer answers a refusal (or its plain fallback answers, when
 * rendering fails) or gives the headers of a request let through, and the refusal is
 * counted once the adapter says it is sending it. Knows no web stack: an adapter reads its
 * request into an {@link UpgradeRequest}, calls {@link #process(UpgradeRequest)} once,
 * applies CORS and copies the result onto its response.
 * <p>
 * A request no rule has anything to say about costs one call to the engine and nothing
 * more: it gets {@link PipelineResult#PASS}, shared by all such requests. (On WebFlux, an
 * application that uses Spring's API versioning and has a rule that reads it first asks
 * {@link #readsApplicationApiVersion(UpgradeRequest)}, which matches the paths of those
 * rules only, since WebFlux resolves that version asynchronously.)
 */
public final class UpgradePipeline {

	private static final Log logger = LogFactory.getLog(UpgradePipeline.class);

	/**
	 * The compiled policy in force: read once per request, so that a request is decided
	 * wholly by the policy before a {@link #swap(UpgradeEngine) swap} or wholly by the one
	 * after it.
	 */
	private volatile UpgradeEngine engine;

	private final UpgradeResponseRenderer renderer;

	/**
	 * The results of the decisions that only vary, the last ones seen; a result that lets
	 * a request through holds nothing that changes.
	 */
	private final RecentValues<PipelineResult> recentPasses = new RecentValues<>(16);

	/**
	 * Create a new pipeline.
	 * @param engine the engine that decides
	 * @param renderer the renderer of the upgrade response and of the headers added to
	 * requests let through
	 */
	public UpgradePipeline(UpgradeEngine engine, UpgradeResponseRenderer renderer) {
		this.engine = Objects.requireNonNull(engine, "engine must not be null");
		this.renderer = Objects.requireNonNull(renderer, "renderer must not be null");
	}

	/**
	 * Return whether a rule that reads the application's API version may apply to the
	 * request, so that an adapter that resolves that version asynchronously does so only
	 * then.
	 * @param request the request
	 * @return {@code true} if such a rule is in force for the request's path and method
	 */
	public boolean readsApplicationApiVersion(UpgradeRequest request) {
		return this.engine.readsApplicationApiVersion(request);
	}

	/**
	 * Return the engine in force.
	 * @return the engine that decides the requests that arrive now
	 */
	public UpgradeEngine engine() {
		return this.engine;
	}

	/**
	 * Put another compiled policy in force, for the requests that arrive from now on; a
	 * request being decided finishes with the engine it started with, and a refusal is
	 * counted by the engine that decided it. The operators' overrides of the rules that
	 * the new policy still has stay in force over it; those of rules it no longer has are
	 * dropped.
	 * @param engine the engine, as compiled from the configuration
	 * @return the engine that was in force
	 */
	public synchronized UpgradeEngine swap(UpgradeEngine engine) {
		Objects.requireNonNull(engine, "engine must not be null");
		UpgradeEngine previous = this.engine;
		Map<String, ModeOverride> kept = new LinkedHashMap<>();
		activeOverrides().forEach((rule, override) -> {
			if (engine.rules().stream().anyMatch((descriptor) -> descriptor.name().equals(rule))) {
				kept.put(rule, override);
			}
			else {
				logger.info("upgrade-required: the override of rule '" + rule
						+ "' is dropped: the configuration no longer has the rule");
			}
		});
		this.engine = kept.isEmpty() ? engine : engine.withOverrides(kept);
		return previous;
	}

	/**
	 * Set an operator's override of a rule's mode, replacing the rule's earlier one, for
	 * the requests that arrive from now on; it stays in force across {@link #swap swaps}
	 * that keep the rule, and is lost on restart.
	 * @param rule the rule's name
	 * @param override the override
	 * @return the rule's earlier override, or {@code null}
	 * @throws IllegalArgumentException if there is no such rule
	 */
	public synchronized @Nullable ModeOverride override(String rule, ModeOverride override) {
		Objects.requireNonNull(override, "override must not be null");
		Map<String, ModeOverride> overrides = activeOverrides();
		ModeOverride previous = overrides.put(rule, override);
		this.engine = this.engine.withOverrides(overrides);
		return previous;
	}

	/**
	 * Clear an operator's override of a rule's mode: its configuration alone decides again.
	 * @param rule the rule's name
	 * @return the override cleared, or {@code null} if the rule had none
	 * @throws IllegalArgumentException if there is no such rule
	 */
	public synchronized @Nullable ModeOverride clearOverride(String rule) {
		Map<String, ModeOverride> overrides = activeOverrides();
		ModeOverride previous = overrides.remove(rule);
		if (previous == null) {
			// Checks that there is such a rule.
			this.engine.modeAt(rule, this.engine.clock().instant());
			return null;
		}
		this.engine = this.engine.withOverrides(overrides);
		return previous;
	}

	/**
	 * Return the overrides of the engine in force that have not ended: an ended one
	 * changes nothing and is dropped at the next change.
	 */
	private Map<String, ModeOverride> activeOverrides() {
		Map<String, ModeOverride> overrides = new LinkedHashMap<>(this.engine.overrides());
		if (!overrides.isEmpty()) {
			Instant now = this.engine.clock().instant();
			overrides.values().removeIf((override) -> !override.isActiveAt(now));
		}
		return overrides;
	}

	/**
	 * Decide on a request and prepare its answer. Warnings, reports and errors are counted
	 * at once; a refusal when the adapter calls {@link PipelineResult#refusalSent()}.
	 * @param request the request
	 * @return what to do with the request, never {@code null}
	 */
	public PipelineResult process(UpgradeRequest request) {
		return process(this.engine, request);
	}

	/**
	 * Decide on a request with an engine read from {@link #engine()} before, and prepare
	 * its answer: for an adapter that asked that engine
	 * {@link UpgradeEngine#readsApplicationApiVersion(UpgradeRequest)} first, so that the
	 * request is decided by the policy it asked even if another is put in force between.
	 * @param engine the engine
	 * @param request the request
	 * @return what to do with the request, never {@code null}
	 */
	public PipelineResult process(UpgradeEngine engine, UpgradeRequest request) {
		Decision decision = engine.decide(request);
		if (decision == Decision.PASS) {
			return PipelineResult.PASS;
		}
		if (decision.isRejected()) {
			return PipelineResult.refuse(decision, this.renderer.renderOrFallBack(decision, request), engine,
					request);
		}
		if (decision.isWarning() || !decision.links().isEmpty()) {
			// Warnings are each request's own.
			return PipelineResult.pass(decision, this.renderer.passHeadersOrNone(decision));
		}
		// A decision that only varies is shared by the requests its rules apply to: so is
		// its result.
		for (int i = 0; i < this.recentPasses.size(); i++) {
			PipelineResult recent = this.recentPasses.get(i);
			if (recent != null && recent.decision() == decision) {
				return recent;
			}
		}
		PipelineResult result = PipelineResult.pass(decision, this.renderer.passHeadersOrNone(decision));
		this.recentPasses.add(result);
		return result;
	}

}
