package io.github.upgraderequired.web.connection;

import io.github.upgraderequired.core.ForwardedHeaders;
import io.github.upgraderequired.core.HttpProtocol;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * What a servlet request's connection says: the HTTP and TLS versions, whether the
 * request was forwarded, the peer's address. Read from the container's own request, beneath any
 * wrapper such as Spring's {@code ForwardedHeaderFilter} puts around it. Shared by the
 * Spring MVC adapter, the WebFlux adapter on a Servlet container and the Tomcat valve;
 * not an API.
 */
public final class ServletConnection {

	/**
	 * The request attribute in which Tomcat's {@code ConnectionRecordingValve} records the
	 * peer's address before any other valve runs.
	 */
	public static final String PEER_ADDRESS_ATTRIBUTE = "io.github.upgraderequired.connection.peerAddress";

	/**
	 * The request attribute, {@code Boolean.TRUE}, in which Tomcat's
	 * {@code ConnectionRecordingValve} records that the request carried forwarding headers.
	 */
	public static final String FORWARDED_ATTRIBUTE = "io.github.upgraderequired.connection.forwarded";

	/**
	 * The Servlet 6.1 attribute holding the negotiated TLS protocol.
	 */
	static final String SECURE_PROTOCOL_ATTRIBUTE = "jakarta.servlet.request.secure_protocol";

	/**
	 * The attribute Tomcat's {@code RemoteIpValve} sets on every request from one of its
	 * internal proxies, whether or not it carried forwarding headers.
	 */
	static final String TOMCAT_FORWARDED_ATTRIBUTE = "org.apache.tomcat.request.forwarded";

	private ServletConnection() {
	}

	/**
	 * Return whether the native request of a reactive request is a Servlet container's.
	 * @param nativeRequest the native request
	 * @return {@code true} if this class can read it
	 */
	public static boolean isServlet(Object nativeRequest) {
		return nativeRequest instanceof HttpServletRequest;
	}

	/**
	 * Return the HTTP version of the request.
	 * @param request the request
	 * @return the version, or {@code null} if it is none the engine knows
	 */
	public static @Nullable HttpProtocol protocol(HttpServletRequest request) {
		return HttpProtocol.parse(request.getProtocol());
	}

	/**
	 * Return the TLS protocol negotiated on the connection, from the Servlet 6.1
	 * attribute.
	 * @param request the request
	 * @return the protocol ({@code TLSv1.3}), or {@code null}
	 */
	public static @Nullable String tlsProtocol(HttpServletRequest request) {
		return (request.getAttribute(SECURE_PROTOCOL_ATTRIBUTE) instanceof String protocol) ? protocol : null;
	}

	/**
	 * Return whether the request as received carried forwarding headers. On Tomcat this is
	 * what the {@code ConnectionRecordingValve} saw before {@code RemoteIpValve} ran.
	 * @param request the request
	 * @return {@code true} if the request was forwarded
	 */
	public static boolean forwarded(HttpServletRequest request) {
		HttpServletRequest received = received(request);
		if (received.getAttribute(PEER_ADDRESS_ATTRIBUTE) != null) {
			return Boolean.TRUE.equals(received.getAttribute(FORWARDED_ATTRIBUTE));
		}
		return ForwardedHeaders.present(received, HttpServletRequest::getHeader);
	}

	/**
	 * Return the address of the connection's peer as received. On Tomcat this is what the
	 * {@code ConnectionRecordingValve} saw before {@code RemoteIpValve} ran.
	 * @param request the request
	 * @return the address, or {@code null} if a {@code RemoteIpValve} replaced it unseen
	 */
	public static @Nullable String peerAddress(HttpServletRequest request) {
		HttpServletRequest received = received(request);
		if (received.getAttribute(PEER_ADDRESS_ATTRIBUTE) instanceof String peer) {
			return peer;
		}
		return Boolean.TRUE.equals(received.getAttribute(TOMCAT_FORWARDED_ATTRIBUTE)) ? null
				: received.getRemoteAddr();
	}

	/**
	 * Return the request as the container received it, beneath any wrappers.
	 */
	private static HttpServletRequest received(HttpServletRequest request) {
		ServletRequest current = request;
		while (current instanceof ServletRequestWrapper wrapper && wrapper.getRequest() instanceof HttpServletRequest) {
			current = wrapper.getRequest();
		}
		return (HttpServletRequest) current;
	}

}
