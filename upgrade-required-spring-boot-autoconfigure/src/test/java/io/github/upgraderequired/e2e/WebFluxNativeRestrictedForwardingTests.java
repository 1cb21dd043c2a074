package io.github.upgraderequired.e2e;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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

	@ParameterizedTest
	@ValueSource(strings = { "Forwarded: for=\"[::1\";host=@@;proto=ht tp", "Forwarded: ;;;,,,=",
			"X-Forwarded-Port: abc", "X-Forwarded-Port: 99999999999", "X-Forwarded-Host: a b:c:d",
			"X-Forwarded-Host: [::1", "X-Forwarded-Proto: ht\\tp", "X-Forwarded-For: not an address",
			"X-Forwarded-Prefix: no-slash", "X-Forwarded-Prefix: ////" })
	void malformedHeadersFromTheTrustedProxyBreakNothing(String header) throws Exception {
		HttpResult response = Http.raw(TRUSTED_PEER, this.port,
				"GET /open/hello HTTP/1.1\r\nHost: localhost\r\n" + header + "\r\nConnection: close\r\n\r\n");
		assertThat(response.status()).isBetween(200, 499);
	}

}
