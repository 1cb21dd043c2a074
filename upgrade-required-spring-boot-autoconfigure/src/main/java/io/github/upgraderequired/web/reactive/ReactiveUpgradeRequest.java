package io.github.upgraderequired.web.reactive;

import io.github.upgraderequired.core.HttpProtocol;
import io.github.upgraderequired.core.UpgradeRequest;
import io.github.upgraderequired.web.connection.NettyConnection;
import io.github.upgraderequired.web.connection.ServletConnection;
import io.github.upgraderequired.web.connection.SocketAddresses;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.ClassUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * An {@link UpgradeRequest} over a {@link ServerWebExchange}. What
 * {@link ServerHttpRequest} does not expose (the HTTP and TLS versions, the forwarding
 * headers as received, the peer's address) is read from the native request of Reactor
 * Netty or of a Servlet container; elsewhere, such as in a mock exchange, it is unknown.
 */
final class ReactiveUpgradeRequest implements UpgradeRequest {

	private static final boolean REACTOR_NETTY_PRESENT = ClassUtils
		.isPresent("reactor.netty.http.server.HttpServerRequest", ReactiveUpgradeRequest.class.getClassLoader());

	private static final boolean SERVLET_PRESENT = ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest",
			ReactiveUpgradeRequest.class.getClassLoader());

	private static final Object NONE = new Object();

	private final ServerHttpRequest request;

	private @Nullable String apiVersion;

	private @Nullable Object nativeRequest;

	/**
	 * Whether the request was forwarded, once a rule asked: several rules may.
	 */
	private @Nullable Boolean forwarded;

	ReactiveUpgradeRequest(ServerWebExchange exchange) {
		this.request = exchange.getRequest();
	}

	/**
	 * Give the API version {@code ReactiveUpgradeCheck} resolved beforehand.
	 */
	ReactiveUpgradeRequest apiVersion(@Nullable String apiVersion) {
		this.apiVersion = apiVersion;
		return this;
	}

	@Override
	public String method() {
		return this.request.getMethod().name();
	}

	@Override
	public String path() {
		return this.request.getPath().pathWithinApplication().value();
	}

	@Override
	public String rawPath() {
		return this.request.getURI().getRawPath();
	}

	@Override
	public @Nullable String rawQuery() {
		return this.request.getURI().getRawQuery();
	}

	@Override
	public @Nullable String host() {
		return this.request.getURI().getHost();
	}

	@Override
	public @Nullable HttpProtocol protocol() {
		Object nativeRequest = nativeRequest();
		if (REACTOR_NETTY_PRESENT && NettyConnection.isNetty(nativeRequest)) {
			return NettyConnection.protocol(nativeRequest);
		}
		if (SERVLET_PRESENT && ServletNative.isServlet(nativeRequest)) {
			return ServletNative.protocol(nativeRequest);
		}
		return null;
	}

	@Override
	public boolean secure() {
		return "https".equalsIgnoreCase(this.request.getURI().getScheme()) || this.request.getSslInfo() != null;
	}

	@Override
	public @Nullable String remoteAddress() {
		return SocketAddresses.literal(this.request.getRemoteAddress());
	}

	@Override
	public @Nullable String header(String name) {
		return this.request.getHeaders().getFirst(name);
	}

	/**
	 * Return the API version {@code ReactiveUpgradeCheck} resolved beforehand with the
	 * application's versioning, which resolves asynchronously.
	 */
	@Override
	public @Nullable String apiVersion() {
		return this.apiVersion;
	}

	@Override
	public @Nullable String tlsProtocol() {
		Object nativeRequest = nativeRequest();
		if (REACTOR_NETTY_PRESENT && NettyConnection.isNetty(nativeRequest)) {
			return NettyConnection.tlsProtocol(nativeRequest);
		}
		if (SERVLET_PRESENT && ServletNative.isServlet(nativeRequest)) {
			return ServletNative.tlsProtocol(nativeRequest);
		}
		return null;
	}

	@Override
	public boolean forwarded() {
		Boolean forwarded = this.forwarded;
		if (forwarded == null) {
			forwarded = readForwarded();
			this.forwarded = forwarded;
		}
		return forwarded;
	}

	private boolean readForwarded() {
		Object nativeRequest = nativeRequest();
		if (REACTOR_NETTY_PRESENT && NettyConnection.isNetty(nativeRequest)) {
			return NettyConnection.forwarded(nativeRequest);
		}
		if (SERVLET_PRESENT && ServletNative.isServlet(nativeRequest)) {
			return ServletNative.forwarded(nativeRequest);
		}
		return UpgradeRequest.super.forwarded();
	}

	@Override
	public @Nullable String peerAddress() {
		Object nativeRequest = nativeRequest();
		if (REACTOR_NETTY_PRESENT && NettyConnection.isNetty(nativeRequest)) {
			return NettyConnection.peerAddress(nativeRequest);
		}
		if (SERVLET_PRESENT && ServletNative.isServlet(nativeRequest)) {
			return ServletNative.peerAddress(nativeRequest);
		}
		return remoteAddress();
	}

	private Object nativeRequest() {
		Object nativeRequest = this.nativeRequest;
		if (nativeRequest == null) {
			try {
				nativeRequest = ServerHttpRequestDecorator.getNativeRequest(this.request);
			}
			catch (IllegalArgumentException | IllegalStateException ex) {
				// No server request underneath, such as in a mock exchange.
				nativeRequest = NONE;
			}
			this.nativeRequest = nativeRequest;
		}
		return nativeRequest;
	}

	/**
	 * Hands a Servlet container's request (WebFlux on Tomcat or Jetty) to
	 * {@link ServletConnection}; only loaded when the Servlet API is present.
	 */
	private static final class ServletNative {

		static boolean isServlet(Object nativeRequest) {
			return ServletConnection.isServlet(nativeRequest);
		}

		static @Nullable HttpProtocol protocol(Object nativeRequest) {
			return ServletConnection.protocol((HttpServletRequest) nativeRequest);
		}

		static @Nullable String tlsProtocol(Object nativeRequest) {
			return ServletConnection.tlsProtocol((HttpServletRequest) nativeRequest);
		}

		static boolean forwarded(Object nativeRequest) {
			return ServletConnection.forwarded((HttpServletRequest) nativeRequest);
		}

		static @Nullable String peerAddress(Object nativeRequest) {
			return ServletConnection.peerAddress((HttpServletRequest) nativeRequest);
		}

	}

}
