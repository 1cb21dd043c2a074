package io.github.upgraderequired.metrics;

/**
 * Names of the starter's meters and their tags.
 */
public final class UpgradeRequiredMetrics {

	/**
	 * Counter of requests that failed a rule, by rule, type, outcome and client.
	 */
	public static final String REQUESTS = "upgrade.required.requests";

	/**
	 * Tag: the rule's configured name.
	 */
	public static final String TAG_RULE = "rule";

	/**
	 * Tag: the rule's type, such as {@code http-version}.
	 */
	public static final String TAG_TYPE = "type";

	/**
	 * Tag: {@code rejected}, {@code warned}, {@code reported} or {@code error}.
	 */
	public static final String TAG_OUTCOME = "outcome";

	/**
	 * Tag: the kind of client, from a small fixed set: a configured app platform
	 * ({@code ios}), a browser family ({@code chrome}) or kind of agent
	 * ({@code crawlers}), else {@code other}.
	 */
	public static final String TAG_CLIENT = "client";

	/**
	 * Counter of responses to the application's HTTP clients that asked for an upgrade
	 * or announced a deprecation, by outcome (and host, if asked for).
	 */
	public static final String CLIENT_RESPONSES = "upgrade.required.client.responses";

	/**
	 * Tag of {@link #CLIENT_RESPONSES}: the host the request went to; only when
	 * {@code upgrade-required.client.metrics.host-tag} is set.
	 */
	public static final String TAG_HOST = "host";

	/**
	 * Changes of the configuration while the application runs, tagged
	 * {@link #TAG_RESULT}: {@code applied} (the new policy is in force) or
	 * {@code rejected} (the last good one stays).
	 */
	public static final String POLICY_CHANGES = "upgrade.required.policy.changes";

	/**
	 * The tag of {@link #POLICY_CHANGES}: {@code applied} or {@code rejected}.
	 */
	public static final String TAG_RESULT = "result";

	private UpgradeRequiredMetrics() {
	}

}
