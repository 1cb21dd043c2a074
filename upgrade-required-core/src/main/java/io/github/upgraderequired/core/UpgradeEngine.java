package io.github.upgraderequired.core;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates the rules, in order, for a request. The first rule in enforce mode that fails
 * decides the response; rules in warn mode still add their warnings and rules in report
 * mode are still counted. A rule that throws is logged once, counted as
 * {@link Outcome#ERROR} and, unless the engine fails closed, let through.
 * <p>
 * Requests to excluded paths and CORS preflight requests are never evaluated.
 */
public final class UpgradeEngine {

	private static final Log logger = LogFactory.getLog(UpgradeEngine.class);


	private final CompiledRule[] rules;

	private final List<RuleDescriptor> descriptors;

	private final PathMatcher[] excludes;

	private final Clock clock;

	private final boolean failClosed;

	private final DecisionListener[] listeners;

	/**
	 * The rules that read the application's API version, the only ones
	 * {@link #readsApplicationApiVersion(UpgradeRequest)} looks at.
	 */
	private final CompiledRule[] applicationApiVersionRules;

	/**
	 * The decisions that only vary on a list merged from several rules' lists, the last
	 * ones made.
	 */
	private final RecentValues<Decision> mergedVaryOnly = new RecentValues<>(16);

	private UpgradeEngine(Builder builder) {
		List<CompiledRule> rules = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (UpgradeRule rule : builder.rules) {
			if (!names.add(rule.name())) {
				throw new IllegalArgumentException("Two rules are named '" + rule.name() + "'; names must be unique");
			}
			try {
				rules.add(new CompiledRule(rule, builder.compiler));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("Rule '" + rule.name() + "': " + ex.getMessage(), ex);
			}
		}
		this.rules = rules.toArray(CompiledRule[]::new);
		this.descriptors = rules.stream().map((rule) -> rule.descriptor).toList();
		this.excludes = builder.excludePaths.stream().map(builder.compiler::compile).toArray(PathMatcher[]::new);
		this.clock = builder.clock;
		this.failClosed = builder.failClosed;
		this.listeners = builder.listeners.toArray(DecisionListener[]::new);
		this.applicationApiVersionRules = rules.stream()
			.filter((rule) -> rule.rule.readsApplicationApiVersion())
			.toArray(CompiledRule[]::new);
	}

	/**
	 * Create an engine with the rules of another, each with the override given for its
	 * name or none.
	 */
	private UpgradeEngine(UpgradeEngine engine, Map<String, ModeOverride> overrides) {
		for (String name : overrides.keySet()) {
			if (engine.descriptors.stream().noneMatch((rule) -> rule.name().equals(name))) {
				throw new IllegalArgumentException("There is no rule named '" + name + "'");
			}
		}
		this.rules = Arrays.stream(engine.rules)
			.map((rule) -> rule.withOverride(overrides.get(rule.descriptor.name())))
			.toArray(CompiledRule[]::new);
		this.descriptors = engine.descriptors;
		this.excludes = engine.excludes;
		this.clock = engine.clock;
		this.failClosed = engine.failClosed;
		this.listeners = engine.listeners;
		this.applicationApiVersionRules = Arrays.stream(this.rules)
			.filter((rule) -> rule.rule.readsApplicationApiVersion())
			.toArray(CompiledRule[]::new);
	}

	/**
	 * Return an engine with the same rules, each with the operator's override given for
	 * its name, or with its configured schedule alone when none is given (so an empty map
	 * clears every override). A rule that is off in its configuration stays off: its
	 * override is kept and changes nothing. This engine is not changed.
	 * @param overrides the overrides by rule name
	 * @return the engine
	 * @throws IllegalArgumentException if a name is not one of the rules'
	 */
	public UpgradeEngine withOverrides(Map<String, ModeOverride> overrides) {
		return new UpgradeEngine(this, overrides);
	}

	/**
	 * Return the operators' overrides of the rules, by rule name, in evaluation order,
	 * whether in force now or ended, those of rules off in their configuration included.
	 * @return the overrides
	 */
	public Map<String, ModeOverride> overrides() {
		Map<String, ModeOverride> overrides = new LinkedHashMap<>();
		for (CompiledRule rule : this.rules) {
			if (rule.override != null) {
				overrides.put(rule.descriptor.name(), rule.override);
			}
		}
		return overrides;
	}

	/**
	 * Return the mode a rule is in at an instant: after its schedule and an operator's
	 * override.
	 * @param rule the rule's name
	 * @param now the instant
	 * @return the mode
	 * @throws IllegalArgumentException if there is no such rule
	 */
	public Mode modeAt(String rule, Instant now) {
		for (CompiledRule compiled : this.rules) {
			if (compiled.descriptor.name().equals(rule)) {
				return compiled.modeAt(now);
			}
		}
		throw new IllegalArgumentException("There is no rule named '" + rule + "'");
	}

	/**
	 * Return a new builder.
	 * @param compiler compiles path patterns
	 * @return the builder
	 */
	public static Builder builder(PathMatcher.Compiler compiler) {
		return new Builder(compiler);
	}

	/**
	 * Return the rules in evaluation order.
	 * @return the rules
	 */
	public List<RuleDescriptor> rules() {
		return this.descriptors;
	}

	/**
	 * Return the clock that drives the rules' schedules.
	 * @return the clock
	 */
	public Clock clock() {
		return this.clock;
	}

	/**
	 * Return whether a rule that reads {@link UpgradeRequest#apiVersion()} may apply to the
	 * request, so that an adapter that resolves it asynchronously does so only then.
	 * @param request the request
	 * @return {@code true} if such a rule is in force for the request's path and method
	 */
	public boolean readsApplicationApiVersion(UpgradeRequest request) {
		if (this.applicationApiVersionRules.length == 0) {
			return false;
		}
		String path = request.path();
		boolean plain = PathMatcher.isPlain(path);
		if (excluded(path, plain)) {
			return false;
		}
		String method = request.method();
		for (CompiledRule rule : this.applicationApiVersionRules) {
			if (!rule.off && rule.inScope(path, plain, method)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Decide what to do with a request and tell the listeners, a rejection included.
	 * @param request the request
	 * @return the decision, {@link Decision#PASS} when nothing is to be done
	 * @see #decide(UpgradeRequest)
	 */
	public Decision evaluate(UpgradeRequest request) {
		Decision decision = decide(request);
		if (decision.rejection() != null) {
			rejectionSent(decision, request);
		}
		return decision;
	}

	/**
	 * Decide what to do with a request, as the request pipeline does: warnings, reports and
	 * errors are told to the listeners at once, a rejection only when the pipeline says the
	 * upgrade response is sent ({@link #rejectionSent(Decision, UpgradeRequest)}).
	 * @param request the request
	 * @return the decision, {@link Decision#PASS} when nothing is to be done
	 */
	public Decision decide(UpgradeRequest request) {
		if (this.rules.length == 0) {
			return Decision.PASS;
		}
		String path = request.path();
		boolean plain = PathMatcher.isPlain(path);
		if (excluded(path, plain)) {
			return Decision.PASS;
		}
		String method = request.method();
		if (isPreflight(method, request)) {
			return Decision.PASS;
		}
		// The clock is read only once a rule with dates applies to the request.
		Instant now = null;
		// The first rule that refuses, and its verdict; the warnings of the others only when
		// a rule warns (kept in locals, so that a refusal allocates nothing here).
		CompiledRule rejectedBy = null;
		Verdict rejection = null;
		Warnings warnings = null;
		// The Vary of the rules that applied: one rule's list as it is, a new list only when
		// a second rule adds names.
		CompiledRule varyRule = null;
		List<String> vary = null;
		for (CompiledRule rule : this.rules) {
			// What the policy alone decides comes before path matching.
			if (rule.off || (!rule.timed && rule.mode == Mode.ENFORCE && rejectedBy != null)
					|| !rule.inScope(path, plain, method)) {
				continue;
			}
			if (now == null && rule.timed) {
				now = this.clock.instant();
			}
			Mode mode = rule.modeAt(now);
			if (mode == Mode.OFF || (mode == Mode.ENFORCE && rejectedBy != null)) {
				continue;
			}
			if (mode != Mode.REPORT && !rule.vary.isEmpty()) {
				if (vary == null) {
					varyRule = rule;
					vary = rule.vary;
				}
				else {
					vary = rule.mergeVaryInto(vary);
				}
			}
			if (rule.isExempt(request)) {
				continue;
			}
			Verdict verdict = check(rule, mode, request);
			if (verdict == null || verdict.isPass()) {
				continue;
			}
			if (verdict.isUnknown()) {
				if (rule.descriptor.settings().unknown() == UnknownValuePolicy.ALLOW) {
					continue;
				}
				verdict = rule.unknownVerdict;
			}
			if (mode == Mode.REPORT) {
				log(rule.descriptor, "reported", verdict);
				notify(rule.descriptor, Outcome.REPORTED, verdict.client(), request);
				continue;
			}
			if (mode == Mode.WARN) {
				warnings = (warnings != null) ? warnings : new Warnings();
				warnings.warn(rule, now);
				log(rule.descriptor, "warned", verdict);
				notify(rule.descriptor, Outcome.WARNED, verdict.client(), request);
			}
			else {
				rejectedBy = rule;
				rejection = verdict;
			}
		}
		if (rejectedBy != null || warnings != null) {
			return decision(rejectedBy, rejection, warnings, (vary != null) ? vary : List.of());
		}
		if (vary == null) {
			return Decision.PASS;
		}
		return (vary == varyRule.vary) ? varyRule.varyOnly : varyOnly(vary);
	}

	/**
	 * Return the decision that only varies on a merged list: the same decision for the
	 * same list (the rules keep one list per combination), so that the pipeline's answer
	 * for it can be shared too.
	 */
	private Decision varyOnly(List<String> vary) {
		for (int i = 0; i < this.mergedVaryOnly.size(); i++) {
			Decision decision = this.mergedVaryOnly.get(i);
			if (decision != null && decision.vary() == vary) {
				return decision;
			}
		}
		Decision decision = new Decision(null, null, null, List.of(), vary);
		this.mergedVaryOnly.add(decision);
		return decision;
	}

	private boolean excluded(String path, boolean plain) {
		for (PathMatcher exclude : this.excludes) {
			if (exclude.matches(path, plain)) {
				return true;
			}
		}
		return false;
	}

	private @Nullable Verdict check(CompiledRule rule, Mode mode, UpgradeRequest request) {
		try {
			return rule.rule.check(request);
		}
		catch (RuntimeException ex) {
			if (rule.firstFailure()) {
				logger.warn("Rule '" + rule.descriptor.name() + "' threw while checking a request; the request is "
						+ (this.failClosed ? "refused" : "let through")
						+ " (logged once, counted as outcome=error)", ex);
			}
			notify(rule.descriptor, Outcome.ERROR, null, request);
			if (this.failClosed && mode == Mode.ENFORCE) {
				return rule.descriptor.failureVerdict;
			}
			return null;
		}
	}

	/**
	 * Record that the rejection of a decision this engine made is sent: logs it and tells
	 * the listeners. The request pipeline calls this when its adapter says it answers with
	 * the upgrade response ({@code PipelineResult.refusalSent()}, before writing it, so
	 * that a client that has the answer finds it counted), so that a request answered
	 * otherwise (a cross-origin request from an origin the application
	 * refuses gets Spring's 403) is not counted as a rejection. A rule that failed closed
	 * was counted as an error already and is not counted again.
	 * @param decision the decision, as {@link #decide(UpgradeRequest)} returned it
	 * @param request the request
	 */
	public void rejectionSent(Decision decision, UpgradeRequest request) {
		Decision.Rejection rejection = decision.rejection();
		if (rejection == null) {
			return;
		}
		// The rejection carries its rule: nothing is looked up again.
		RuleDescriptor rule = rejection.rule();
		if (rejection.verdict() != rule.failureVerdict) {
			log(rule, "rejected", rejection.verdict());
			notify(rule, Outcome.REJECTED, rejection.verdict().client(), request);
		}
	}

	private void log(RuleDescriptor rule, String action, Verdict verdict) {
		if (logger.isDebugEnabled()) {
			logger.debug("Rule '" + rule.name() + "' " + action + " a request: " + verdict);
		}
	}

	private void notify(RuleDescriptor rule, Outcome outcome, @Nullable String client, UpgradeRequest request) {
		String tag = (client != null) ? client : DecisionListener.OTHER_CLIENT;
		for (DecisionListener listener : this.listeners) {
			try {
				listener.onOutcome(rule, outcome, tag, request);
			}
			catch (RuntimeException ex) {
				logger.debug("Decision listener " + listener + " failed", ex);
			}
		}
	}

	private static boolean isPreflight(String method, UpgradeRequest request) {
		return "OPTIONS".equals(method) && request.header("Origin") != null
				&& request.header("Access-Control-Request-Method") != null;
	}

	/**
	 * Return the decision on a request that a rule refused (with its verdict) or rules
	 * warned about, or both.
	 */
	private static Decision decision(@Nullable CompiledRule rule, @Nullable Verdict verdict,
			@Nullable Warnings warnings, List<String> vary) {
		if (warnings == null) {
			// A refusal alone: the rule's decision for the verdict, shared.
			return Objects.requireNonNull(rule).refusal(Objects.requireNonNull(verdict), vary);
		}
		Decision.Rejection rejection = null;
		if (rule != null && verdict != null) {
			List<String> upgrade = (verdict.upgrade() != null) ? verdict.upgrade() : rule.descriptor.upgrade();
			rejection = new Decision.Rejection(rule.descriptor, verdict, upgrade);
		}
		return new Decision(rejection, warnings.deprecation, warnings.sunset,
				(warnings.links != null) ? List.copyOf(warnings.links) : List.of(), vary);
	}

	/**
	 * The warnings of the rules that warned about a request.
	 */
	private static final class Warnings {

		private @Nullable Instant deprecation;

		private @Nullable Instant sunset;

		private @Nullable List<String> links;

		void warn(CompiledRule rule, @Nullable Instant now) {
			Instant deprecation = rule.deprecation();
			if (this.deprecation == null || deprecation.isBefore(this.deprecation)) {
				this.deprecation = deprecation;
			}
			Instant sunset = rule.sunset(now);
			if (sunset != null && (this.sunset == null || sunset.isBefore(this.sunset))) {
				this.sunset = sunset;
			}
			String documentation = rule.descriptor.settings().documentation();
			if (documentation != null) {
				link("<" + documentation + ">; rel=\"deprecation\"; type=\"text/html\"");
				if (sunset != null) {
					link("<" + documentation + ">; rel=\"sunset\"; type=\"text/html\"");
				}
			}
		}

		private void link(String link) {
			List<String> links = (this.links != null) ? this.links : (this.links = new ArrayList<>(2));
			if (!links.contains(link)) {
				links.add(link);
			}
		}

	}

	/**
	 * Builds an {@link UpgradeEngine}.
	 */
	public static final class Builder {

		private final PathMatcher.Compiler compiler;

		private final List<UpgradeRule> rules = new ArrayList<>();

		private List<String> excludePaths = List.of();

		private Clock clock = Clock.systemUTC();

		private boolean failClosed;

		private List<DecisionListener> listeners = List.of();

		private Builder(PathMatcher.Compiler compiler) {
			this.compiler = compiler;
		}

		/**
		 * Add rules, evaluated in the order added.
		 * @param rules the rules
		 * @return this builder
		 */
		public Builder rules(List<? extends UpgradeRule> rules) {
			this.rules.addAll(rules);
			return this;
		}

		/**
		 * Set path patterns no rule is evaluated for.
		 * @param excludePaths the patterns
		 * @return this builder
		 */
		public Builder excludePaths(List<String> excludePaths) {
			this.excludePaths = List.copyOf(excludePaths);
			return this;
		}

		/**
		 * Set the clock that drives schedules.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Set whether a rule in enforce mode that throws refuses the request.
		 * @param failClosed {@code true} to refuse
		 * @return this builder
		 */
		public Builder failClosed(boolean failClosed) {
			this.failClosed = failClosed;
			return this;
		}

		/**
		 * Set the listeners told of outcomes.
		 * @param listeners the listeners
		 * @return this builder
		 */
		public Builder listeners(List<? extends DecisionListener> listeners) {
			this.listeners = List.copyOf(listeners);
			return this;
		}

		/**
		 * Build the engine.
		 * @return the engine
		 * @throws IllegalArgumentException if a rule's settings or tokens are not valid
		 */
		public UpgradeEngine build() {
			return new UpgradeEngine(this);
		}

	}

}
