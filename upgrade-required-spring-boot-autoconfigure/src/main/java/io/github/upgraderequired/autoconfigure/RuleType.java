package io.github.upgraderequired.autoconfigure;

/**
 * The rule types that can be configured with properties.
 */
public enum RuleType {

	/**
	 * Reject HTTP versions below {@code minimum}.
	 */
	HTTP_VERSION("http-version"),

	/**
	 * Reject requests that did not arrive over HTTPS.
	 */
	HTTPS("https");

	private final String value;

	RuleType(String value) {
		this.value = value;
	}

	/**
	 * Return the type as written in configuration and metric tags.
	 * @return the value
	 */
	public String value() {
		return this.value;
	}

}
