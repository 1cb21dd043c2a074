package io.github.upgraderequired.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;

/**
 * A rule with its settings compiled for the request path: arrays, no collections, no
 * allocation on the passing path.
 */
final class CompiledRule {

	private static final int MAX_MERGED_VARY = 16;


	final UpgradeRule rule;

	final RuleDescriptor descriptor;

	/**
	 * The schedule of the rule's configuration.
	 */
	final Schedule schedule;

	/**
	 * The mode an operator set over the schedule, if any.
	 */
	final @Nullable ModeOverride override;

	/**
	 * Whether the mode depends on the clock: the schedule's dates, or an override's end.
	 */
	final boolean timed;

	/**
	 * The mode when it does not depend on the clock.
	 */
	final Mode mode;

	/**
	 * Whether the rule is never evaluated: {@link Mode#OFF} whatever the clock says.
	 */
	final boolean off;

	/**
	 * The request headers the rule reads, for {@code Vary}.
	 */
	final List<String> vary;

	/**
	 * The decision for a request only this rule applied to and let through.
	 */
	final Decision varyOnly;

	/**
	 * The verdict for a value the rule could not read, when its policy rejects.
	 */
	final Verdict unknownVerdict;

	private final PathMatcher[] includes;

	private final PathMatcher[] excludes;

	private final String[] methods;

	private final AddressRange[] exemptAddresses;

	private final @Nullable String exemptHeaderName;

	private final byte @Nullable [] exemptHeaderValue;

	private final AtomicBoolean failureLogged;

	/**
	 * The {@code Vary} lists of earlier rules this rule's list was merged into, with the
	 * results, so that a combination of rules has one list: the renderer finds it by
	 * identity. Replaced whole, never changed; at most {@link #MAX_MERGED_VARY} entries.
	 */
	private volatile MergedVary[] mergedVary = new MergedVary[0];

	/**
	 * The last refusals decided by this rule alone, kept for the next request with the
	 * same verdict (the rules share the verdicts that no request changes): one decision
	 * for all of them, which the renderer recognises.
	 */
	private final RecentValues<Decision> recentRefusals = new RecentValues<>(8);

	CompiledRule(UpgradeRule rule, PathMatcher.Compiler compiler) {
		this.rule = rule;
		this.override = null;
		this.failureLogged = new AtomicBoolean();
		String name = rule.name();
		RuleSettings settings = rule.settings();
		List<String> upgrade = rule.upgrade();
		UpgradeTokens.validate(upgrade);
		this.descriptor = new RuleDescriptor(name, rule.type(), upgrade, settings, rule.details());
		this.schedule = settings.schedule();
		this.timed = this.schedule.isTimed();
		this.mode = this.schedule.mode();
		this.off = this.mode == Mode.OFF;
		this.includes = compile(settings.paths(), compiler);
		this.excludes = compile(settings.excludePaths(), compiler);
		this.methods = settings.methods().toArray(String[]::new);
		this.exemptAddresses = settings.exemptAddresses().stream().map(AddressRange::parse).toArray(AddressRange[]::new);
		if ((settings.exemptHeaderName() == null) != (settings.exemptHeaderValue() == null)) {
			throw new IllegalArgumentException("an exempt header needs both a name and a value");
		}
		this.exemptHeaderName = settings.exemptHeaderName();
		this.exemptHeaderValue = (settings.exemptHeaderValue() != null)
				? settings.exemptHeaderValue().getBytes(StandardCharsets.UTF_8) : null;
		if (settings.canWarnWithoutDeprecation()) {
			throw new IllegalArgumentException("a rule that can warn needs the instant sent as Deprecation: "
					+ "set warn-from or deprecation");
		}
		if (settings.status() < 400 || settings.status() > 499) {
			throw new IllegalArgumentException("status " + settings.status() + " is not a 4xx status");
		}
		List<String> vary = new ArrayList<>();
		List<String> read = new ArrayList<>(rule.readHeaders());
		if (this.exemptHeaderName != null) {
			read.add(this.exemptHeaderName);
		}
		for (String header : read) {
			if (!containsIgnoreCase(vary, header)) {
				vary.add(header);
			}
		}
		this.vary = List.copyOf(vary);
		this.varyOnly = new Decision(null, null, null, List.of(), this.vary);
		this.unknownVerdict = Verdict.upgrade(null, null)
			.withDetail("The request does not show what rule '" + name + "' checks, and the rule refuses such requests.");
	}

	/**
	 * Create a copy of a compiled rule with an operator's override, or without one: the
	 * same rule, settings and matchers.
	 */
	private CompiledRule(CompiledRule compiled, @Nullable ModeOverride override) {
		this.rule = compiled.rule;
		this.descriptor = compiled.descriptor;
		this.schedule = compiled.schedule;
		this.vary = compiled.vary;
		this.varyOnly = compiled.varyOnly;
		this.unknownVerdict = compiled.unknownVerdict;
		this.includes = compiled.includes;
		this.excludes = compiled.excludes;
		this.methods = compiled.methods;
		this.exemptAddresses = compiled.exemptAddresses;
		this.exemptHeaderName = compiled.exemptHeaderName;
		this.exemptHeaderValue = compiled.exemptHeaderValue;
		this.failureLogged = compiled.failureLogged;
		this.override = override;
		// Off in the configuration wins over any override: the override is kept, for a
		// configuration that turns the rule on again, and changes nothing meanwhile.
		if (override == null || this.schedule.mode() == Mode.OFF) {
			this.timed = this.schedule.isTimed();
			this.mode = this.schedule.mode();
		}
		else {
			this.timed = override.until() != null || this.schedule.isTimed();
			this.mode = override.mode();
		}
		this.off = !this.timed && this.mode == Mode.OFF;
	}

	/**
	 * Return this rule with an operator's override, or with none.
	 * @param override the override, or {@code null} for the configured schedule alone
	 * @return the rule
	 */
	CompiledRule withOverride(@Nullable ModeOverride override) {
		return (override == this.override) ? this : new CompiledRule(this, override);
	}

	/**
	 * Return the mode in force at an instant.
	 * @param now the instant, read only when the mode depends on the clock
	 * @return the mode
	 */
	Mode modeAt(@Nullable Instant now) {
		if (!this.timed) {
			return this.mode;
		}
		if (this.override != null && this.schedule.mode() != Mode.OFF && this.override.isActiveAt(now)) {
			return this.override.mode();
		}
		return this.schedule.modeAt(now);
	}

	/**
	 * Return the names of {@code earlier} and of this rule's {@code Vary} list, the first
	 * list's first, without repeating a name: the same list for the same earlier list.
	 */
	List<String> mergeVaryInto(List<String> earlier) {
		MergedVary[] merged = this.mergedVary;
		for (MergedVary entry : merged) {
			if (entry.earlier == earlier) {
				return entry.merged;
			}
		}
		List<String> result = mergeVary(earlier, this.vary);
		if (merged.length < MAX_MERGED_VARY) {
			MergedVary[] grown = Arrays.copyOf(merged, merged.length + 1);
			grown[merged.length] = new MergedVary(earlier, result);
			// Two threads may both add: one entry is lost, and computed again later.
			this.mergedVary = grown;
		}
		return result;
	}

	/**
	 * Return the names of both lists, the first list's first, without repeating a name
	 * (compared without regard to case).
	 */
	static List<String> mergeVary(List<String> first, List<String> second) {
		List<String> merged = null;
		for (int i = 0; i < second.size(); i++) {
			String name = second.get(i);
			if (!containsIgnoreCase(first, name) && (merged == null || !containsIgnoreCase(merged, name))) {
				merged = (merged != null) ? merged : new ArrayList<>(first);
				merged.add(name);
			}
		}
		return (merged != null) ? List.copyOf(merged) : first;
	}

	/**
	 * Return the decision that this rule refuses a request with this verdict, no rule
	 * warning: the one of the last such request when the verdict and the {@code Vary}
	 * list are the same objects.
	 */
	Decision refusal(Verdict verdict, List<String> vary) {
		List<String> upgrade = (verdict.upgrade() != null) ? verdict.upgrade() : this.descriptor.upgrade();
		if (verdict.redirect() != null) {
			// A redirect names the request's own URL: never the same for another request.
			return new Decision(new Decision.Rejection(this.descriptor, verdict, upgrade), null, null, List.of(), vary);
		}
		for (int i = 0; i < this.recentRefusals.size(); i++) {
			Decision recent = this.recentRefusals.get(i);
			if (recent != null && recent.vary() == vary && recent.rejection().verdict() == verdict) {
				return recent;
			}
		}
		Decision decision = new Decision(new Decision.Rejection(this.descriptor, verdict, upgrade), null, null,
				List.of(), vary);
		this.recentRefusals.add(decision);
		return decision;
	}

	private static PathMatcher[] compile(List<String> patterns, PathMatcher.Compiler compiler) {
		List<PathMatcher> matchers = new ArrayList<>(patterns.size());
		for (String pattern : patterns) {
			matchers.add(compiler.compile(pattern));
		}
		return matchers.toArray(PathMatcher[]::new);
	}

	boolean inScope(String path, boolean plain, String method) {
		if (this.methods.length > 0 && !contains(this.methods, method)) {
			return false;
		}
		if (this.includes.length > 0 && !anyMatches(this.includes, path, plain)) {
			return false;
		}
		return !anyMatches(this.excludes, path, plain);
	}

	boolean isExempt(UpgradeRequest request) {
		if (this.exemptHeaderName != null) {
			String value = request.header(this.exemptHeaderName);
			if (value != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), this.exemptHeaderValue)) {
				return true;
			}
		}
		if (this.exemptAddresses.length > 0) {
			String address = request.remoteAddress();
			for (AddressRange range : this.exemptAddresses) {
				if (range.contains(address)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Return the instant to send in {@code Deprecation} while the rule warns: the
	 * configured one, else the start of warnings, else the instant an override that made
	 * the rule warn was set.
	 */
	Instant deprecation() {
		RuleSettings settings = this.descriptor.settings();
		Instant deprecation = (settings.deprecation() != null) ? settings.deprecation() : this.schedule.warnFrom();
		if (deprecation == null && this.override != null) {
			return this.override.since();
		}
		// Checked at construction: a rule that can warn without an override has one of the
		// two.
		return Objects.requireNonNull(deprecation);
	}

	/**
	 * Return the instant to send in {@code Sunset} while the rule warns at an instant: the
	 * start of enforcement. While an override lasts, that is the first instant the rule
	 * enforces after it ends, unknown for an override without an end.
	 * @param now the instant, or {@code null} when the mode does not depend on the clock
	 */
	@Nullable Instant sunset(@Nullable Instant now) {
		ModeOverride override = this.override;
		if (override == null || !override.isActiveAt(now)) {
			return this.schedule.enforceFrom();
		}
		Instant until = override.until();
		if (until == null) {
			return null;
		}
		if (this.schedule.modeAt(until) == Mode.ENFORCE) {
			return until;
		}
		Instant enforceFrom = this.schedule.enforceFrom();
		return (enforceFrom != null && enforceFrom.isAfter(until)) ? enforceFrom : null;
	}

	/**
	 * Return whether this is the first failure of the rule, so that it is logged once.
	 * @return {@code true} the first time only
	 */
	boolean firstFailure() {
		return this.failureLogged.compareAndSet(false, true);
	}

	/**
	 * Return whether a list of header names holds a name, compared without regard to case.
	 */
	static boolean containsIgnoreCase(List<String> names, String name) {
		for (int i = 0; i < names.size(); i++) {
			if (names.get(i).equalsIgnoreCase(name)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * An earlier {@code Vary} list and the result of merging this rule's into it.
	 */
	private record MergedVary(List<String> earlier, List<String> merged) {
	}

	private static boolean contains(String[] values, String value) {
		for (String candidate : values) {
			if (candidate.equals(value)) {
				return true;
			}
		}
		return false;
	}

	private static boolean anyMatches(PathMatcher[] matchers, String path, boolean plain) {
		for (PathMatcher matcher : matchers) {
			if (matcher.matches(path, plain)) {
				return true;
			}
		}
		return false;
	}

}
