package io.github.upgraderequired.web.reactive;

import java.util.List;
import java.util.function.Supplier;

import io.github.upgraderequired.core.Header;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.render.UpgradeResponse;
import io.github.upgraderequired.web.PipelineResult;
import io.github.upgraderequired.web.UpgradePipeline;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.accept.ApiVersionStrategy;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * The Spring WebFlux adapter on the {@link UpgradePipeline}: reads an exchange, runs it
 * through the pipeline once, and writes what comes back, the upgrade response to a
 * refused request, the warning and {@code Vary} headers to the others before the rest of
 * the chain runs. Used by the web filter, and by any entry point that has an exchange and
 * a chain to continue. The twin of Spring MVC's {@code ServletUpgradeCheck}.
 */
final class ReactiveUpgradeCheck {

	private static final Mono<Boolean> NOT_REFUSED = Mono.just(false);

	private final UpgradePipeline pipeline;

	private final Supplier<List<HandlerMapping>> cors;

	private @Nullable ApiVersionStrategy apiVersionStrategy;

	/**
	 * Create a new check.
	 * @param pipeline the pipeline
	 * @param cors the handler mappings whose CORS configuration applies to the upgrade
	 * response of a cross-origin request (WebFlux applies CORS when it looks the handler
	 * up, after every filter)
	 */
	ReactiveUpgradeCheck(UpgradePipeline pipeline, Supplier<List<HandlerMapping>> cors) {
		this.pipeline = pipeline;
		this.cors = cors;
	}

	/**
	 * Use the application's API versioning to resolve the API version of requests. The
	 * version is resolved before the rules run, since WebFlux resolves it asynchronously,
	 * and only for requests a rule that reads it covers.
	 */
	void setApiVersionStrategy(@Nullable ApiVersionStrategy apiVersionStrategy) {
		this.apiVersionStrategy = apiVersionStrategy;
	}

	/**
	 * Check the exchange.
	 * @return the rest of the chain for a request let through, the written answer
	 * otherwise
	 */
	Mono<Void> check(ServerWebExchange exchange, WebFilterChain chain) {
		ReactiveUpgradeRequest upgradeRequest = new ReactiveUpgradeRequest(exchange);
		ApiVersionStrategy apiVersionStrategy = this.apiVersionStrategy;
		// One policy for the whole request, whatever is put in force while the version
		// resolves.
		UpgradeEngine engine = this.pipeline.engine();
		if (apiVersionStrategy == null || !engine.readsApplicationApiVersion(upgradeRequest)) {
			return check(exchange, chain, engine, upgradeRequest);
		}
		return apiVersionStrategy.resolveApiVersion(exchange)
			.onErrorResume((ex) -> Mono.empty())
			.map(upgradeRequest::apiVersion)
			.defaultIfEmpty(upgradeRequest)
			.flatMap((resolved) -> check(exchange, chain, engine, resolved));
	}

	private Mono<Void> check(ServerWebExchange exchange, WebFilterChain chain, UpgradeEngine engine,
			ReactiveUpgradeRequest upgradeRequest) {
		PipelineResult result = this.pipeline.process(engine, upgradeRequest);
		UpgradeResponse refusal = result.refusal();
		if (refusal == null) {
			List<Header> headers = result.passHeaders();
			HttpHeaders responseHeaders = exchange.getResponse().getHeaders();
			for (int i = 0; i < headers.size(); i++) {
				Header header = headers.get(i);
				responseHeaders.add(header.name(), header.value());
			}
			return chain.filter(exchange);
		}
		return corsRefused(exchange).flatMap((refused) -> {
			if (refused) {
				return exchange.getResponse().setComplete();
			}
			// Counted before it is written, so that a client that has the answer sees it counted.
			result.refusalSent();
			return write(refusal, exchange.getResponse());
		});
	}

	/**
	 * Add the CORS headers the application's configuration sends for this request, by
	 * looking the handler up in the handler mappings as WebFlux would, and return whether
	 * that configuration refused the request's origin: Spring's CORS processor has then
	 * set 403, as it would before any handler. A status set before is cleared for the
	 * lookup, so that the 403 can only be the processor's, and restored after it. An
	 * {@code Origin} that does not parse makes the request no cross-origin one, so it gets
	 * the upgrade response without CORS headers.
	 */
	private Mono<Boolean> corsRefused(ServerWebExchange exchange) {
		if (!isCorsRequest(exchange)) {
			return NOT_REFUSED;
		}
		List<HandlerMapping> mappings = this.cors.get();
		if (mappings == null || mappings.isEmpty()) {
			return NOT_REFUSED;
		}
		ServerHttpResponse response = exchange.getResponse();
		HttpStatusCode status = response.getStatusCode();
		response.setStatusCode(null);
		// Looking the handler up applies its CORS configuration to the response; what it
		// finds, or any error it raises, does not matter here.
		return Flux.fromIterable(mappings)
			.concatMap((mapping) -> mapping.getHandler(exchange).onErrorComplete())
			.next()
			.onErrorComplete()
			.then(Mono.fromSupplier(() -> {
				HttpStatusCode after = response.getStatusCode();
				if (after != null && after.value() == HttpStatus.FORBIDDEN.value()) {
					return true;
				}
				response.setStatusCode(status);
				return false;
			}));
	}

	private static boolean isCorsRequest(ServerWebExchange exchange) {
		try {
			return CorsUtils.isCorsRequest(exchange.getRequest());
		}
		catch (IllegalArgumentException ex) {
			// An Origin that does not parse.
			return false;
		}
	}

	private static Mono<Void> write(UpgradeResponse refusal, ServerHttpResponse response) {
		response.setStatusCode(HttpStatusCode.valueOf(refusal.status()));
		HttpHeaders headers = response.getHeaders();
		for (Header header : refusal.headers()) {
			headers.add(header.name(), header.value());
		}
		if (refusal.contentType() != null) {
			headers.set(HttpHeaders.CONTENT_TYPE, refusal.contentType());
		}
		headers.setContentLength(refusal.contentLength());
		byte[] body = refusal.body();
		if (body.length == 0) {
			return response.setComplete();
		}
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

}
