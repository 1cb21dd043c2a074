package io.github.upgraderequired.sample;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code tls} rows of the demo contract against the packaged sample serving HTTPS
 * with its development certificate: clients limited to TLS 1.2 are turned away from
 * {@code /tls/**}, TLS 1.3 passes, over HTTP/1.1 and over h2.
 */
abstract class AbstractTlsSampleIT extends AbstractSampleIT {

	private static final String CA = Clients.DEV_CERTIFICATE.toString();

	@Override
	protected HttpResponse<String> actuator(String path) throws Exception {
		return Clients.get(Clients.jdkTls("TLSv1.3", HttpClient.Version.HTTP_2), this.app.httpsUrl("/actuator" + path));
	}

	@Test
	void tls12IsTurnedAwayFromTheTlsPath() throws Exception {
		HttpText http11 = rejectedBy("tls-1-3", Clients.curl("--cacert", CA, "--http1.1", "--tlsv1.2", "--tls-max",
				"1.2", this.app.httpsUrl("/tls/hello")));
		assertThat(http11.header("Upgrade")).isEqualTo("TLS/1.3");
		assertThat(http11.header("Connection")).containsIgnoringCase("upgrade");
		assertThat(http11.body()).contains("\"current\":\"TLSv1.2\"");
		HttpText h2 = rejectedBy("tls-1-3",
				Clients.curl("--cacert", CA, "--tlsv1.2", "--tls-max", "1.2", this.app.httpsUrl("/tls/hello")));
		assertThat(h2.version()).as("h2 chosen through ALPN").isEqualTo("HTTP/2");
		assertThat(h2.headerNames()).doesNotContain("connection", "upgrade");
		assertThat(h2.body()).contains("\"upgrade\":[\"TLS/1.3\"]").contains("\"current\":\"TLSv1.2\"");
		HttpResponse<String> jdk = rejectedBy("tls-1-3", Clients
			.get(Clients.jdkTls("TLSv1.2", HttpClient.Version.HTTP_1_1), this.app.httpsUrl("/tls/hello")));
		assertThat(jdk.headers().firstValue("Upgrade")).hasValue("TLS/1.3");
	}

	@Test
	void webSocketsOverTlsAreJudgedLikeTheOthers() throws Exception {
		String wss = this.app.httpsUrl("/ws/echo").replaceFirst("^https:", "wss:");
		assertThat(Clients.echo(Clients.jdkTls("TLSv1.3", HttpClient.Version.HTTP_1_1), wss, "over tls 1.3"))
			.isEqualTo("over tls 1.3");
		// No TLS-version rule on /ws/**: a TLS 1.2 client gets its WebSocket too.
		assertThat(Clients.echo(Clients.jdkTls("TLSv1.2", HttpClient.Version.HTTP_1_1), wss, "over tls 1.2"))
			.isEqualTo("over tls 1.2");
		HttpText version8 = rejectedBy("websocket", Clients.curl("--cacert", CA, "--http1.1", "-H",
				"Upgrade: websocket", "-H", "Connection: Upgrade", "-H", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
				"-H", "Sec-WebSocket-Version: 8", this.app.httpsUrl("/ws/echo")));
		assertThat(version8.header("Upgrade")).isEqualTo("websocket");
		assertThat(version8.header("Sec-WebSocket-Version")).isEqualTo("13");
		HttpText plainGet = rejectedBy("websocket", Clients.curl("--cacert", CA, this.app.httpsUrl("/ws/echo")));
		assertThat(plainGet.version()).as("h2 chosen through ALPN").isEqualTo("HTTP/2");
		assertThat(plainGet.headerNames()).doesNotContain("connection", "upgrade");
		assertThat(plainGet.body()).contains("\"upgrade\":[\"websocket\"]");
	}

	@Test
	void tls13PassesOverHttp2AndHttp11() throws Exception {
		HttpText h2 = passed(Clients.curl("--cacert", CA, "--tlsv1.3", this.app.httpsUrl("/tls/hello")));
		assertThat(h2.version()).isEqualTo("HTTP/2");
		passed(Clients.curl("--cacert", CA, "--http1.1", "--tlsv1.3", this.app.httpsUrl("/tls/hello")));
		HttpResponse<String> jdk = passed(Clients
			.get(Clients.jdkTls("TLSv1.3", HttpClient.Version.HTTP_2), this.app.httpsUrl("/tls/hello")));
		assertThat(jdk.version()).isEqualTo(HttpClient.Version.HTTP_2);
	}

	@Test
	void theSecurePathPassesOverHttpsWhateverTheTlsVersion() throws Exception {
		passed(Clients.curl("--cacert", CA, "--tlsv1.2", "--tls-max", "1.2", this.app.httpsUrl("/secure/hello")));
		passed(Clients.get(Clients.jdkTls("TLSv1.3", HttpClient.Version.HTTP_1_1),
				this.app.httpsUrl("/secure/hello")));
	}

	@Test
	void http11OverTlsIsToldToNegotiateHttp2() throws Exception {
		HttpText http11 = rejectedBy("http2",
				Clients.curl("--cacert", CA, "--http1.1", this.app.httpsUrl("/h2/hello")));
		assertThat(http11.header("Upgrade")).isEqualTo("HTTP/2.0");
		assertThat(http11.body()).contains("ALPN");
		HttpText h2 = passed(Clients.curl("--cacert", CA, "--http2", this.app.httpsUrl("/h2/hello")));
		assertThat(h2.version()).isEqualTo("HTTP/2");
	}

	@Test
	void http10OverTlsIsTurnedAway() throws Exception {
		HttpText http10 = rejectedBy("http-1-1", Clients.curl("--cacert", CA, "--http1.0", this.app.httpsUrl("/")));
		assertThat(http10.header("Upgrade")).isEqualTo("HTTP/1.1");
		passed(Clients.curl("--cacert", CA, "--http1.0", this.app.httpsUrl("/actuator/health")));
	}

	@Test
	void theVersionRulesWorkOverH2() throws Exception {
		HttpText api = rejectedBy("api",
				Clients.curl("--cacert", CA, "-H", "API-Version: 1", this.app.httpsUrl("/api/hello")));
		assertThat(api.version()).isEqualTo("HTTP/2");
		assertThat(api.body()).contains("\"upgrade\":[\"API/2\"]");
		passed(Clients.curl("--cacert", CA, "-H", "API-Version: 2", this.app.httpsUrl("/api/hello")));
	}

}
