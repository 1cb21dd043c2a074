package io.github.upgraderequired.web.reactive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.upgraderequired.core.Mode;
import io.github.upgraderequired.core.RuleSettings;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.core.rule.HttpsRule;
import io.github.upgraderequired.render.UpgradeResponseRenderer;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.context.support.StaticApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UpgradeRequiredWebFilter}, without a server. The mirror of
 * {@code UpgradeRequiredHandlerInterceptorTests}. A mock exchange has no native request,
 * so its HTTP version is unknown: {@code Upgrade} is sent (a 426 must name it) but not
 * {@code Connection}, which HTTP/2 would not allow.
 */
class UpgradeRequiredWebFilterTests {

	private static final String ALLOWED_ORIGIN = "https://app.example";

	@Test
	void rejectedRequestIsAnsweredAndStopped() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/secure/a"));
		AtomicBoolean chained = new AtomicBoolean();
		filter(Mode.ENFORCE).filter(exchange, chain(chained)).block();
		assertThat(chained).isFalse();
		assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(426);
		assertThat(exchange.getResponse().getHeaders().getFirst("Upgrade")).isEqualTo("TLS/1.3, TLS/1.2");
		assertThat(exchange.getResponse().getHeaders().getFirst("Connection")).isNull();
		assertThat(exchange.getResponse().getHeaders().getFirst("Cache-Control")).isEqualTo("no-store");
		assertThat(exchange.getResponse().getHeaders().getFirst("Content-Type")).isEqualTo("application/problem+json");
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"instance\":\"/secure/a\"")
			.contains("\"upgrade\":[\"TLS/1.3\",\"TLS/1.2\"]");
	}

	@Test
	void warnedRequestContinuesWithWarningHeaders() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/secure/a"));
		AtomicBoolean chained = new AtomicBoolean();
		filter(Mode.WARN).filter(exchange, chain(chained)).block();
		assertThat(chained).isTrue();
		assertThat(exchange.getResponse().getStatusCode()).isNull();
		assertThat(exchange.getResponse().getHeaders().getFirst("Deprecation")).isEqualTo("@1767225600");
		assertThat(exchange.getResponse().getHeaders().getFirst("Vary")).isEqualTo("X-Key");
	}

	@Test
	void requestOutsideTheRulesIsUntouched() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/open"));
		AtomicBoolean chained = new AtomicBoolean();
		filter(Mode.ENFORCE).filter(exchange, chain(chained)).block();
		assertThat(chained).isTrue();
		assertThat(exchange.getResponse().getHeaders().isEmpty()).isTrue();
	}

	@Test
	void httpsRequestPasses() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("https://example.com/secure/a"));
		AtomicBoolean chained = new AtomicBoolean();
		filter(Mode.ENFORCE).filter(exchange, chain(chained)).block();
		assertThat(chained).isTrue();
	}

	@Test
	void pathWithinTheApplicationIsMatched() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/app/secure/a").contextPath("/app"));
		filter(Mode.ENFORCE).filter(exchange, chain(new AtomicBoolean())).block();
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"instance\":\"/secure/a\"");
	}

	@Test
	void aCrossOriginRefusalCarriesTheApplicationsCorsHeadersAndIsCounted() {
		List<String> outcomes = new ArrayList<>();
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("http://localhost/secure/a").header("Origin", ALLOWED_ORIGIN));
		AtomicBoolean chained = new AtomicBoolean();
		corsFilter(outcomes).filter(exchange, chain(chained)).block();
		assertThat(chained).isFalse();
		assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(426);
		assertThat(exchange.getResponse().getHeaders().getAccessControlAllowOrigin()).isEqualTo(ALLOWED_ORIGIN);
		assertThat(outcomes).containsExactly("secure:rejected");
	}

	@Test
	void anOriginTheApplicationRefusesGetsSprings403AndIsNotCounted() {
		List<String> outcomes = new ArrayList<>();
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("http://localhost/secure/a").header("Origin", "https://other.example"));
		AtomicBoolean chained = new AtomicBoolean();
		corsFilter(outcomes).filter(exchange, chain(chained)).block();
		assertThat(chained).isFalse();
		assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(403);
		assertThat(outcomes).isEmpty();
	}

	@Test
	void aResponseSomethingElseMade403IsStillRefusedWith426() {
		List<String> outcomes = new ArrayList<>();
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("http://localhost/secure/a").header("Origin", ALLOWED_ORIGIN));
		exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
		AtomicBoolean chained = new AtomicBoolean();
		corsFilter(outcomes).filter(exchange, chain(chained)).block();
		assertThat(chained).isFalse();
		assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(426);
		assertThat(outcomes).containsExactly("secure:rejected");
	}

	@Test
	void anOriginTheApplicationRefusesGetsSprings403AfterAnEarlier403AndIsNotCounted() {
		List<String> outcomes = new ArrayList<>();
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("http://localhost/secure/a").header("Origin", "https://other.example"));
		exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
		AtomicBoolean chained = new AtomicBoolean();
		corsFilter(outcomes).filter(exchange, chain(chained)).block();
		assertThat(chained).isFalse();
		assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(403);
		assertThat(exchange.getResponse().getHeaders().getUpgrade()).isNull();
		assertThat(exchange.getResponse().getBodyAsString().block()).isNullOrEmpty();
		assertThat(outcomes).isEmpty();
	}

	/**
	 * A filter whose CORS configuration, that of a handler mapping, allows
	 * {@value #ALLOWED_ORIGIN} only.
	 */
	private static UpgradeRequiredWebFilter corsFilter(List<String> outcomes) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.addAllowedOrigin(ALLOWED_ORIGIN);
		WebHandler handler = (exchange) -> Mono.empty();
		SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of("/secure/**", handler));
		mapping.setCorsConfigurations(Map.of("/**", cors));
		mapping.setApplicationContext(new StaticApplicationContext());
		UpgradeEngine engine = UpgradeEngine
			.builder((pattern) -> (path) -> path.startsWith(pattern.replace("/**", "/")))
			.rules(List.of(new HttpsRule("secure", List.of(),
					RuleSettings.builder().paths(List.of("/secure/**")).build(), false, 443)))
			.listeners(List.of((rule, outcome, client, request) -> outcomes.add(rule.name() + ":" + outcome.value())))
			.build();
		return new UpgradeRequiredWebFilter(engine, new UpgradeResponseRenderer(), () -> List.of(mapping));
	}

	private static WebFilterChain chain(AtomicBoolean chained) {
		return (exchange) -> {
			chained.set(true);
			return Mono.empty();
		};
	}

	private static UpgradeRequiredWebFilter filter(Mode mode) {
		RuleSettings settings = RuleSettings.builder()
			.paths(List.of("/secure/**"))
			.mode(mode)
			.deprecation(java.time.Instant.parse("2026-01-01T00:00:00Z"))
			.exemptHeader("X-Key", "k")
			.build();
		UpgradeEngine engine = UpgradeEngine
			.builder((pattern) -> (path) -> path.startsWith(pattern.replace("/**", "/")))
			.rules(List.of(new HttpsRule("secure", List.of(), settings, false, 443)))
			.build();
		return new UpgradeRequiredWebFilter(engine, new UpgradeResponseRenderer());
	}

}
