package io.github.upgraderequired.metrics;

/**
 * Names of the starter's meters and their tags.
 */
public final class UpgradeRequiredMetrics {

	/**
	 * Counter of requests that failed a rule, by rule, type and outcome.
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

	private UpgradeRequiredMetrics() {
	}

}
