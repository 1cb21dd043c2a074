package io.github.upgraderequired.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample starts on each stack, plain and with its {@code tls} profile, and answers the
 * protocol rows of the demo contract over real sockets.
 */
class SampleApplicationTests {

	@ParameterizedTest
	@ValueSource(strings = { "default", "webflux" })
	void answersThePlainRowsOfTheDemoContract(String profile) throws Exception {
		try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class,
				"--server.port=0", "--spring.profiles.active=" + profile)) {
			WebServerApplicationContext web = (WebServerApplicationContext) context;
			assertThat(web.getWebServer().getClass().getSimpleName())
				.isEqualTo(profile.equals("webflux") ? "NettyWebServer" : "TomcatWebServer");
			int port = web.getWebServer().getPort();
			String http10 = exchange(port, "GET / HTTP/1.0\r\nHost: localhost\r\n\r\n");
			assertThat(http10).matches("(?s)HTTP/1\\.[01] 426.*").containsIgnoringCase("\r\nUpgrade: HTTP/1.1\r\n");
			String health = exchange(port, "GET /actuator/health HTTP/1.0\r\nHost: localhost\r\n\r\n");
			assertThat(health).matches("(?s)HTTP/1\\.[01] 200.*").contains("\"status\":\"UP\"");
			String secure = exchange(port, "GET /secure/hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
			assertThat(secure).startsWith("HTTP/1.1 426")
				.contains("\r\nUpgrade: TLS/1.3, TLS/1.2\r\n")
				.contains("\"rule\":\"secure\"");
			String http2 = exchange(port, "GET /h2/hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
			assertThat(http2).startsWith("HTTP/1.1 426").contains("\r\nUpgrade: h2c, HTTP/2.0\r\n");
			String webSocket = exchange(port, "GET /ws/echo HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
			assertThat(webSocket).startsWith("HTTP/1.1 426").contains("\r\nUpgrade: websocket\r\n");
			assertThat(echo(port)).isEqualTo("ping");
			assertVersionRows(port);
			assertActuatorRows(port);
			String index = exchange(port, "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
			assertThat(index).startsWith("HTTP/1.1 200").contains("upgrade-required sample");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "tls", "webflux,tls" })
	void answersTheTlsRowsOfTheDemoContract(String profiles) throws Exception {
		try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class,
				"--server.port=0", "--spring.profiles.active=" + profiles)) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			HttpResponse<String> tls12 = get(client("TLSv1.2", HttpClient.Version.HTTP_1_1), port, "/tls/hello");
			assertThat(tls12.statusCode()).isEqualTo(426);
			assertThat(tls12.headers().firstValue("Upgrade")).hasValue("TLS/1.3");
			assertThat(tls12.body()).contains("\"current\":\"TLSv1.2\"");
			HttpResponse<String> tls13 = get(client("TLSv1.3", HttpClient.Version.HTTP_2), port, "/tls/hello");
			assertThat(tls13.statusCode()).isEqualTo(200);
			assertThat(tls13.version()).isEqualTo(HttpClient.Version.HTTP_2);
			assertThat(get(client("TLSv1.2", HttpClient.Version.HTTP_1_1), port, "/secure/hello").statusCode())
				.isEqualTo(200);
			HttpResponse<String> http11 = get(client("TLSv1.3", HttpClient.Version.HTTP_1_1), port, "/h2/hello");
			assertThat(http11.statusCode()).isEqualTo(426);
			assertThat(http11.headers().firstValue("Upgrade")).hasValue("HTTP/2.0");
		}
	}

	private static void assertVersionRows(int port) throws Exception {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		assertThat(plain(client, port, "/api/hello", "API-Version", "1").statusCode()).isEqualTo(426);
		assertThat(plain(client, port, "/api/hello", "API-Version", "2").statusCode()).isEqualTo(200);
		HttpResponse<String> oldApp = plain(client, port, "/app/hello", "X-App-Platform", "ios", "X-App-Version",
				"5.1.9");
		assertThat(oldApp.statusCode()).isEqualTo(426);
		assertThat(oldApp.body()).contains("\"upgradeUrl\":\"https://apps.apple.com/");
		assertThat(plain(client, port, "/app/hello", "X-App-Platform", "ios", "X-App-Version", "5.2.0").statusCode())
			.isEqualTo(200);
		HttpResponse<String> internetExplorer = plain(client, port, "/web/", "User-Agent",
				"Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko", "Accept", "text/html");
		assertThat(internetExplorer.statusCode()).isEqualTo(426);
		assertThat(internetExplorer.body()).contains("Please upgrade your browser to continue");
		assertThat(plain(client, port, "/web/", "User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) "
				+ "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36", "Accept", "text/html")
			.statusCode()).isEqualTo(200);
		HttpResponse<String> beta = plain(client, port, "/beta/hello", "X-App-Platform", "ios", "X-App-Version",
				"5.9.0");
		assertThat(beta.statusCode()).isEqualTo(200);
		assertThat(beta.headers().firstValue("Deprecation")).hasValueSatisfying((value) -> value.startsWith("@"));
		assertThat(beta.headers().firstValue("Sunset")).isPresent();
	}

	private static void assertActuatorRows(int port) throws Exception {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpResponse<String> rules = plain(client, port, "/actuator/upgraderequired");
		assertThat(rules.statusCode()).isEqualTo(200);
		for (String rule : new String[] { "http-1-1", "secure", "tls-1-3", "http2", "websocket", "api", "mobile-app",
				"browsers", "beta-app" }) {
			assertThat(rules.body()).contains("\"name\":\"" + rule + "\"");
		}
		assertThat(rules.body()).contains("\"modeNow\":\"warn\"").contains("\"counts\":{\"rejected\":");
		HttpResponse<String> prometheus = plain(client, port, "/actuator/prometheus");
		assertThat(prometheus.statusCode()).isEqualTo(200);
		assertThat(prometheus.body()).containsPattern(
				"(?m)^upgrade_required_requests_total\\{client=\"other\",outcome=\"rejected\",rule=\"api\",type=\"api-version\"} 1\\.0$");
	}

	private static HttpResponse<String> plain(HttpClient client, int port, String path, String... headers)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String echo(int port) throws Exception {
		CompletableFuture<String> echoed = new CompletableFuture<>();
		WebSocket webSocket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/echo"), new WebSocket.Listener() {

				@Override
				public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
					echoed.complete(data.toString());
					return null;
				}

			})
			.get(10, TimeUnit.SECONDS);
		webSocket.sendText("ping", true).get(10, TimeUnit.SECONDS);
		String reply = echoed.get(10, TimeUnit.SECONDS);
		webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
		return reply;
	}

	private static HttpResponse<String> get(HttpClient client, int port, String path) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A client that trusts the sample's development certificate and speaks one TLS
	 * version.
	 */
	private static HttpClient client(String tlsVersion, HttpClient.Version version) throws Exception {
		KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
		trust.load(null, null);
		try (InputStream in = SampleApplicationTests.class.getResourceAsStream("/dev-tls/cert.pem")) {
			trust.setCertificateEntry("sample", CertificateFactory.getInstance("X.509").generateCertificate(in));
		}
		TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(trust);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trustManagers.getTrustManagers(), null);
		SSLParameters parameters = new SSLParameters();
		parameters.setProtocols(new String[] { tlsVersion });
		return HttpClient.newBuilder().version(version).sslContext(context).sslParameters(parameters).build();
	}

	private static String exchange(int port, String request) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(10000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream response = new ByteArrayOutputStream();
			in.transferTo(response);
			return response.toString(StandardCharsets.UTF_8);
		}
	}

}
