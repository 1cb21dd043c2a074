package io.github.upgraderequired.core;

import org.jspecify.annotations.Nullable;

/**
 * What the engine may read of a request. Adapters implement it over their stack's
 * request type; values are read lazily and only when a rule asks.
 */
public interface UpgradeRequest {

	/**
	 * Return the request method, such as {@code GET}.
	 * @return the method
	 */
	String method();

	/**
	 * Return the path within the application (without context or base path), as the
	 * handler mappings see it. Used for path patterns.
	 * @return the path
	 */
	String path();

	/**
	 * Return the request path as received, context path included and not decoded. Used
	 * to build redirect locations.
	 * @return the raw path
	 */
	String rawPath();

	/**
	 * Return the raw query string without the leading {@code ?}.
	 * @return the query, or {@code null} if there is none
	 */
	@Nullable String rawQuery();

	/**
	 * Return the host the request was sent to, without the port. IPv6 literals keep
	 * their brackets.
	 * @return the host, or {@code null} if it is unknown
	 */
	@Nullable String host();

	/**
	 * Return the HTTP version of the connection the request arrived on.
	 * @return the protocol, or {@code null} if the server does not tell
	 */
	@Nullable HttpProtocol protocol();

	/**
	 * Return whether the request was received over a secure channel, as the server
	 * (and its forwarded-header handling) decided.
	 * @return {@code true} for HTTPS
	 */
	boolean secure();

	/**
	 * Return the address of the peer, as the server reports it.
	 * @return the address literal, or {@code null} if it is unknown
	 */
	@Nullable String remoteAddress();

	/**
	 * Return the first value of a request header.
	 * @param name the header name, matched case-insensitively
	 * @return the value, or {@code null} if the header is absent
	 */
	@Nullable String header(String name);

	/**
	 * Return the TLS protocol negotiated on the connection the request arrived on, as Java
	 * names it ({@code TLSv1.3}).
	 * @return the protocol, or {@code null} for a plain connection or a server that does
	 * not tell
	 */
	default @Nullable String tlsProtocol() {
		return null;
	}

	/**
	 * Return whether the request reached the server through a proxy: it carried
	 * forwarding headers ({@code Forwarded}, {@code X-Forwarded-*}) as received, before any
	 * forwarded-header handling removed them, or the server's own handling consumed them.
	 * @return {@code true} if the request was forwarded
	 */
	default boolean forwarded() {
		return ForwardedHeaders.present(this, UpgradeRequest::header);
	}

	/**
	 * Return the API version as the application's own API versioning (Spring Framework's
	 * {@code ApiVersionStrategy}) resolves it for this request.
	 * @return the version as sent, or {@code null} if there is none or no such versioning
	 * is configured
	 */
	default @Nullable String apiVersion() {
		return null;
	}

	/**
	 * Return the address of the peer of the connection, before any forwarded-header
	 * handling replaced it with the client's.
	 * @return the address literal, or {@code null} if the server hid it
	 */
	default @Nullable String peerAddress() {
		return remoteAddress();
	}

}
