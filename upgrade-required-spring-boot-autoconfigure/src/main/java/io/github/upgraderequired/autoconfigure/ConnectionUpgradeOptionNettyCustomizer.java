package io.github.upgraderequired.autoconfigure;

import io.github.upgraderequired.web.netty.ConnectionUpgradeOption;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;

/**
 * Has Reactor Netty keep the {@code upgrade} connection option of a refusal on a
 * connection it closes after the answer ({@link ConnectionUpgradeOption}).
 */
final class ConnectionUpgradeOptionNettyCustomizer implements NettyServerCustomizer {

	@Override
	public HttpServer apply(HttpServer server) {
		return server.doOnConnection(ConnectionUpgradeOption::onRequest);
	}

}
