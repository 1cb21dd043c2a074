package io.github.upgraderequired.core;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TrustedProxies}.
 */
@ExtendWith(OutputCaptureExtension.class)
class TrustedProxiesTests {

	private final TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8"), "X-Http-Version",
			"X-Tls-Version");

	@Test
	void aRequestThatWasNotForwardedIsJudgedByItsConnection() {
		TestRequest request = TestRequest.get("/").protocol(HttpProtocol.HTTP_1_0).remoteAddress("10.1.1.1")
			.header("X-Http-Version", "HTTP/2.0");
		assertThat(this.proxies.httpProtocol(request)).isEqualTo(HttpProtocol.HTTP_1_0);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Forwarded", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host",
			"X-Forwarded-Port", "X-Forwarded-Prefix", "X-Forwarded-Ssl" })
	void anyForwardingHeaderMakesAForwardedRequest(String header) {
		TestRequest request = TestRequest.get("/").protocol(HttpProtocol.HTTP_1_0).remoteAddress("10.1.1.1")
			.header(header, "x")
			.header("X-Http-Version", "HTTP/1.1");
		assertThat(this.proxies.httpProtocol(request)).isEqualTo(HttpProtocol.HTTP_1_1);
	}

	@Test
	void otherProxyHeadersDoNotMakeAForwardedRequest() {
		TestRequest request = TestRequest.get("/").protocol(HttpProtocol.HTTP_1_0).header("X-Real-IP", "203.0.113.9")
			.header("Via", "1.1 proxy");
		assertThat(this.proxies.httpProtocol(request)).isEqualTo(HttpProtocol.HTTP_1_0);
	}

	@Test
	void aTrustedProxyWithoutTheTlsHeaderReportsAPlainClientQuietly(CapturedOutput output) {
		TestRequest request = forwarded("10.1.1.1").header("X-Http-Version", "HTTP/1.1");
		assertThat(this.proxies.tlsProtocol(request)).isNull();
		assertThat(this.proxies.httpProtocol(request)).isEqualTo(HttpProtocol.HTTP_1_1);
		assertThat(output).doesNotContain("did not say");
	}

	@Test
	void aTrustedProxyWithoutTheHttpHeaderIsWarnedAbout(CapturedOutput output) {
		assertThat(this.proxies.httpProtocol(forwarded("10.1.1.1"))).isNull();
		assertThat(output).contains("did not say the client's version in 'X-Http-Version'");
	}

	@Test
	void aForwardedRequestFromATrustedProxyIsJudgedByTheHeaders() {
		TestRequest request = forwarded("10.1.1.1").header("X-Http-Version", "HTTP/1.0")
			.header("X-Tls-Version", "TLSv1.2");
		assertThat(this.proxies.httpProtocol(request)).isEqualTo(HttpProtocol.HTTP_1_0);
		assertThat(this.proxies.tlsProtocol(request)).isEqualTo("TLSv1.2");
	}

	@Test
	void aForwardedRequestFromAnUntrustedPeerIsUnknownAndWarnedOnce(CapturedOutput output) {
		TestRequest request = forwarded("192.0.2.1").header("X-Http-Version", "HTTP/1.0");
		assertThat(this.proxies.httpProtocol(request)).isNull();
		assertThat(this.proxies.tlsProtocol(request)).isNull();
		assertThat(output.getOut().split("did not say the client's version", -1)).hasSize(2);
	}

	@Test
	void aForwardedRequestWithoutTheHeaderIsUnknown() {
		assertThat(this.proxies.httpProtocol(forwarded("10.1.1.1"))).isNull();
		assertThat(this.proxies.tlsProtocol(forwarded("10.1.1.1").protocol(HttpProtocol.HTTP_2))).isNull();
	}

	@Test
	void aPeerHiddenByTheServerIsNotTrusted() {
		assertThat(this.proxies.httpProtocol(forwarded(null).header("X-Http-Version", "HTTP/1.0"))).isNull();
	}

	@Test
	void anOversizedOrGarbageHeaderIsUnknown() {
		assertThat(this.proxies.httpProtocol(forwarded("10.1.1.1").header("X-Http-Version", "HTTP/1.1" + " ".repeat(40))))
			.isNull();
		assertThat(this.proxies.httpProtocol(forwarded("10.1.1.1").header("X-Http-Version", "<script>"))).isNull();
	}

	@Test
	void trustingNoProxyMakesEveryForwardedRequestUnknown() {
		TestRequest request = forwarded("10.1.1.1").header("X-Http-Version", "HTTP/1.0");
		assertThat(TrustedProxies.NONE.httpProtocol(request)).isNull();
		assertThat(TrustedProxies.NONE.httpProtocol(TestRequest.get("/"))).isEqualTo(HttpProtocol.HTTP_1_1);
	}

	private static TestRequest forwarded(String peer) {
		return TestRequest.get("/").protocol(HttpProtocol.HTTP_1_1).remoteAddress(peer)
			.header("X-Forwarded-For", "203.0.113.9");
	}

}
