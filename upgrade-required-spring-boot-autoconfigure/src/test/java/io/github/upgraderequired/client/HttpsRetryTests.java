package io.github.upgraderequired.client;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which requests may go again over https, and where: idempotent methods, http URIs,
 * listed hosts, the same host.
 */
class HttpsRetryTests {

	private final HttpsRetry retry = new HttpsRetry(List.of("API.example.com", "[::1]", "10.0.0.1"), 8443);

	@ParameterizedTest(name = "{0} {1}: {2}")
	@CsvSource(textBlock = """
			GET,     http://api.example.com/a,        true
			HEAD,    http://API.EXAMPLE.COM/a,        true
			PUT,     http://api.example.com/a,        true
			DELETE,  http://api.example.com/a,        true
			OPTIONS, http://api.example.com/a,        true
			POST,    http://api.example.com/a,        false
			PATCH,   http://api.example.com/a,        false
			GET,     https://api.example.com/a,       false
			GET,     http://other.example.com/a,      false
			GET,     http://api.example.com.evil/a,   false
			GET,     http://[::1]:8080/a,             true
			GET,     http://10.0.0.1/a,               true
			""")
	void onlyIdempotentHttpRequestsToListedHostsMayBeRetried(String method, String uri, boolean may) {
		assertThat(this.retry.mayRetry(method, URI.create(uri))).isEqualTo(may);
	}

	@Test
	void theRetryGoesToTheSameHostPathAndQueryOnTheHttpsPort() {
		assertThat(this.retry.target(URI.create("http://api.example.com:8080/a%20b/c?x=1&y=%2F#f")))
			.isEqualTo(URI.create("https://api.example.com:8443/a%20b/c?x=1&y=%2F"));
		assertThat(this.retry.target(URI.create("http://[::1]:8080")))
			.isEqualTo(URI.create("https://[::1]:8443"));
		assertThat(new HttpsRetry(List.of("h"), 443).target(URI.create("http://h/p"))).isEqualTo(URI.create("https://h/p"));
	}

	@Test
	void tlsIsAskedForByNameWithOrWithoutVersion() {
		assertThat(HttpsRetry.namesTls(List.of("HTTP/2.0", "TLS/1.3"))).isTrue();
		assertThat(HttpsRetry.namesTls(List.of("tls"))).isTrue();
		assertThat(HttpsRetry.namesTls(List.of("TLSv1.3", "HTTP/1.1"))).isFalse();
		assertThat(HttpsRetry.namesTls(List.of())).isFalse();
	}

}
