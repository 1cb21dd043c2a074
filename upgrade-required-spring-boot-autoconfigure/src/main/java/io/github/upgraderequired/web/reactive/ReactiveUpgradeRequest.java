package io.github.upgraderequired.web.reactive;

import java.net.InetSocketAddress;

import io.github.upgraderequired.core.HttpProtocol;
import io.github.upgraderequired.core.UpgradeRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.server.HttpServerRequest;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.ClassUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * An {@link UpgradeRequest} over a {@link ServerWebExchange}. The HTTP version, which
 * {@link ServerHttpRequest} does not expose, is read from the native request of Reactor
 * Netty or of a Servlet container; elsewhere it is unknown.
 */
final class ReactiveUpgradeRequest implements UpgradeRequest {

	private static final boolean REACTOR_NETTY_PRESENT = ClassUtils
		.isPresent("reactor.netty.http.server.HttpServerRequest", ReactiveUpgradeRequest.class.getClassLoader());

	private static final boolean SERVLET_PRESENT = ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest",
			ReactiveUpgradeRequest.class.getClassLoader());

	private final ServerHttpRequest request;

	ReactiveUpgradeRequest(ServerWebExchange exchange) {
		this.request = exchange.getRequest();
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
		Object nativeRequest;
		try {
			nativeRequest = ServerHttpRequestDecorator.getNativeRequest(this.request);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			// No server request underneath, such as in a mock exchange.
			return null;
		}
		if (REACTOR_NETTY_PRESENT && NettyProtocol.isNetty(nativeRequest)) {
			return NettyProtocol.protocol(nativeRequest);
		}
		if (SERVLET_PRESENT && ServletProtocol.isServlet(nativeRequest)) {
			return ServletProtocol.protocol(nativeRequest);
		}
		return null;
	}

	@Override
	public boolean secure() {
		return "https".equalsIgnoreCase(this.request.getURI().getScheme()) || this.request.getSslInfo() != null;
	}

	@Override
	public @Nullable String remoteAddress() {
		InetSocketAddress address = this.request.getRemoteAddress();
		if (address == null) {
			return null;
		}
		return (address.getAddress() != null) ? address.getAddress().getHostAddress() : address.getHostString();
	}

	@Override
	public @Nullable String header(String name) {
		return this.request.getHeaders().getFirst(name);
	}

	private static final class NettyProtocol {

		static boolean isNetty(Object nativeRequest) {
			return nativeRequest instanceof HttpServerRequest;
		}

		static @Nullable HttpProtocol protocol(Object nativeRequest) {
			return HttpProtocol.parse(((HttpServerRequest) nativeRequest).version().text());
		}

	}

	private static final class ServletProtocol {

		static boolean isServlet(Object nativeRequest) {
			return nativeRequest instanceof HttpServletRequest;
		}

		static @Nullable HttpProtocol protocol(Object nativeRequest) {
			return HttpProtocol.parse(((HttpServletRequest) nativeRequest).getProtocol());
		}

	}

}
