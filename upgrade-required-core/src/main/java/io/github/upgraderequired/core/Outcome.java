package io.github.upgraderequired.core;

/**
 * What a rule did to a request that failed it, as counted and reported.
 */
public enum Outcome {

	/**
	 * The request was answered with the upgrade response.
	 */
	REJECTED("rejected"),

	/**
	 * The request went through with deprecation headers.
	 */
	WARNED("warned"),

	/**
	 * The request went through untouched; the rule would have rejected it.
	 */
	REPORTED("reported"),

	/**
	 * The rule threw while evaluating the request.
	 */
	ERROR("error");

	private final String value;

	Outcome(String value) {
		this.value = value;
	}

	/**
	 * Return the lower-case value used in metric tags and logs.
	 * @return the value
	 */
	public String value() {
		return this.value;
	}

}
