package io.github.upgraderequired.core;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A check that decides whether a request's client must upgrade. The starter's own rules
 * implement it, and so can an application: every bean of this type is evaluated after the
 * rules from properties, in {@code @Order}. Where the rule applies (paths, methods,
 * exemptions) and how it acts (mode, schedule, status) come from {@link #settings()}; the
 * engine applies them, so {@link #check(UpgradeRequest)} only judges the request.
 * <p>
 * Implementations must be thread-safe, and should not allocate on the passing path.
 */
public interface UpgradeRule {

	/**
	 * Return the rule's name, unique among all rules; used in responses, logs and as the
	 * {@code rule} metric tag.
	 * @return the name
	 */
	String name();

	/**
	 * Return the rule's type, used as the {@code type} metric tag.
	 * @return the type, {@code custom} unless overridden
	 */
	default String type() {
		return "custom";
	}

	/**
	 * Return the {@code Upgrade} tokens the rule offers, most preferred first, each
	 * {@code protocol-name["/"protocol-version]} (RFC 9110 §7.8). A verdict may offer
	 * others.
	 * @return the tokens, at least one
	 */
	List<String> upgrade();

	/**
	 * Return the names of the request headers the check reads, so that responses whose
	 * status or headers depended on them name them in {@code Vary}.
	 * @return the header names, none unless overridden
	 */
	default Set<String> readHeaders() {
		return Set.of();
	}

	/**
	 * Return whether the check reads {@link UpgradeRequest#apiVersion()}, which adapters
	 * that resolve it asynchronously then resolve before the rules run.
	 * @return {@code false} unless overridden
	 */
	default boolean readsApplicationApiVersion() {
		return false;
	}

	/**
	 * Return what the rule requires, for people and the actuator endpoint: minimums,
	 * blocked versions and the like, as simple values, lists and maps.
	 * @return the details, none unless overridden
	 */
	default Map<String, Object> details() {
		return Map.of();
	}

	/**
	 * Return where and how the rule applies.
	 * @return the settings, {@link RuleSettings#defaults()} unless overridden
	 */
	default RuleSettings settings() {
		return RuleSettings.defaults();
	}

	/**
	 * Judge a request to which the rule applies.
	 * @param request the request
	 * @return {@link Verdict#pass()}, {@link Verdict#unknown()} or an upgrade verdict
	 */
	Verdict check(UpgradeRequest request);

}
