package io.github.upgraderequired.autoconfigure;

/**
 * The rule types that can be configured with properties.
 */
public enum RuleType {

	/**
	 * Reject HTTP versions below {@code minimum}.
	 */
	HTTP_VERSION("http-version", "HTTP versions below a minimum, such as HTTP/1.0 where 1.1 is required"),

	/**
	 * Reject requests that did not arrive over HTTPS.
	 */
	HTTPS("https", "requests that did not arrive over HTTPS; optionally redirects GET and HEAD"),

	/**
	 * Reject TLS versions below {@code minimum}.
	 */
	TLS_VERSION("tls-version", "TLS versions below a minimum"),

	/**
	 * Reject requests over HTTP/1.x.
	 */
	HTTP2("http2", "HTTP/1.x where HTTP/2 is required"),

	/**
	 * Reject plain requests and WebSocket versions other than 13 on WebSocket-only paths.
	 */
	WEBSOCKET("websocket", "plain requests and WebSocket versions other than 13 on WebSocket paths"),

	/**
	 * Reject app versions below their platform's minimum, or blocked ones.
	 */
	APP_VERSION("app-version", "app versions below their platform's minimum, or blocked ones"),

	/**
	 * Reject API versions below {@code minimum}.
	 */
	API_VERSION("api-version", "API versions below a minimum"),

	/**
	 * Reject browsers below their family's minimum, or of a blocked family.
	 */
	BROWSER("browser", "browsers below their family's minimum, or of a blocked family");

	private final String value;

	private final String description;

	RuleType(String value, String description) {
		this.value = value;
		this.description = description;
	}

	/**
	 * Return the type as written in configuration and metric tags.
	 * @return the value
	 */
	public String value() {
		return this.value;
	}

	/**
	 * Return what a rule of this type refuses, in a line.
	 * @return the description
	 */
	public String description() {
		return this.description;
	}

}
