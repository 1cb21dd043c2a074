package io.github.upgraderequired.core;

/**
 * How a rule acts on a request that fails it.
 *
 * @see Schedule
 */
public enum Mode {

	/**
	 * Answer with the upgrade response (426 by default).
	 */
	ENFORCE,

	/**
	 * Let the request through and add the deprecation headers ({@code Deprecation},
	 * {@code Sunset}, {@code Link}).
	 */
	WARN,

	/**
	 * Let the request through untouched and only count what would have been rejected.
	 */
	REPORT,

	/**
	 * Do not evaluate the rule.
	 */
	OFF

}
