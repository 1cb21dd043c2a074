package io.github.upgraderequired.web.reactive;

import io.github.upgraderequired.core.Decision;
import io.github.upgraderequired.core.Header;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.render.UpgradeResponse;
import io.github.upgraderequired.render.UpgradeResponseRenderer;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Checks each request against the {@link UpgradeEngine} before the rest of the chain
 * runs: answers a rejected request with the upgrade response, and adds the warning and
 * {@code Vary} headers to the others.
 * <p>
 * Ordered by default at {@link #DEFAULT_ORDER}, just after Spring Security's
 * {@code WebFilterChainProxy} (order -100), so that, as on Spring MVC, authentication
 * comes first and then the upgrade check.
 */
public class UpgradeRequiredWebFilter implements WebFilter, Ordered {

	/**
	 * The default order: just after Spring Security's {@code WebFilterChainProxy}, which
	 * is ordered at -100.
	 */
	public static final int DEFAULT_ORDER = -99;

	private final UpgradeEngine engine;

	private final UpgradeResponseRenderer renderer;

	private int order = DEFAULT_ORDER;

	/**
	 * Create a new filter.
	 * @param engine the engine
	 * @param renderer the renderer of the upgrade response
	 */
	public UpgradeRequiredWebFilter(UpgradeEngine engine, UpgradeResponseRenderer renderer) {
		this.engine = engine;
		this.renderer = renderer;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ReactiveUpgradeRequest upgradeRequest = new ReactiveUpgradeRequest(exchange);
		Decision decision = this.engine.evaluate(upgradeRequest);
		if (decision == Decision.PASS) {
			return chain.filter(exchange);
		}
		if (decision.isRejected()) {
			return write(this.renderer.render(decision, upgradeRequest), exchange.getResponse());
		}
		HttpHeaders headers = exchange.getResponse().getHeaders();
		for (Header header : this.renderer.passHeaders(decision)) {
			headers.add(header.name(), header.value());
		}
		return chain.filter(exchange);
	}

	private static Mono<Void> write(UpgradeResponse upgradeResponse, ServerHttpResponse response) {
		response.setStatusCode(HttpStatusCode.valueOf(upgradeResponse.status()));
		HttpHeaders headers = response.getHeaders();
		for (Header header : upgradeResponse.headers()) {
			headers.add(header.name(), header.value());
		}
		if (upgradeResponse.contentType() != null) {
			headers.set(HttpHeaders.CONTENT_TYPE, upgradeResponse.contentType());
		}
		headers.setContentLength(upgradeResponse.contentLength());
		byte[] body = upgradeResponse.body();
		if (body.length == 0) {
			return response.setComplete();
		}
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	/**
	 * Set the order of the filter.
	 * @param order the order
	 */
	public void setOrder(int order) {
		this.order = order;
	}

}
