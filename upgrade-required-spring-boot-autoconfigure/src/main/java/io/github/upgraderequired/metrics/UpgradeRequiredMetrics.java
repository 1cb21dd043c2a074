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

	private UpgradeRequiredMetrics() {
	}

}
