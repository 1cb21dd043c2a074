package io.github.upgraderequired.web.reactive;

import java.util.List;
import java.util.function.Supplier;

import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.render.UpgradeResponseRenderer;
import io.github.upgraderequired.web.UpgradePipeline;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.accept.ApiVersionStrategy;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Checks each request with the {@link UpgradePipeline} before the rest of the chain
 * runs: answers a refused request with the upgrade response, and adds the warning and
 * {@code Vary} headers to the others.
 * <p>
 * Ordered by default at {@link #DEFAULT_ORDER}, just after Spring Security's
 * {@code WebFilterChainProxy} (order -100), so that authentication comes first and then
 * the upgrade check, as with Spring MVC's interceptor; {@link #BEFORE_SECURITY_ORDER}
 * puts it just before. The twin of Spring MVC's {@code UpgradeRequiredFilter}.
 * <p>
 * WebFlux applies CORS when it looks the handler up, after every filter. So that browser
 * code can read a 426 sent to a cross-origin request, the filter looks the handler up in
 * the given handler mappings first, which adds the CORS headers the application's
 * configuration would send. When that configuration refuses the origin, the answer is
 * Spring's 403, as on Spring MVC.
 */
public class UpgradeRequiredWebFilter implements WebFilter, Ordered {

	/**
	 * The default order: just after Spring Security's filter chain, which is ordered at
	 * -100.
	 */
	public static final int DEFAULT_ORDER = -99;

	/**
	 * The order with {@code upgrade-required.before-security}: just before Spring
	 * Security's filter chain.
	 */
	public static final int BEFORE_SECURITY_ORDER = -101;

	private final ReactiveUpgradeCheck check;

	private int order = DEFAULT_ORDER;

	/**
	 * Create a new filter that adds no CORS headers to the upgrade response.
	 * @param engine the engine
	 * @param renderer the renderer of the upgrade response
	 */
	public UpgradeRequiredWebFilter(UpgradeEngine engine, UpgradeResponseRenderer renderer) {
		this(new UpgradePipeline(engine, renderer), List::of);
	}

	/**
	 * Create a new filter that applies the application's CORS configuration to the
	 * upgrade response of a cross-origin request, as Spring WebFlux would.
	 * @param engine the engine
	 * @param renderer the renderer of the upgrade response
	 * @param handlerMappings the handler mappings whose CORS configuration applies,
	 * usually the {@code DispatcherHandler}'s
	 */
	public UpgradeRequiredWebFilter(UpgradeEngine engine, UpgradeResponseRenderer renderer,
			Supplier<List<HandlerMapping>> handlerMappings) {
		this(new UpgradePipeline(engine, renderer), handlerMappings);
	}

	/**
	 * Create a new filter that applies the application's CORS configuration to the
	 * upgrade response of a cross-origin request, as Spring WebFlux would.
	 * @param pipeline the pipeline
	 * @param handlerMappings the handler mappings whose CORS configuration applies,
	 * usually the {@code DispatcherHandler}'s
	 */
	public UpgradeRequiredWebFilter(UpgradePipeline pipeline, Supplier<List<HandlerMapping>> handlerMappings) {
		this.check = new ReactiveUpgradeCheck(pipeline, handlerMappings);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return this.check.check(exchange, chain);
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

	/**
	 * Resolve API versions with the application's own API versioning, for API-version
	 * rules that use it.
	 * @param apiVersionStrategy Spring WebFlux's strategy, or {@code null}
	 */
	public void setApiVersionStrategy(@Nullable ApiVersionStrategy apiVersionStrategy) {
		this.check.setApiVersionStrategy(apiVersionStrategy);
	}

}
