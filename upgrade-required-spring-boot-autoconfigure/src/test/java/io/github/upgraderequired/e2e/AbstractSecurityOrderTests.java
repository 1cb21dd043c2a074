package io.github.upgraderequired.e2e;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the upgrade check sits relative to Spring Security: by default after it (an
 * outdated client that has not logged in is asked to log in first), with
 * {@code upgrade-required.before-security} before it (it learns it must upgrade first).
 */
abstract class AbstractSecurityOrderTests {

	private static final String CREDENTIALS = "Basic "
			+ Base64.getEncoder().encodeToString("user:secret".getBytes(StandardCharsets.US_ASCII));

	@LocalServerPort
	int port;

	/**
	 * Return the status an outdated client gets from a secured path without credentials.
	 */
	abstract int expectedStatusOfAnOutdatedUnauthenticatedClient();

	@Test
	void anOutdatedUnauthenticatedClient() throws Exception {
		HttpResult response = Http.http10(this.port, "GET", "/private/hello");
		assertThat(response.status()).isEqualTo(expectedStatusOfAnOutdatedUnauthenticatedClient());
		if (response.status() == 426) {
			assertThat(response.header("Upgrade")).isEqualTo("HTTP/1.1");
		}
		else {
			assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
		}
	}

	@Test
	void anOutdatedAuthenticatedClientIsTold426() throws Exception {
		HttpResult response = Http.http10(this.port, "GET", "/private/hello", "Authorization", CREDENTIALS);
		assertThat(response.status()).isEqualTo(426);
		assertThat(response.header("Upgrade")).isEqualTo("HTTP/1.1");
	}

	@Test
	void anOutdatedClientOfAnOpenPathIsTold426() throws Exception {
		assertThat(Http.http10(this.port, "GET", "/public/hello").status()).isEqualTo(426);
	}

	@Test
	void aCrossOriginOutdatedClientGetsTheCorsHeadersOfTheApplication() throws Exception {
		HttpResult response = Http.http10(this.port, "GET", "/public/hello", "Origin", "https://app.example.com");
		assertThat(response.status()).isEqualTo(426);
		assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
	}

	@Test
	void aCrossOriginClientFromARefusedOriginGetsSprings403() throws Exception {
		HttpResult response = Http.http10(this.port, "GET", "/public/hello", "Origin", "https://evil.example.com");
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.hasHeader("Access-Control-Allow-Origin")).isFalse();
	}

	@Test
	void anUpToDateAuthenticatedClientPasses() throws Exception {
		assertThat(Http.http11(this.port, "GET", "/private/hello", "Authorization", CREDENTIALS).status())
			.isEqualTo(200);
		assertThat(Http.http11(this.port, "GET", "/private/hello").status()).isEqualTo(401);
	}

}
