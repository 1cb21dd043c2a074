package io.github.upgraderequired.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpClient.Version;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TLS scenarios every stack must pass, over real TLS with the test certificate (an SSL
 * bundle) and clients limited to one TLS version; HTTP/2 over TLS is negotiated with ALPN.
 */
abstract class AbstractTlsEndToEndTests {

	private static final String TRUSTED_PEER = "127.0.0.1";

	private static final String UNTRUSTED_PEER = "127.0.0.2";

	@LocalServerPort
	int port;

	@Test
	void aTls12ClientIsTold426ByATls13Rule() throws Exception {
		HttpResult response = get("TLSv1.2", Version.HTTP_1_1, "/tls/hello");
		assertThat(response.status()).isEqualTo(426);
		assertThat(response.header("Upgrade")).isEqualTo("TLS/1.3");
		assertThat(response.header("Connection")).isEqualTo("Upgrade");
		assertThat(response.body()).contains("\"minimum\":\"TLSv1.3\"").contains("\"current\":\"TLSv1.2\"");
	}

	@Test
	void aTls13ClientPasses() throws Exception {
		HttpResult response = get("TLSv1.3", Version.HTTP_1_1, "/tls/hello");
		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void aTls12ClientIsWarnedByATls13RuleInItsGracePeriod() throws Exception {
		HttpResult response = get("TLSv1.2", Version.HTTP_1_1, "/tls-warn/hello");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Deprecation")).isEqualTo("@1577836800");
		assertThat(response.header("Sunset")).isEqualTo("Mon, 05 Jan 2099 00:00:00 GMT");
	}

	@Test
	void overHttp2TheTlsVersionIsStillRead() throws Exception {
		HttpResult old = get("TLSv1.2", Version.HTTP_2, "/tls/hello");
		assertThat(old.protocol()).isEqualTo("HTTP/2");
		assertThat(old.status()).isEqualTo(426);
		assertThat(old.hasHeader("Upgrade")).isFalse();
		assertThat(old.body()).contains("\"upgrade\":[\"TLS/1.3\"]").contains("\"current\":\"TLSv1.2\"");
		HttpResult current = get("TLSv1.3", Version.HTTP_2, "/tls/hello");
		assertThat(current.protocol()).isEqualTo("HTTP/2");
		assertThat(current.status()).isEqualTo(200);
	}

	@Test
	void http11OverTlsToAnHttp2OnlyPathIsToldHttp2AndAlpn() throws Exception {
		HttpResult response = get("TLSv1.3", Version.HTTP_1_1, "/h2/hello");
		assertThat(response.status()).isEqualTo(426);
		assertThat(response.header("Upgrade")).isEqualTo("HTTP/2.0");
		assertThat(response.body()).contains("\"upgrade\":[\"HTTP/2.0\"]").contains("ALPN");
	}

	@Test
	void http2OverTlsToAnHttp2OnlyPathPasses() throws Exception {
		HttpResult response = get("TLSv1.3", Version.HTTP_2, "/h2/hello");
		assertThat(response.protocol()).isEqualTo("HTTP/2");
		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void httpsSatisfiesTheHttpsRule() throws Exception {
		assertThat(get("TLSv1.2", Version.HTTP_1_1, "/secure/hello").status()).isEqualTo(200);
	}

	@Test
	void curlLimitedToTls12IsTold426OverHttp11AndHttp2() throws Exception {
		String url = "https://127.0.0.1:" + this.port + "/tls/hello";
		String caCert = Http.class.getResource("/tls/cert.pem").getPath();
		HttpResult http11 = Http.curl(url, "--http1.1", "--tlsv1.2", "--tls-max", "1.2", "--cacert", caCert);
		assertThat(http11.status()).isEqualTo(426);
		assertThat(http11.header("Upgrade")).isEqualTo("TLS/1.3");
		// curl offers h2 with ALPN by default: the same answer, without connection headers
		HttpResult http2 = Http.curl(url, "--tlsv1.2", "--tls-max", "1.2", "--cacert", caCert);
		assertThat(http2.protocol()).isEqualTo("HTTP/2");
		assertThat(http2.status()).isEqualTo(426);
		assertThat(http2.hasHeader("Upgrade")).isFalse();
		assertThat(http2.body()).contains("\"current\":\"TLSv1.2\"");
	}

	@Test
	void aTlsVersionClaimedByAnUntrustedPeerIsNeverBelieved() throws Exception {
		// Had the claim been believed, the TLS 1.2 client would pass: its connection counts.
		HttpResult claimed = Http.rawTls(UNTRUSTED_PEER, this.port, "TLSv1.2",
				forwarded("/tls-strict/hello", "TLSv1.3"));
		assertThat(claimed.status()).isEqualTo(426);
		assertThat(claimed.header("Upgrade")).isEqualTo("TLS/1.3");
		assertThat(claimed.body()).contains("\"rule\":\"tls-1-3-strict\"").contains("\"current\":\"TLSv1.2\"");
	}

	@Test
	void aTlsVersionClaimedByTheTrustedProxyIsWhatCounts() throws Exception {
		HttpResult upgraded = Http.rawTls(TRUSTED_PEER, this.port, "TLSv1.2",
				forwarded("/tls-strict/hello", "TLSv1.3"));
		assertThat(upgraded.status()).isEqualTo(200);
		HttpResult old = Http.rawTls(TRUSTED_PEER, this.port, "TLSv1.3", forwarded("/tls-strict/hello", "TLSv1.2"));
		assertThat(old.status()).isEqualTo(426);
		assertThat(old.body()).contains("\"current\":\"TLSv1.2\"");
	}

	/**
	 * A direct client that adds forwarding headers is still judged by its connection: no
	 * header lets it skip the TLS floor.
	 */
	@Test
	void aDirectTls12ClientThatAddsAForwardingHeaderIsStillRefused() throws Exception {
		assertThat(Http.rawTls(UNTRUSTED_PEER, this.port, "TLSv1.2", direct("/tls/hello")).status()).isEqualTo(426);
		HttpResult claimed = Http.rawTls(UNTRUSTED_PEER, this.port, "TLSv1.2", forwarded("/tls/hello", "TLSv1.3"));
		assertThat(claimed.status()).isEqualTo(426);
		assertThat(claimed.body()).contains("\"current\":\"TLSv1.2\"");
	}

	@Test
	void aRefusalOverTlsKeepsItsUpgradeConnectionOptionOnAConnectionThatCloses() throws Exception {
		HttpResult refused = Http.rawTls(UNTRUSTED_PEER, this.port, "TLSv1.2", direct("/tls/hello"));
		assertThat(refused.status()).isEqualTo(426);
		assertThat(refused.header("Upgrade")).isEqualTo("TLS/1.3");
		assertThat(refused.connectionOptions()).contains("upgrade", "close");
	}

	private static String direct(String path) {
		return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\nConnection: close\r\n\r\n";
	}

	private static String forwarded(String path, String claimedTls) {
		return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
				+ "X-Forwarded-For: 203.0.113.7\r\nX-Forwarded-Tls-Version: " + claimedTls
				+ "\r\nConnection: close\r\n\r\n";
	}

	private HttpResult get(String tls, Version version, String path) throws Exception {
		HttpClient client = Http.tlsClient(tls, version);
		return Http.send(client, URI.create("https://127.0.0.1:" + this.port + path), "GET", "Accept",
				"application/json");
	}

}
