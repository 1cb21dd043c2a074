package io.github.upgraderequired.core;

/**
 * Told of every request that fails a rule, whatever the mode, and of every rule that
 * throws. Called on the request thread: implementations must be fast and must not throw.
 */
@FunctionalInterface
public interface DecisionListener {

	/**
	 * The client tag of a request whose rule named no kind of client.
	 */
	String OTHER_CLIENT = "other";

	/**
	 * Called when a rule rejected, warned, reported, or failed on a request.
	 * @param rule the rule
	 * @param outcome what happened
	 * @param client the kind of client, from a small fixed set (a configured platform, a
	 * browser family), or {@link #OTHER_CLIENT}
	 * @param request the request
	 */
	void onOutcome(RuleDescriptor rule, Outcome outcome, String client, UpgradeRequest request);

}
