package io.github.upgraderequired.e2e;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults of the application's own beans, over real sockets: a rule bean that throws (let
 * through by default, refused with {@code upgrade-required.fail-closed}; logged once and
 * counted either way) and a renderer that throws (a plain, complete upgrade response; a
 * request that goes through goes without the warnings), and clients that leave before the
 * answer (no error or warning logged). Each subclass runs
 * {@link EndToEndApplication} with {@link FaultyBeans}; only one test here makes the rule
 * throw, since it is logged once per application.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractFaultsEndToEndTests {

	private static final String RULE_LOG = "Rule 'exploding' threw while checking a request";

	private static final String RENDER_LOG = "FailingRenderer failed to render the upgrade response";

	private static final String PASS_HEADERS_LOG = "FailingRenderer failed to add the warning headers";

	private static final int REQUESTS = 5;

	/**
	 * The address of the clients that reset their connections, which no other client uses.
	 */
	private static final String RESETTING_PEER = "127.0.0.3";

	private static final String SECURE_FALLBACK = "426 Upgrade Required\n\nUpgrade: TLS/1.3, TLS/1.2\n";

	private final boolean failClosed;

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meterRegistry;

	@Autowired
	ApplicationContext context;

	AbstractFaultsEndToEndTests(boolean failClosed) {
		this.failClosed = failClosed;
	}

	@Test
	void aRuleThatThrowsIsLoggedOnceAndCountedAsAnErrorForEachRequest(CapturedOutput output) throws Exception {
		double errors = count(FaultyBeans.EXPLODING_RULE, "error");
		double rejected = count(FaultyBeans.EXPLODING_RULE, "rejected");
		for (int i = 0; i < REQUESTS; i++) {
			HttpResult response = Http.raw(this.port,
					"GET /open/hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
			if (this.failClosed) {
				assertComplete(response);
				assertThat(response.status()).isEqualTo(426);
				assertThat(response.header("Upgrade")).isEqualTo("Example/2");
				assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
				assertThat(response.body()).contains("\"upgrade\":[\"Example/2\"]")
					.contains("\"rule\":\"exploding\"")
					.contains("could not be checked by rule 'exploding'");
			}
			else {
				assertThat(response.status()).isEqualTo(200);
				assertThat(response.body()).isEqualTo("{\"message\":\"hello\"}");
			}
		}
		assertThat(output.getOut().split(RULE_LOG, -1)).hasSize(2);
		assertThat(output).contains(this.failClosed ? "the request is refused" : "the request is let through")
			.contains("The exploding rule exploded");
		assertThat(count(FaultyBeans.EXPLODING_RULE, "error") - errors).isEqualTo(REQUESTS);
		assertThat(count(FaultyBeans.EXPLODING_RULE, "rejected") - rejected).isZero();
	}

	// One test for every answer the failing renderer leaves, since its failure is logged
	// at WARN once per application.
	@Test
	void aRendererThatThrowsLeavesAPlainCompleteUpgradeResponse(CapturedOutput output) throws Exception {
		double rejected = count("secure", "rejected");
		for (int i = 0; i < REQUESTS; i++) {
			HttpResult response = Http.rawOne(this.port, "GET /secure/hello HTTP/1.1\r\nHost: localhost\r\n"
					+ "Accept: text/html\r\n" + FaultyBeans.FAIL_RENDER_HEADER + ": yes\r\n\r\n");
			assertComplete(response);
			assertThat(response.protocol()).isEqualTo("HTTP/1.1");
			assertThat(response.status()).isEqualTo(426);
			assertThat(response.header("Upgrade")).isEqualTo("TLS/1.3, TLS/1.2");
			assertThat(response.header("Connection")).isEqualTo("Upgrade");
			assertThat(response.header("Cache-Control")).isEqualTo("no-store");
			assertThat(response.header("Content-Type")).isEqualTo("text/plain;charset=UTF-8");
			assertThat(response.body()).isEqualTo(SECURE_FALLBACK);
		}
		assertThat(count("secure", "rejected") - rejected).isEqualTo(REQUESTS);
		HttpResult head = Http.raw(this.port, "HEAD /secure/hello HTTP/1.1\r\nHost: localhost\r\n"
				+ FaultyBeans.FAIL_RENDER_HEADER + ": yes\r\nConnection: close\r\n\r\n");
		assertThat(head.status()).isEqualTo(426);
		assertThat(head.header("Upgrade")).isEqualTo("TLS/1.3, TLS/1.2");
		assertThat(head.header("Content-Length")).isEqualTo(Integer.toString(SECURE_FALLBACK.length()));
		assertThat(head.body()).isEmpty();
		// Over HTTP/1.0 the HTTP-version rule rejects first: Upgrade without Connection.
		HttpResult http10 = Http.http10(this.port, "GET", "/secure/hello", FaultyBeans.FAIL_RENDER_HEADER, "yes");
		assertComplete(http10);
		assertThat(http10.status()).isEqualTo(426);
		assertThat(http10.header("Upgrade")).isEqualTo("HTTP/1.1");
		assertThat(http10.headers("Connection")).noneMatch((value) -> value.contains("Upgrade"));
		assertThat(http10.body()).isEqualTo("426 Upgrade Required\n\nUpgrade: HTTP/1.1\n");
		// Over HTTP/2 neither Upgrade nor Connection.
		HttpResult http2 = Http.curl("http://127.0.0.1:" + this.port + "/secure/hello", "--http2-prior-knowledge",
				"-H", FaultyBeans.FAIL_RENDER_HEADER + ": yes");
		assertThat(http2.protocol()).isEqualTo("HTTP/2");
		assertThat(http2.status()).isEqualTo(426);
		assertThat(http2.hasHeader("Upgrade")).isFalse();
		assertThat(http2.hasHeader("Connection")).isFalse();
		assertThat(http2.header("Content-Length")).isEqualTo(Integer.toString(SECURE_FALLBACK.length()));
		assertThat(http2.body()).isEqualTo(SECURE_FALLBACK);
		assertThat(output.getOut().split(RENDER_LOG, -1)).hasSize(2);
		assertThat(output).contains("The renderer failed to render");
	}

	@Test
	void aRendererThatThrowsOnAWarnedRequestLetsItThroughWithoutTheWarnings(CapturedOutput output) throws Exception {
		double warned = count("deprecated", "warned");
		for (int i = 0; i < REQUESTS; i++) {
			HttpResult response = Http.raw(this.port,
					"GET /deprecated/hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
			assertComplete(response);
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("{\"message\":\"hello\"}");
			assertThat(response.hasHeader("Deprecation")).isFalse();
			assertThat(response.hasHeader("Sunset")).isFalse();
		}
		assertThat(output.getOut().split(PASS_HEADERS_LOG, -1)).hasSize(2);
		assertThat(output).contains("The renderer failed to add the warnings");
		assertThat(count("deprecated", "warned") - warned).isEqualTo(REQUESTS);
	}

	@Test
	void aRendererThatDoesNotThrowStillAnswersAsUsual() throws Exception {
		HttpResult response = Http.http11(this.port, "GET", "/secure/hello");
		assertThat(response.status()).isEqualTo(426);
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(response.body()).contains("\"rule\":\"secure\"");
	}

	@Test
	void clientsThatResetTheConnectionBeforeTheAnswerCauseNoErrorLogs(CapturedOutput output) throws Exception {
		for (int i = 0; i < 300; i++) {
			try (Socket socket = new Socket()) {
				socket.bind(new InetSocketAddress(RESETTING_PEER, 0));
				socket.connect(new InetSocketAddress("127.0.0.1", this.port));
				// Closing with a zero linger resets the connection, so that writing the answer may fail.
				socket.setSoLinger(true, 0);
				socket.getOutputStream()
					.write("GET /secure/hello HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n\r\n"
						.getBytes(StandardCharsets.ISO_8859_1));
				socket.getOutputStream().flush();
			}
		}
		// The server still answers; on a new connection, so it has accepted every one above first.
		assertThat(Http.raw(this.port, "GET /secure/hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
			.status()).isEqualTo(426);
		// Once it has let go of the last of them, all it could log about them is logged.
		ServerConnections.awaitNoneFrom(this.context, RESETTING_PEER, Duration.ofSeconds(30));
		assertThat(output.getAll().lines()).noneMatch((line) -> line.contains(" ERROR ") || line.contains(" WARN "));
	}

	/**
	 * Assert that a response read until the server closed the connection is whole: a
	 * status line, and a body of exactly the announced length.
	 */
	private static void assertComplete(HttpResult response) {
		assertThat(response.protocol()).startsWith("HTTP/1.");
		assertThat(response.hasHeader("Transfer-Encoding")).isFalse();
		assertThat(response.header("Content-Length")).isNotNull();
		assertThat(Integer.parseInt(response.header("Content-Length")))
			.isEqualTo(response.body().getBytes(StandardCharsets.UTF_8).length);
	}

	private double count(String rule, String outcome) {
		return Meters.count(this.meterRegistry, rule, outcome);
	}

}
