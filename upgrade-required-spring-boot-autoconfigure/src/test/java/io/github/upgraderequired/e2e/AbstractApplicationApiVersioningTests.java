package io.github.upgraderequired.e2e;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring's own API versioning (header {@code API-Version}, supported versions 1 and 2)
 * with an API-version rule at minimum 2: Spring rejects unsupported versions while it maps
 * the request, before interceptors run, yet a version below the minimum still gets the 426;
 * its other API-version errors stay Spring's 400.
 */
abstract class AbstractApplicationApiVersioningTests {

	@LocalServerPort
	int port;

	@Test
	void aSupportedVersionAtTheMinimumPasses() throws Exception {
		HttpResult response = Http.http11(this.port, "GET", "/api/hello", "API-Version", "2");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.vary()).contains("API-Version");
	}

	@Test
	void aSupportedVersionBelowTheMinimumIsTold426() throws Exception {
		HttpResult response = Http.http11(this.port, "GET", "/api/hello", "API-Version", "1");
		assertThat(response.status()).isEqualTo(426);
		assertThat(response.header("Upgrade")).isEqualTo("API/2");
		assertThat(response.body()).contains("\"current\":\"1\"");
	}

	@Test
	void anUnsupportedVersionBelowTheMinimumIsTold426RatherThan400() throws Exception {
		HttpResult response = Http.http11(this.port, "GET", "/api/hello", "API-Version", "0.5");
		assertThat(response.status()).isEqualTo(426);
		assertThat(response.body()).contains("\"current\":\"0.5\"");
	}

	@Test
	void anUnsupportedVersionAboveTheMinimumStaysSprings400() throws Exception {
		assertThat(Http.http11(this.port, "GET", "/api/hello", "API-Version", "3").status()).isEqualTo(400);
	}

	@Test
	void aMissingOrUnparsableVersionStaysSprings400() throws Exception {
		assertThat(Http.http11(this.port, "GET", "/api/hello").status()).isEqualTo(400);
		assertThat(Http.http11(this.port, "GET", "/api/hello", "API-Version", "two").status()).isEqualTo(400);
	}

}
