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

	final Schedule schedule;

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

	private final AtomicBoolean failureLogged = new AtomicBoolean();

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
		String name = rule.name();
		RuleSettings settings = rule.settings();
		List<String> upgrade = rule.upgrade();
		UpgradeTokens.validate(upgrade);
		this.descriptor = new RuleDescriptor(name, rule.type(), upgrade, settings, rule.details());
		this.schedule = settings.schedule();
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

	Instant deprecation() {
		RuleSettings settings = this.descriptor.settings();
		Instant deprecation = (settings.deprecation() != null) ? settings.deprecation() : this.schedule.warnFrom();
		// Checked at construction: a rule that can warn has one of the two.
		return Objects.requireNonNull(deprecation);
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
