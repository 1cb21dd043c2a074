package io.github.upgraderequired.e2e;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of the e2e profile on an application served under a path of its own (a
 * servlet context path on Spring MVC, a base path on WebFlux) with the actuator at a base
 * path of its own ({@code /manage}): rule paths and the default exclusions are within the
 * application, and the HTTPS redirect keeps the whole path the client asked for.
 */
abstract class AbstractApplicationPathTests {

	static final String MANAGE_BASE_PATH = "management.endpoints.web.base-path=/manage";

	private final String prefix;

	@LocalServerPort
	int port;

	AbstractApplicationPathTests(String prefix) {
		this.prefix = prefix;
	}

	@Test
	void theRulesApplyToPathsWithinTheApplication() throws Exception {
		HttpResult old = Http.http10(this.port, "GET", this.prefix + "/open/hello");
		assertThat(old.status()).isEqualTo(426);
		assertThat(old.header("Upgrade")).isEqualTo("HTTP/1.1");
		HttpResult http11 = Http.raw(this.port, "GET " + this.prefix + "/h2/hello HTTP/1.1\r\nHost: localhost\r\n"
				+ "Accept: application/json\r\nConnection: close\r\n\r\n");
		assertThat(http11.status()).isEqualTo(426);
		assertThat(http11.body()).contains("\"rule\":\"http2\"");
		HttpResult api = Http.http11(this.port, "GET", this.prefix + "/api/hello", "API-Version", "1");
		assertThat(api.status()).isEqualTo(426);
		assertThat(Http.http11(this.port, "GET", this.prefix + "/api/hello", "API-Version", "2").status())
			.isEqualTo(200);
	}

	@Test
	void theActuatorAtItsOwnBasePathWithinTheApplicationIsStillExcluded() throws Exception {
		HttpResult health = Http.http10(this.port, "GET", this.prefix + "/manage/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body()).contains("UP");
		// The default base path is no actuator here, so no longer excluded.
		assertThat(Http.http10(this.port, "GET", this.prefix + "/actuator/health").status()).isEqualTo(426);
	}

	@Test
	void theRedirectKeepsTheApplicationsPath() throws Exception {
		HttpResult response = Http.raw(this.port, "GET " + this.prefix + "/redirect/hello?a=1 HTTP/1.1\r\n"
				+ "Host: localhost\r\nConnection: close\r\n\r\n");
		assertThat(response.status()).isEqualTo(308);
		assertThat(response.header("Location")).isEqualTo("https://localhost:8443" + this.prefix + "/redirect/hello?a=1");
	}

}
