package io.github.upgraderequired.e2e;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection rules under {@code server.forward-headers-strategy} {@code native} and
 * {@code framework}, where the server or Spring consume the forwarding headers and replace
 * the peer's address before the starter sees the request: requests are still judged by the
 * connection unless they were forwarded, and a forwarded request by the header of a
 * trusted proxy (127.0.0.1 here) only.
 */
abstract class AbstractForwardedHeadersStrategyTests {

	private static final String UNTRUSTED_PEER = "127.0.0.2";

	@LocalServerPort
	int port;

	@Test
	void aDirectHttp10RequestIsStillJudgedByItsConnection() throws Exception {
		HttpResult response = Http.http10(this.port, "GET", "/open/hello");
		assertThat(response.status()).isEqualTo(426);
		assertThat(response.header("Upgrade")).isEqualTo("HTTP/1.1");
	}

	@Test
	void aDirectHttp11RequestToAnHttp2OnlyPathIsStillJudgedByItsConnection() throws Exception {
		assertThat(Http.http11(this.port, "GET", "/h2/hello").status()).isEqualTo(426);
	}

	@Test
	void aForwardedRequestFromTheTrustedProxyIsJudgedByItsHeader() throws Exception {
		HttpResult old = Http.raw("127.0.0.1", this.port, forwarded("HTTP/1.1", "HTTP/1.0"));
		assertThat(old.status()).isEqualTo(426);
		assertThat(old.body()).contains("\"current\":\"HTTP/1.0\"");
		HttpResult current = Http.raw("127.0.0.1", this.port, forwarded("HTTP/1.0", "HTTP/1.1"));
		assertThat(current.status()).isEqualTo(200);
	}

	@Test
	void aForwardedRequestFromAnUntrustedPeerHasAnUnknownVersion() throws Exception {
		assertThat(Http.raw(UNTRUSTED_PEER, this.port, forwarded("HTTP/1.0", "HTTP/1.0")).status()).isEqualTo(200);
	}

	private static String forwarded(String connection, String client) {
		return "GET /open/hello " + connection + "\r\nHost: localhost\r\nX-Forwarded-For: 203.0.113.7\r\n"
				+ "X-Forwarded-Proto: http\r\nX-Forwarded-Http-Version: " + client + "\r\nConnection: close\r\n\r\n";
	}

}
