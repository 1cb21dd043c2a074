package io.github.upgraderequired.autoconfigure;

import io.github.upgraderequired.core.TrustedProxies;
import io.github.upgraderequired.web.netty.TrustedForwardedHeaderHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.core.Ordered;

/**
 * Narrows Reactor Netty's forwarded-header handling, which
 * {@code server.forward-headers-strategy=native} turns on for every peer, to the trusted
 * proxies ({@code upgrade-required.proxy.restrict-netty-forwarding}). Spring Boot applies
 * server customizers after it turns that handling on.
 */
final class TrustedForwardingNettyCustomizer implements NettyServerCustomizer, Ordered {

	private static final Log logger = LogFactory.getLog(TrustedForwardingNettyCustomizer.class);

	private final TrustedProxies proxies;

	TrustedForwardingNettyCustomizer(TrustedProxies proxies) {
		this.proxies = proxies;
	}

	@Override
	public HttpServer apply(HttpServer server) {
		if (!server.configuration().isForwarded()) {
			logger.warn("upgrade-required.proxy.restrict-netty-forwarding is set, but Reactor Netty does not read "
					+ "forwarding headers (server.forward-headers-strategy is not 'native'): there is nothing to "
					+ "restrict");
			return server;
		}
		return server.forwarded(new TrustedForwardedHeaderHandler(this.proxies));
	}

	/**
	 * Last, so that no other customizer turns the handling on for every peer again.
	 */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
