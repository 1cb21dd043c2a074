package io.github.upgraderequired.web.servlet;

import java.util.ArrayList;
import java.util.List;

import io.github.upgraderequired.core.Mode;
import io.github.upgraderequired.core.RuleSettings;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.core.rule.HttpsRule;
import io.github.upgraderequired.render.UpgradeResponseRenderer;
import jakarta.servlet.DispatcherType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.cors.CorsConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UpgradeRequiredHandlerInterceptor}, and for CORS on
 * {@link UpgradeRequiredFilter}, without a server. The mirror of
 * {@code UpgradeRequiredWebFilterTests}.
 */
class UpgradeRequiredHandlerInterceptorTests {

	private static final String ALLOWED_ORIGIN = "https://app.example";

	@Test
	void rejectedRequestIsAnsweredAndStopped() throws Exception {
		MockHttpServletRequest request = request("/secure/a");
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThat(interceptor(Mode.ENFORCE).preHandle(request, response, new Object())).isFalse();
		assertThat(response.getStatus()).isEqualTo(426);
		assertThat(response.getHeader("Upgrade")).isEqualTo("TLS/1.3, TLS/1.2");
		assertThat(response.getHeader("Connection")).isEqualTo("Upgrade");
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getContentAsString()).contains("\"instance\":\"/secure/a\"");
		assertThat(response.isCommitted()).isTrue();
	}

	@Test
	void warnedRequestContinuesWithWarningHeaders() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThat(interceptor(Mode.WARN).preHandle(request("/secure/a"), response, new Object())).isTrue();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("Deprecation")).isEqualTo("@1767225600");
		assertThat(response.getHeader("Vary")).isEqualTo("X-Key");
	}

	@Test
	void requestOutsideTheRulesIsUntouched() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThat(interceptor(Mode.ENFORCE).preHandle(request("/open"), response, new Object())).isTrue();
		assertThat(response.getHeaderNames()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(value = DispatcherType.class, names = "REQUEST", mode = EnumSource.Mode.EXCLUDE)
	void onlyTheRequestDispatchIsChecked(DispatcherType dispatcherType) throws Exception {
		MockHttpServletRequest request = request("/secure/a");
		request.setDispatcherType(dispatcherType);
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThat(interceptor(Mode.ENFORCE).preHandle(request, response, new Object())).isTrue();
		assertThat(response.getStatus()).isEqualTo(200);
	}

	@Test
	void pathWithinTheApplicationIsMatched() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/app/secure/a");
		request.setContextPath("/app");
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThat(interceptor(Mode.ENFORCE).preHandle(request, response, new Object())).isFalse();
		assertThat(response.getContentAsString()).contains("\"instance\":\"/secure/a\"");
	}

	@Test
	void aCrossOriginRefusalCarriesTheApplicationsCorsHeadersAndIsCounted() throws Exception {
		List<String> outcomes = new ArrayList<>();
		MockHttpServletRequest request = request("/secure/a");
		request.addHeader("Origin", ALLOWED_ORIGIN);
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		corsFilter(outcomes).doFilter(request, response, chain);
		assertThat(chain.getRequest()).isNull();
		assertThat(response.getStatus()).isEqualTo(426);
		assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
		assertThat(outcomes).containsExactly("secure:rejected");
	}

	@Test
	void anOriginTheApplicationRefusesGetsSprings403AndIsNotCounted() throws Exception {
		List<String> outcomes = new ArrayList<>();
		MockHttpServletRequest request = request("/secure/a");
		request.addHeader("Origin", "https://other.example");
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		corsFilter(outcomes).doFilter(request, response, chain);
		assertThat(chain.getRequest()).isNull();
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(outcomes).isEmpty();
	}

	@Test
	void aResponseSomethingElseMade403IsStillRefusedWith426() throws Exception {
		List<String> outcomes = new ArrayList<>();
		MockHttpServletRequest request = request("/secure/a");
		request.addHeader("Origin", ALLOWED_ORIGIN);
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.setStatus(403);
		MockFilterChain chain = new MockFilterChain();
		corsFilter(outcomes).doFilter(request, response, chain);
		assertThat(chain.getRequest()).isNull();
		assertThat(response.getStatus()).isEqualTo(426);
		assertThat(outcomes).containsExactly("secure:rejected");
	}

	@Test
	void anOriginTheApplicationRefusesGetsSprings403AfterAnEarlier403AndIsNotCounted() throws Exception {
		List<String> outcomes = new ArrayList<>();
		MockHttpServletRequest request = request("/secure/a");
		request.addHeader("Origin", "https://other.example");
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.setStatus(403);
		MockFilterChain chain = new MockFilterChain();
		corsFilter(outcomes).doFilter(request, response, chain);
		assertThat(chain.getRequest()).isNull();
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getHeader("Upgrade")).isNull();
		assertThat(response.getContentAsString()).doesNotContain("upgrade");
		assertThat(outcomes).isEmpty();
	}

	@Test
	void aRequestTheInterceptorCheckedIsLeftAloneByTheResolverAndASecondInterceptor() throws Exception {
		List<String> outcomes = new ArrayList<>();
		UpgradeEngine engine = refusingEngine(outcomes);
		MockHttpServletRequest request = request("/other");
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThat(new UpgradeRequiredHandlerInterceptor(engine, new UpgradeResponseRenderer()).preHandle(request,
				response, new Object()))
			.isTrue();
		request.setRequestURI("/secure/a");
		assertThat(new UpgradeRequiredHandlerInterceptor(engine, new UpgradeResponseRenderer()).preHandle(request,
				response, new Object()))
			.isTrue();
		assertThat(new UpgradeRequiredHandlerExceptionResolver(engine, new UpgradeResponseRenderer())
			.resolveException(request, response, new Object(), new IllegalStateException("thrown later"))).isNull();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(outcomes).isEmpty();
	}

	@Test
	void theExceptionResolverChecksARequestWithAHandlerThatNoInterceptorChecked() throws Exception {
		List<String> outcomes = new ArrayList<>();
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThat(new UpgradeRequiredHandlerExceptionResolver(refusingEngine(outcomes), new UpgradeResponseRenderer())
			.resolveException(request("/secure/a"), response, new Object(),
					new IllegalStateException("thrown by an interceptor before ours"))).isNotNull();
		assertThat(response.getStatus()).isEqualTo(426);
		assertThat(outcomes).containsExactly("secure:rejected");
	}

	@Test
	void aRequestTheFilterCheckedIsLeftAloneByTheInterceptorAndTheResolver() throws Exception {
		List<String> outcomes = new ArrayList<>();
		UpgradeEngine engine = UpgradeEngine
			.builder((pattern) -> (path) -> path.startsWith(pattern.replace("/**", "/")))
			.rules(List.of(new HttpsRule("secure", List.of(), RuleSettings.builder()
				.paths(List.of("/secure/**"))
				.mode(Mode.WARN)
				.deprecation(java.time.Instant.parse("2026-01-01T00:00:00Z"))
				.build(), false, 443)))
			.listeners(List.of((rule, outcome, client, request) -> outcomes.add(rule.name() + ":" + outcome.value())))
			.build();
		MockHttpServletRequest request = request("/secure/a");
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		new UpgradeRequiredFilter(engine, new UpgradeResponseRenderer()).doFilter(request, response, chain);
		assertThat(chain.getRequest()).isSameAs(request);
		assertThat(new UpgradeRequiredHandlerInterceptor(engine, new UpgradeResponseRenderer()).preHandle(request,
				response, new Object()))
			.isTrue();
		assertThat(new UpgradeRequiredHandlerExceptionResolver(engine, new UpgradeResponseRenderer())
			.resolveException(request, response, null, new IllegalStateException("no handler"))).isNull();
		assertThat(outcomes).containsExactly("secure:warned");
		assertThat(response.getHeaders("Deprecation")).hasSize(1);
	}

	private static UpgradeEngine refusingEngine(List<String> outcomes) {
		return UpgradeEngine.builder((pattern) -> (path) -> path.startsWith(pattern.replace("/**", "/")))
			.rules(List.of(new HttpsRule("secure", List.of(),
					RuleSettings.builder().paths(List.of("/secure/**")).build(), false, 443)))
			.listeners(List.of((rule, outcome, client, request) -> outcomes.add(rule.name() + ":" + outcome.value())))
			.build();
	}

	/**
	 * A filter (the entry point that applies CORS itself, as the exception resolver does)
	 * whose CORS configuration allows {@value #ALLOWED_ORIGIN} only.
	 */
	private static UpgradeRequiredFilter corsFilter(List<String> outcomes) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.addAllowedOrigin(ALLOWED_ORIGIN);
		UpgradeEngine engine = UpgradeEngine
			.builder((pattern) -> (path) -> path.startsWith(pattern.replace("/**", "/")))
			.rules(List.of(new HttpsRule("secure", List.of(),
					RuleSettings.builder().paths(List.of("/secure/**")).build(), false, 443)))
			.listeners(List.of((rule, outcome, client, request) -> outcomes.add(rule.name() + ":" + outcome.value())))
			.build();
		return new UpgradeRequiredFilter(engine, new UpgradeResponseRenderer(), (request) -> cors);
	}

	private static MockHttpServletRequest request(String path) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setProtocol("HTTP/1.1");
		return request;
	}

	private static UpgradeRequiredHandlerInterceptor interceptor(Mode mode) {
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
		return new UpgradeRequiredHandlerInterceptor(engine, new UpgradeResponseRenderer());
	}

}
