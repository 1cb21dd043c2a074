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
 * {@code X-Forwarded-*} headers of the trusted proxy (127.0.0.1 here) only, read as Tomcat
 * reads them, and {@code Forwarded} from nobody, so that another peer, or a client behind
 * the proxy, can claim neither https, nor a host, nor a client address.
 */
@SpringBootTest(classes = EndToEndApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "server.forward-headers-strategy=native",
				"upgrade-required.proxy.restrict-netty-forwarding=true" })
@ActiveProfiles("e2e")
class WebFluxNativeRestrictedForwardingTests extends AbstractForwardedHeadersStrategyTests {

	WebFluxNativeRestrictedForwardingTests() {
		// As Tomcat: X-Forwarded-Proto from the trusted proxy only, Forwarded from nobody.
		super(List.of(TRUSTED_PEER), NO_PEER);
	}

	@Test
	void theClientAddressComesFromTheTrustedProxyOnly() throws Exception {
		// The rule on /internal/** exempts loopback clients: the trusted proxy's client at
		// 203.0.113.7 is not one, another loopback peer that claims it is still one.
		HttpResult viaProxy = get(TRUSTED_PEER, "/internal/hello", "X-Forwarded-For: 203.0.113.7");
		assertThat(viaProxy.status()).isEqualTo(426);
		assertThat(viaProxy.body()).contains("\"rule\":\"internal\"");
		assertThat(get(UNTRUSTED_PEER, "/internal/hello", "X-Forwarded-For: 203.0.113.7").status()).isEqualTo(200);
	}

	/**
	 * A proxy appends the address it received the request from to what the client sent: the
	 * client is the first address from the right that is not a trusted proxy, as Tomcat's
	 * RemoteIpValve reads it, never what the client wrote ahead of it, however long, and
	 * never the proxy itself; a client's own Forwarded header counts for nothing.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "X-Forwarded-For: 127.0.0.1, 203.0.113.7",
			"X-Forwarded-For: 127.0.0.1\r\nX-Forwarded-For: 203.0.113.7", "X-Forwarded-For: 127.0.0.9, 203.0.113.7",
			"X-Forwarded-For: 203.0.113.7, 127.0.0.1",
			"Forwarded: for=127.0.0.1;proto=https\r\nX-Forwarded-For: 203.0.113.7",
			"X-Forwarded-For: not an address", "X-Forwarded-For: 127.0.0.1, unknown",
			"X-Forwarded-For: 10.0.0.0/8", "X-Forwarded-For: .1:2" })
	void aClientCannotWriteItselfAnExemptAddress(String header) throws Exception {
		HttpResult response = get(TRUSTED_PEER, "/internal/hello", header);
		assertThat(response.status()).isEqualTo(426);
		assertThat(response.body()).contains("\"rule\":\"internal\"");
	}

	@Test
	void aClientCannotPushTheProxysAddressOutWithALongHeader() throws Exception {
		String padding = "127.0.0.1, ".repeat(400);
		HttpResult response = get(TRUSTED_PEER, "/internal/hello", "X-Forwarded-For: " + padding + "203.0.113.7");
		assertThat(response.status()).isEqualTo(426);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			X-Forwarded-Proto: https          | 200
			X-Forwarded-Proto: https, https   | 200
			X-Forwarded-Proto: http, https    | 426
			X-Forwarded-Proto: https, http    | 426
			Forwarded: proto=https            | 426
			Forwarded: for=198.51.100.1;proto=https | 426
			""")
	void httpsIsClaimedOnlyWhenEveryProxySaysSo(String header, int status) throws Exception {
		assertThat(get(TRUSTED_PEER, "/secure/hello", header).status()).isEqualTo(status);
	}

	@Test
	void httpsIsClaimedOnlyWhenEveryLineSaysSo() throws Exception {
		HttpResult twoLines = get(TRUSTED_PEER, "/secure/hello", "X-Forwarded-Proto: https\r\nX-Forwarded-Proto: http");
		assertThat(twoLines.status()).isEqualTo(426);
	}

	@Test
	void theHostOfTheRedirectComesFromTheTrustedProxyOnly() throws Exception {
		HttpResult viaProxy = get(TRUSTED_PEER, "/redirect/hello", "X-Forwarded-Host: example.com");
		assertThat(viaProxy.status()).isEqualTo(308);
		assertThat(viaProxy.header("Location")).isEqualTo("https://example.com:8443/redirect/hello");
		HttpResult direct = get(UNTRUSTED_PEER, "/redirect/hello", "X-Forwarded-Host: example.com");
		assertThat(direct.status()).isEqualTo(308);
		assertThat(direct.header("Location")).isEqualTo("https://localhost:8443/redirect/hello");
		HttpResult standard = get(TRUSTED_PEER, "/redirect/hello", "Forwarded: host=example.com");
		assertThat(standard.header("Location")).isEqualTo("https://localhost:8443/redirect/hello");
	}

	/**
	 * A host, port or prefix that does not parse is ignored: the request stays a plain one
	 * for localhost, which the rule on /redirect/** sends to https.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "X-Forwarded-Port: abc", "X-Forwarded-Port: 99999999999", "X-Forwarded-Host: a b:c:d",
			"X-Forwarded-Host: [::1", "X-Forwarded-Host: evil.com@localhost", "X-Forwarded-Host: a.com:x",
			"X-Forwarded-Prefix: no-slash", "X-Forwarded-Prefix: ////", "X-Forwarded-Proto: ht\tp" })
	void malformedHostsPortsAndPrefixesFromTheTrustedProxyAreIgnored(String header) throws Exception {
		HttpResult response = get(TRUSTED_PEER, "/redirect/hello", header);
		assertThat(response.status()).isEqualTo(308);
		assertThat(response.header("Location")).isEqualTo("https://localhost:8443/redirect/hello");
	}

	/**
	 * Send a plain GET for localhost from a peer, with header lines of its own.
	 */
	private HttpResult get(String peer, String path, String headers) throws Exception {
		return Http.raw(peer, this.port,
				"GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers + "\r\nConnection: close\r\n\r\n");
	}

}
