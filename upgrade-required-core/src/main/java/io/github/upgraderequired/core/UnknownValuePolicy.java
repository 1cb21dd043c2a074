package io.github.upgraderequired.core;

/**
 * What a rule does when it cannot read the value it judges (a missing header, an
 * unparsable version, a TLS version the server does not expose).
 */
public enum UnknownValuePolicy {

	/**
	 * Let the request through.
	 */
	ALLOW,

	/**
	 * Treat the request as failing the rule.
	 */
	REJECT

}
