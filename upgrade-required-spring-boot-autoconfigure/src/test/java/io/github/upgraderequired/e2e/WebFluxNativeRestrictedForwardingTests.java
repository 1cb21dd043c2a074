package io.github.upgraderequired.e2e;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection rules on Spring WebFlux (Reactor Netty) with
 * {@code server.forward-headers-strategy=native} and
 * {@code upgrade-required.proxy.restrict-netty-forwarding}: Reactor Netty applies the
 * forwarding headers of the trusted proxy (127.0.0.1 here) only, as Tomcat does with its
 * internal proxies, so that another peer can claim neither https, nor a host, nor a client
 * address.
 */
@SpringBootTest(classes = EndToEndApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "server.forward-headers-strategy=native",
				"upgrade-required.proxy.restrict-netty-forwarding=true" })
@ActiveProfiles("e2e")
class WebFluxNativeRestrictedForwardingTests extends AbstractForwardedHeadersStrategyTests {

	WebFluxNativeRestrictedForwardingTests() {
		super(List.of(TRUSTED_PEER), List.of(TRUSTED_PEER));
	}

	@Test
	void theClientAddressComesFromTheTrustedProxyOnly() throws Exception {
		// The rule on /internal/** exempts loopback clients: the trusted proxy's client at
		// 203.0.113.7 is not one, another loopback peer that claims it is still one.
		String request = "GET /internal/hello HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: 203.0.113.7\r\n"
				+ "Connection: close\r\n\r\n";
		HttpResult viaProxy = Http.raw(TRUSTED_PEER, this.port, request);
		assertThat(viaProxy.status()).isEqualTo(426);
		assertThat(viaProxy.body()).contains("\"rule\":\"internal\"");
		assertThat(Http.raw(UNTRUSTED_PEER, this.port, request).status()).isEqualTo(200);
		String standard = "GET /internal/hello HTTP/1.1\r\nHost: localhost\r\nForwarded: for=203.0.113.7\r\n"
				+ "Connection: close\r\n\r\n";
		assertThat(Http.raw(TRUSTED_PEER, this.port, standard).status()).isEqualTo(426);
		assertThat(Http.raw(UNTRUSTED_PEER, this.port, standard).status()).isEqualTo(200);
	}

	/**
	 * A proxy appends the address it received the request from to what the client sent: the
	 * client is the first address from the right that is not a trusted proxy, as Tomcat's
	 * RemoteIpValve reads it, never the leftmost, which the client wrote itself.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "X-Forwarded-For: 127.0.0.1, 203.0.113.7", "X-Forwarded-For: 127.0.0.1\r\n"
			+ "X-Forwarded-For: 203.0.113.7", "X-Forwarded-For: 203.0.113.7, 127.0.0.1",
			"Forwarded: for=127.0.0.1, for=203.0.113.7", "Forwarded: for=127.0.0.1\r\nForwarded: for=\"203.0.113.7:4711\"",
			"Forwarded: for=\"[::1]\", for=203.0.113.7;proto=http" })
	void aClientCannotWriteItsOwnAddressAheadOfTheProxys(String header) throws Exception {
		HttpResult response = Http.raw(TRUSTED_PEER, this.port, "GET /internal/hello HTTP/1.1\r\nHost: localhost\r\n"
				+ header + "\r\nConnection: close\r\n\r\n");
		assertThat(response.status()).isEqualTo(426);
		assertThat(response.body()).contains("\"rule\":\"internal\"");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			X-Forwarded-Proto: https          | 200
			X-Forwarded-Proto: https, https   | 200
			X-Forwarded-Proto: http, https    | 426
			X-Forwarded-Proto: https, http    | 426
			Forwarded: proto=https            | 200
			Forwarded: for=198.51.100.1;proto=http, for=127.0.0.1;proto=https | 426
			Forwarded: for=198.51.100.1;proto=https, for=127.0.0.1;proto=http | 200
			""")
	void httpsIsClaimedOnlyByEveryProxyOrTheClientsHop(String header, int status) throws Exception {
		HttpResult response = Http.raw(TRUSTED_PEER, this.port, "GET /secure/hello HTTP/1.1\r\nHost: localhost\r\n"
				+ header + "\r\nConnection: close\r\n\r\n");
		assertThat(response.status()).isEqualTo(status);
	}

	@Test
	void theHostOfTheRedirectComesFromTheTrustedProxyOnly() throws Exception {
		String request = "GET /redirect/hello HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-Host: example.com\r\n"
				+ "Connection: close\r\n\r\n";
		HttpResult viaProxy = Http.raw(TRUSTED_PEER, this.port, request);
		assertThat(viaProxy.status()).isEqualTo(308);
		assertThat(viaProxy.header("Location")).isEqualTo("https://example.com:8443/redirect/hello");
		HttpResult direct = Http.raw(UNTRUSTED_PEER, this.port, request);
		assertThat(direct.status()).isEqualTo(308);
		assertThat(direct.header("Location")).isEqualTo("https://localhost:8443/redirect/hello");
	}

	/**
	 * A value that does not parse is ignored: the request stays as its connection says, a
	 * plain request for localhost, which the rule on /redirect/** sends to https.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "Forwarded: for=\"[::1\";host=@@;proto=ht tp", "Forwarded: ;;;,,,=",
			"Forwarded: for=unknown;host=\"a b\"", "X-Forwarded-Port: abc", "X-Forwarded-Port: 99999999999",
			"X-Forwarded-Host: a b:c:d", "X-Forwarded-Host: [::1", "X-Forwarded-Host: evil.com@localhost",
			"X-Forwarded-For: not an address", "X-Forwarded-For: 10.0.0.0/8", "X-Forwarded-Prefix: no-slash",
			"X-Forwarded-Prefix: ////" })
	void malformedHeadersFromTheTrustedProxyAreIgnored(String header) throws Exception {
		HttpResult response = Http.raw(TRUSTED_PEER, this.port,
				"GET /redirect/hello HTTP/1.1\r\nHost: localhost\r\n" + header + "\r\nConnection: close\r\n\r\n");
		assertThat(response.status()).isEqualTo(308);
		assertThat(response.header("Location")).isEqualTo("https://localhost:8443/redirect/hello");
	}

}
