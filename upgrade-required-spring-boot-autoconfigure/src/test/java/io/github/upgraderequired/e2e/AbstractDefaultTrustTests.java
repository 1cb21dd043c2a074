package io.github.upgraderequired.e2e;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default trusted proxies (loopback and the private ranges) and no version header,
 * as an application gets them without any {@code upgrade-required.proxy} property: a
 * loopback client's request is a direct one unless it carries a forwarding header, and
 * then it is taken for a trusted proxy's, whose client's version is unknown and allowed,
 * as Tomcat takes it. (Every peer here is loopback: that another peer's forwarding headers
 * change nothing is tested with a narrowed list, in
 * {@link AbstractForwardedHeadersStrategyTests}.)
 */
abstract class AbstractDefaultTrustTests {

	static final String RULES = "upgrade-required.rules.http-1-1.type=http-version";

	static final String MINIMUM = "upgrade-required.rules.http-1-1.minimum=1.1";

	static final String HTTP2 = "upgrade-required.rules.h2.type=http2";

	static final String HTTP2_PATHS = "upgrade-required.rules.h2.paths=/h2/**";

	@LocalServerPort
	int port;

	@Test
	void aDirectHttp10RequestFromLoopbackIsRefused() throws Exception {
		assertThat(Http.raw("127.0.0.1", this.port, "GET /open/hello HTTP/1.0\r\nHost: localhost\r\n\r\n").status())
			.isEqualTo(426);
		HttpResult h2Only = Http.raw("127.0.0.1", this.port,
				"GET /h2/hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(h2Only.status()).isEqualTo(426);
		// HTTP/1.1 alone (no h2c) here: the upgrade option is kept on a connection that closes.
		assertThat(h2Only.connectionOptions()).contains("upgrade", "close");
	}

	@Test
	void aForwardedRequestFromLoopbackIsATrustedProxysWithAnUnknownVersion() throws Exception {
		for (String peer : new String[] { "127.0.0.1", "127.0.0.2" }) {
			assertThat(Http.raw(peer, this.port, "GET /open/hello HTTP/1.0\r\nHost: localhost\r\n"
					+ "X-Forwarded-For: 1.2.3.4\r\n\r\n").status()).isEqualTo(200);
			assertThat(Http.raw(peer, this.port, "GET /h2/hello HTTP/1.1\r\nHost: localhost\r\n"
					+ "Forwarded: for=1.2.3.4\r\nConnection: close\r\n\r\n").status()).isEqualTo(200);
		}
	}

}
