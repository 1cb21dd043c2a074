package io.github.upgraderequired.core;

import java.util.List;

import io.github.upgraderequired.test.MockUpgradeRequest;
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
		MockUpgradeRequest request = MockUpgradeRequest.get("/")
			.protocol(HttpProtocol.HTTP_1_0)
			.remoteAddress("10.1.1.1")
			.header("X-Http-Version", "HTTP/2.0");
		assertThat(this.proxies.httpProtocol(request)).isEqualTo(HttpProtocol.HTTP_1_0);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Forwarded", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host",
			"X-Forwarded-Port", "X-Forwarded-Prefix", "X-Forwarded-Ssl" })
	void anyForwardingHeaderMakesAForwardedRequest(String header) {
		MockUpgradeRequest request = MockUpgradeRequest.get("/")
			.protocol(HttpProtocol.HTTP_1_0)
			.remoteAddress("10.1.1.1")
			.header(header, "x")
			.header("X-Http-Version", "HTTP/1.1");
		assertThat(this.proxies.httpProtocol(request)).isEqualTo(HttpProtocol.HTTP_1_1);
	}

	@Test
	void otherProxyHeadersDoNotMakeAForwardedRequest() {
		MockUpgradeRequest request = MockUpgradeRequest.get("/")
			.protocol(HttpProtocol.HTTP_1_0)
			.header("X-Real-IP", "203.0.113.9")
			.header("Via", "1.1 proxy");
		assertThat(this.proxies.httpProtocol(request)).isEqualTo(HttpProtocol.HTTP_1_0);
	}

	@Test
	void aTrustedProxyWithoutTheTlsHeaderReportsAPlainClientQuietly(CapturedOutput output) {
		MockUpgradeRequest request = forwarded("10.1.1.1").header("X-Http-Version", "HTTP/1.1");
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
		MockUpgradeRequest request = forwarded("10.1.1.1").header("X-Http-Version", "HTTP/1.0")
			.header("X-Tls-Version", "TLSv1.2");
		assertThat(this.proxies.httpProtocol(request)).isEqualTo(HttpProtocol.HTTP_1_0);
		assertThat(this.proxies.tlsProtocol(request)).isEqualTo("TLSv1.2");
	}

	@Test
	void aForwardedRequestFromAnUntrustedPeerIsJudgedByItsConnectionAndWarnedOnce(CapturedOutput output) {
		MockUpgradeRequest request = forwarded("192.0.2.1").tlsProtocol("TLSv1.2")
			.header("X-Http-Version", "HTTP/2.0")
			.header("X-Tls-Version", "TLSv1.3");
		assertThat(this.proxies.httpProtocol(request)).isEqualTo(HttpProtocol.HTTP_1_1);
		assertThat(this.proxies.tlsProtocol(request)).isEqualTo("TLSv1.2");
		MockUpgradeRequest old = forwarded("192.0.2.1").protocol(HttpProtocol.HTTP_1_0)
			.header("X-Http-Version", "HTTP/1.1");
		assertThat(this.proxies.httpProtocol(old)).isEqualTo(HttpProtocol.HTTP_1_0);
		assertThat(output.getOut().split("which is not a trusted proxy", -1)).hasSize(2);
		assertThat(output).contains("Forwarding headers came from 192.0.2.1")
			.contains("add it to upgrade-required.proxy.trusted-addresses");
	}

	@Test
	void aDirectRequestFromAnUntrustedPeerIsNotWarnedAbout(CapturedOutput output) {
		MockUpgradeRequest request = MockUpgradeRequest.get("/")
			.protocol(HttpProtocol.HTTP_1_0)
			.remoteAddress("192.0.2.1");
		assertThat(this.proxies.httpProtocol(request)).isEqualTo(HttpProtocol.HTTP_1_0);
		assertThat(output).doesNotContain("trusted");
	}

	@Test
	void aTrustedProxyWithoutAConfiguredHeaderMakesTheVersionUnknown(CapturedOutput output) {
		// Not the shared DEFAULT, whose WARN another test may have had.
		TrustedProxies defaults = new TrustedProxies(TrustedProxies.DEFAULT_TRUSTED_ADDRESSES, null, null);
		MockUpgradeRequest request = forwarded("127.0.0.1").protocol(HttpProtocol.HTTP_1_0).tlsProtocol("TLSv1");
		assertThat(defaults.httpProtocol(request)).isNull();
		assertThat(defaults.tlsProtocol(request)).isNull();
		assertThat(output).contains("A request forwarded by the trusted proxy 127.0.0.1 did not say the client's "
				+ "version in a configured header");
	}

	@Test
	void aForwardedRequestWithoutTheHeaderIsUnknown() {
		assertThat(this.proxies.httpProtocol(forwarded("10.1.1.1"))).isNull();
		assertThat(this.proxies.tlsProtocol(forwarded("10.1.1.1").protocol(HttpProtocol.HTTP_2))).isNull();
	}

	@Test
	void aForwardedRequestFromAPeerTheServerHidIsUnknown(CapturedOutput output) {
		assertThat(this.proxies.httpProtocol(forwarded(null).header("X-Http-Version", "HTTP/1.0"))).isNull();
		assertThat(this.proxies.tlsProtocol(forwarded(null).tlsProtocol("TLSv1.3"))).isNull();
		assertThat(output).contains("whose address the server replaced");
		MockUpgradeRequest direct = MockUpgradeRequest.get("/").protocol(HttpProtocol.HTTP_1_0).remoteAddress(null);
		assertThat(this.proxies.httpProtocol(direct)).isEqualTo(HttpProtocol.HTTP_1_0);
	}

	@Test
	void anOversizedOrGarbageHeaderIsUnknown() {
		assertThat(this.proxies.httpProtocol(forwarded("10.1.1.1").header("X-Http-Version", "HTTP/1.1" + " ".repeat(40))))
			.isNull();
		assertThat(this.proxies.httpProtocol(forwarded("10.1.1.1").header("X-Http-Version", "<script>"))).isNull();
	}

	@Test
	void trustingNoProxyJudgesEveryRequestByItsConnection() {
		MockUpgradeRequest request = forwarded("10.1.1.1").protocol(HttpProtocol.HTTP_1_0)
			.header("X-Http-Version", "HTTP/1.1");
		assertThat(TrustedProxies.NONE.httpProtocol(request)).isEqualTo(HttpProtocol.HTTP_1_0);
		assertThat(TrustedProxies.NONE.isTrusted("127.0.0.1")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.0.0.2", "127.255.255.254", "10.0.0.1", "10.255.1.2", "172.16.0.1",
			"172.31.255.255", "192.168.0.1", "169.254.169.254", "100.64.0.1", "100.127.255.255", "::1",
			"0:0:0:0:0:0:0:1", "[::1]", "fe80::1", "fe80::1%eth0", "febf::1", "fc00::1", "fd12:3456::7",
			"::ffff:10.1.2.3", "::ffff:127.0.0.1" })
	void theDefaultsTrustLoopbackAndThePrivateRangesAsTomcatDoes(String peer) {
		assertThat(TrustedProxies.DEFAULT.isTrusted(peer)).isTrue();
		// A second time, from the peers seen recently.
		assertThat(TrustedProxies.DEFAULT.isTrusted(peer)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "8.8.8.8", "11.0.0.1", "9.255.255.255", "172.15.255.255", "172.32.0.0", "192.167.1.1",
			"192.169.0.1", "100.63.255.255", "100.128.0.0", "169.253.0.1", "128.0.0.1", "203.0.113.7", "2001:db8::1",
			"fec0::1", "fe00::1", "fb00::1", "fe::1", "::", "::ffff:8.8.8.8", "localhost", "", "127.0.0.1.", "10.0.0",
			"999.0.0.1", "::1::" })
	void theDefaultsTrustNothingElse(String peer) {
		assertThat(TrustedProxies.DEFAULT.isTrusted(peer)).isFalse();
		assertThat(TrustedProxies.DEFAULT.isTrusted(peer)).isFalse();
	}

	@Test
	void manyDistinctPeersAreJudgedAlike() {
		for (int i = 0; i < 1000; i++) {
			assertThat(this.proxies.isTrusted("10.0." + (i / 256) + "." + (i % 256))).isTrue();
			assertThat(this.proxies.isTrusted("11.0." + (i / 256) + "." + (i % 256))).isFalse();
		}
		assertThat(this.proxies.isTrusted(null)).isFalse();
	}

	private static MockUpgradeRequest forwarded(String peer) {
		return MockUpgradeRequest.get("/").protocol(HttpProtocol.HTTP_1_1).remoteAddress(peer)
			.header("X-Forwarded-For", "203.0.113.9");
	}

}
