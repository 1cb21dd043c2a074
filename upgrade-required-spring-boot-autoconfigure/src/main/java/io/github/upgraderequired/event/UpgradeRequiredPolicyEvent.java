package io.github.upgraderequired.event;

import java.util.List;
import java.util.Set;

import io.github.upgraderequired.core.RuleDescriptor;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;

/**
 * Published when the configuration changed while the application runs (Spring Cloud's
 * {@code EnvironmentChangeEvent} touched {@code upgrade-required.*}) and the starter
 * compiled it again: either the new policy is in force, with the rules it added, removed
 * and changed, or it was rejected and the last good one stays, with the reason.
 */
public class UpgradeRequiredPolicyEvent extends ApplicationEvent {

	private final boolean applied;

	private final Set<String> keys;

	private final List<RuleDescriptor> rules;

	private final List<String> added;

	private final List<String> removed;

	private final List<String> changed;

	private final @Nullable String failure;

	private UpgradeRequiredPolicyEvent(Object source, boolean applied, Set<String> keys, List<RuleDescriptor> rules,
			List<String> added, List<String> removed, List<String> changed, @Nullable String failure) {
		super(source);
		this.applied = applied;
		this.keys = Set.copyOf(keys);
		this.rules = List.copyOf(rules);
		this.added = List.copyOf(added);
		this.removed = List.copyOf(removed);
		this.changed = List.copyOf(changed);
		this.failure = failure;
	}

	/**
	 * Create the event of a policy put in force.
	 * @param source the application context whose policy it is
	 * @param keys the configuration keys whose change was announced
	 * @param rules the rules of the policy now in force
	 * @param added the names of the rules the new policy added
	 * @param removed the names of the rules it removed
	 * @param changed the names of the rules whose settings it changed
	 * @return the event
	 */
	public static UpgradeRequiredPolicyEvent applied(Object source, Set<String> keys, List<RuleDescriptor> rules,
			List<String> added, List<String> removed, List<String> changed) {
		return new UpgradeRequiredPolicyEvent(source, true, keys, rules, added, removed, changed, null);
	}

	/**
	 * Create the event of a configuration rejected.
	 * @param source the application context whose configuration it is
	 * @param keys the configuration keys whose change was announced
	 * @param failure why, as the failure analysis at start-up would say it
	 * @return the event
	 */
	public static UpgradeRequiredPolicyEvent rejected(Object source, Set<String> keys, String failure) {
		return new UpgradeRequiredPolicyEvent(source, false, keys, List.of(), List.of(), List.of(), List.of(), failure);
	}

	/**
	 * Return whether the new policy is in force.
	 * @return {@code true} if applied, {@code false} if the last good policy stays
	 */
	public boolean isApplied() {
		return this.applied;
	}

	/**
	 * Return the configuration keys whose change was announced, those of the starter
	 * only: a change of a setting that applies to every rule ({@code fail-closed},
	 * {@code exclude-paths}, {@code proxy.*}) shows here, not as a changed rule.
	 * @return the keys
	 */
	public Set<String> getKeys() {
		return this.keys;
	}

	/**
	 * Return the rules of the policy now in force.
	 * @return the rules, in evaluation order; none if the change was rejected
	 */
	public List<RuleDescriptor> getRules() {
		return this.rules;
	}

	/**
	 * Return the names of the rules the new policy added.
	 * @return the names, in the new policy's order
	 */
	public List<String> getAdded() {
		return this.added;
	}

	/**
	 * Return the names of the rules the new policy removed.
	 * @return the names, in the old policy's order
	 */
	public List<String> getRemoved() {
		return this.removed;
	}

	/**
	 * Return the names of the rules whose type, settings or requirements changed.
	 * @return the names, in the new policy's order
	 */
	public List<String> getChanged() {
		return this.changed;
	}

	/**
	 * Return why the configuration was rejected.
	 * @return the reason, or {@code null} if it was applied
	 */
	public @Nullable String getFailure() {
		return this.failure;
	}

}
