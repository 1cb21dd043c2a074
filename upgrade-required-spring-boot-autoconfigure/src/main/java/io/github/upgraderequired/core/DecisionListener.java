package io.github.upgraderequired.core;

/**
 * Told of every request that fails a rule, whatever the mode, and of every rule that
 * throws. Called on the request thread: implementations must be fast and must not throw.
 */
@FunctionalInterface
public interface DecisionListener {

	/**
	 * Called when a rule rejected, warned, reported, or failed on a request.
	 * @param rule the rule
	 * @param outcome what happened
	 * @param request the request
	 */
	void onOutcome(RuleDescriptor rule, Outcome outcome, UpgradeRequest request);

}
