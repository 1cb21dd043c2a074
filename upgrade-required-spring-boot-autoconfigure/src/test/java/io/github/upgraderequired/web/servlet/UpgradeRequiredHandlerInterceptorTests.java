package io.github.upgraderequired.web.servlet;

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

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UpgradeRequiredHandlerInterceptor}, without a server. The mirror of
 * {@code UpgradeRequiredWebFilterTests}.
 */
class UpgradeRequiredHandlerInterceptorTests {

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
