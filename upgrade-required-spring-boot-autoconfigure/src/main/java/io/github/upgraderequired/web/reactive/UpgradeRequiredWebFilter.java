package io.github.upgraderequired.web.reactive;

import io.github.upgraderequired.core.Decision;
import io.github.upgraderequired.core.Header;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.render.UpgradeResponse;
import io.github.upgraderequired.render.UpgradeResponseRenderer;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.accept.ApiVersionStrategy;
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
 * <p>
 * WebFlux applies CORS when it looks the handler up, after every filter. So that browser
 * code can read a 426 sent to a cross-origin request, the filter looks the handler up in
 * the given handler mappings first, which adds the CORS headers the application's
 * configuration would send (on Spring MVC they are already there when the interceptor
 * runs). When that configuration refuses the origin, the answer is Spring's 403, as on
 * Spring MVC.
 */
public class UpgradeRequiredWebFilter implements WebFilter, Ordered {

	/**
	 * The default order: just after Spring Security's {@code WebFilterChainProxy}, which
	 * is ordered at -100.
	 */
	public static final int DEFAULT_ORDER = -99;

	/**
	 * The order with {@code upgrade-required.before-security}: just before Spring
	 * Security's {@code WebFilterChainProxy}.
	 */
	public static final int BEFORE_SECURITY_ORDER = -101;

	private final UpgradeEngine engine;

	private final UpgradeResponseRenderer renderer;

	private final Supplier<List<HandlerMapping>> handlerMappings;

	private int order = DEFAULT_ORDER;

	private @Nullable ApiVersionStrategy apiVersionStrategy;

	/**
	 * Create a new filter that adds no CORS headers to the upgrade response.
	 * @param engine the engine
	 * @param renderer the renderer of the upgrade response
	 */
	public UpgradeRequiredWebFilter(UpgradeEngine engine, UpgradeResponseRenderer renderer) {
		this(engine, renderer, List::of);
	}

	/**
	 * Create a new filter.
	 * @param engine the engine
	 * @param renderer the renderer of the upgrade response
	 * @param handlerMappings the handler mappings whose CORS configuration applies to the
	 * upgrade response of a cross-origin request, usually the {@code DispatcherHandler}'s
	 */
	public UpgradeRequiredWebFilter(UpgradeEngine engine, UpgradeResponseRenderer renderer,
			Supplier<List<HandlerMapping>> handlerMappings) {
		this.engine = engine;
		this.renderer = renderer;
		this.handlerMappings = handlerMappings;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ReactiveUpgradeRequest upgradeRequest = new ReactiveUpgradeRequest(exchange);
		ApiVersionStrategy apiVersionStrategy = this.apiVersionStrategy;
		if (apiVersionStrategy == null || !this.engine.readsApplicationApiVersion(upgradeRequest)) {
			return filter(exchange, chain, upgradeRequest);
		}
		return apiVersionStrategy.resolveApiVersion(exchange)
			.onErrorResume((ex) -> Mono.empty())
			.map(upgradeRequest::apiVersion)
			.defaultIfEmpty(upgradeRequest)
			.flatMap((resolved) -> filter(exchange, chain, resolved));
	}

	private Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain, ReactiveUpgradeRequest upgradeRequest) {
		Decision decision = this.engine.decide(upgradeRequest);
		if (decision == Decision.PASS) {
			return chain.filter(exchange);
		}
		if (decision.isRejected()) {
			UpgradeResponse upgradeResponse = this.renderer.renderOrFallBack(decision, upgradeRequest);
			return applyCors(exchange).then(Mono.defer(() -> {
				if (corsRejected(exchange.getResponse())) {
					return exchange.getResponse().setComplete();
				}
				this.engine.rejectionSent(decision, upgradeRequest);
				return write(upgradeResponse, exchange.getResponse());
			}));
		}
		HttpHeaders headers = exchange.getResponse().getHeaders();
		for (Header header : this.renderer.passHeadersOrNone(decision)) {
			headers.add(header.name(), header.value());
		}
		return chain.filter(exchange);
	}

	private Mono<Void> applyCors(ServerWebExchange exchange) {
		if (!isCorsRequest(exchange)) {
			return Mono.empty();
		}
		List<HandlerMapping> mappings = this.handlerMappings.get();
		if (mappings == null || mappings.isEmpty()) {
			return Mono.empty();
		}
		// Looking the handler up applies its CORS configuration to the response; what it
		// finds, or any error it raises, does not matter here.
		return Flux.fromIterable(mappings)
			.concatMap((mapping) -> mapping.getHandler(exchange).onErrorComplete())
			.next()
			.onErrorComplete()
			.then();
	}

	/**
	 * Return whether the request is a cross-origin one; an {@code Origin} that does not
	 * parse makes it none, so it gets the upgrade response without CORS headers.
	 */
	private static boolean isCorsRequest(ServerWebExchange exchange) {
		try {
			return CorsUtils.isCorsRequest(exchange.getRequest());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * Return whether the application's CORS configuration refused the request's origin,
	 * which Spring answers with 403 before any handler, and so before the upgrade check on
	 * Spring MVC.
	 */
	private static boolean corsRejected(ServerHttpResponse response) {
		return response.getStatusCode() == HttpStatus.FORBIDDEN;
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
	 * Resolve API versions with the application's own API versioning, for API-version
	 * rules that use it. The version is resolved before the rules run, since WebFlux
	 * resolves it asynchronously.
	 * @param apiVersionStrategy Spring WebFlux's strategy, or {@code null}
	 */
	public void setApiVersionStrategy(@Nullable ApiVersionStrategy apiVersionStrategy) {
		this.apiVersionStrategy = apiVersionStrategy;
	}

	/**
	 * Set the order of the filter.
	 * @param order the order
	 */
	public void setOrder(int order) {
		this.order = order;
	}

}
