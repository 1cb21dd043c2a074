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
	HTTPS("https"),

	/**
	 * Reject TLS versions below {@code minimum}.
	 */
	TLS_VERSION("tls-version"),

	/**
	 * Reject requests over HTTP/1.x.
	 */
	HTTP2("http2"),

	/**
	 * Reject plain requests and WebSocket versions other than 13 on WebSocket-only paths.
	 */
	WEBSOCKET("websocket"),

	/**
	 * Reject app versions below their platform's minimum, or blocked ones.
	 */
	APP_VERSION("app-version"),

	/**
	 * Reject API versions below {@code minimum}.
	 */
	API_VERSION("api-version"),

	/**
	 * Reject browsers below their family's minimum, or of a blocked family.
	 */
	BROWSER("browser");

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
