package io.github.upgraderequired.e2e;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTPS rule's redirect with an allow-list of hosts
 * ({@code https.redirect-hosts: localhost, *.example.com}): a plain {@code GET} for any
 * other host gets the upgrade response instead of a 308, over a real socket.
 */
abstract class AbstractRedirectHostsTests {

	static final String REDIRECT_HOSTS = "upgrade-required.rules.secure-redirect.https.redirect-hosts=localhost,"
			+ "*.example.com";

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "Host: {0} -> {1}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			localhost         | https://localhost:8443/redirect/hello?a=1
			LOCALHOST         | https://LOCALHOST:8443/redirect/hello?a=1
			api.example.com   | https://api.example.com:8443/redirect/hello?a=1
			a.b.example.com   | https://a.b.example.com:8443/redirect/hello?a=1
			example.com       | null
			evil.com          | null
			example.com.evil.com | null
			127.0.0.1         | null
			""")
	void onlyTheListedHostsAreRedirectedTo(String host, String location) throws Exception {
		HttpResult response = Http.raw(this.port,
				"GET /redirect/hello?a=1 HTTP/1.1\r\nHost: " + host + "\r\nAccept: application/json\r\n"
						+ "Connection: close\r\n\r\n");
		if (location != null) {
			assertThat(response.status()).isEqualTo(308);
			assertThat(response.header("Location")).isEqualTo(location);
		}
		else {
			assertThat(response.status()).isEqualTo(426);
			assertThat(response.header("Location")).isNull();
			assertThat(response.header("Upgrade")).isEqualTo("TLS/1.3, TLS/1.2");
			assertThat(response.body()).contains("\"rule\":\"secure-redirect\"");
		}
	}

}
