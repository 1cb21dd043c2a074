package io.github.upgraderequired.client;

/**
 * What a response from a server told the client, as the {@code outcome} tag of
 * {@code upgrade.required.client.responses} names it.
 */
public enum ClientOutcome {

	/**
	 * The server answered {@code 426 Upgrade Required}.
	 */
	UPGRADE_REQUIRED("upgrade-required"),

	/**
	 * The server announced a date after which the resource goes away ({@code Sunset}).
	 */
	SUNSET("sunset"),

	/**
	 * The server marked the resource deprecated ({@code Deprecation}) without a sunset
	 * date.
	 */
	DEPRECATED("deprecated"),

	/**
	 * The response carried a deprecation, sunset or upgrade header that could not be
	 * read; it was ignored.
	 */
	UNPARSABLE("unparsable");

	private final String tagValue;

	ClientOutcome(String tagValue) {
		this.tagValue = tagValue;
	}

	/**
	 * Return the value of the {@code outcome} tag.
	 * @return the tag value
	 */
	public String tagValue() {
		return this.tagValue;
	}

}
