package io.github.upgraderequired.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import io.github.upgraderequired.core.Header;
import io.github.upgraderequired.core.HttpProtocol;
import io.github.upgraderequired.core.Outcome;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.event.UpgradeRequiredEvent;
import io.github.upgraderequired.test.MockUpgradeRequest;
import io.github.upgraderequired.test.UpgradeRequiredTester;
import io.github.upgraderequired.test.UpgradeResult;
import io.github.upgraderequired.web.UpgradePipeline;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.MethodMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The scenarios every stack must pass, over real sockets against the embedded server.
 * Subclasses choose the stack; expectations are written once, so both stacks answer
 * alike: same status, same named headers, same body.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractEndToEndTests {

	private static final String SECURE_PROBLEM = "{\"type\":\"about:blank\",\"title\":\"Upgrade Required\","
			+ "\"status\":426,\"detail\":\"This resource is only served over HTTPS.\",\"instance\":\"/secure/hello\","
			+ "\"upgrade\":[\"TLS/1.3\",\"TLS/1.2\"],\"rule\":\"secure\",\"minimum\":\"https\",\"current\":\"http\","
			+ "\"documentation\":\"https://example.com/docs/https\"}";

	/**
	 * A loopback address of its own, so that a request comes from a peer that is not the
	 * trusted proxy (127.0.0.1).
	 */
	private static final String UNTRUSTED_PEER = "127.0.0.2";

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meterRegistry;

	@Autowired
	ApplicationContext context;

	@Test
	void http10RequestIsAnswered426WithUpgradeHttp11() throws Exception {
		HttpResult response = Http.http10(this.port, "GET", "/");
		assertThat(response.status()).isEqualTo(426);
		assertThat(response.header("Upgrade")).isEqualTo("HTTP/1.1");
		assertThat(response.headers("Connection")).noneMatch((value) -> value.equalsIgnoreCase("Upgrade"));
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(response.body()).contains("\"upgrade\":[\"HTTP/1.1\"]")
			.contains("\"rule\":\"http-1-1\"")
			.contains("\"current\":\"HTTP/1.0\"");
	}

	@Test
	void rejectionsAndWarningsArePublishedAsEventsAndLoggedAtDebug(CapturedOutput output) throws Exception {
		Queue<UpgradeRequiredEvent> events = this.context.getBean(EndToEndApplication.Events.class).received;
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		logging.setLogLevel(UpgradeEngine.class.getName(), LogLevel.DEBUG);
		try {
			assertThat(Http.http11(this.port, "GET", "/secure/events").status()).isEqualTo(426);
			assertThat(Http.http11(this.port, "GET", "/deprecated/events").header("Deprecation")).isNotNull();
			// Refused by the application's CORS configuration: no 426, no event.
			int before = events.size();
			assertThat(Http.http11(this.port, "GET", "/secure/hello", "Origin", "https://evil.example.com").status())
				.isEqualTo(403);
			assertThat(events).hasSize(before);
		}
		finally {
			logging.setLogLevel(UpgradeEngine.class.getName(), null);
		}
		assertThat(events)
			.filteredOn((event) -> event.getPath().endsWith("/events"))
			.extracting(UpgradeRequiredEvent::getRuleName, UpgradeRequiredEvent::getOutcome, UpgradeRequiredEvent::getPath,
					UpgradeRequiredEvent::getClient)
			.containsExactly(tuple("secure", Outcome.REJECTED, "/secure/events", "other"),
					tuple("deprecated", Outcome.WARNED, "/deprecated/events", "other"));
		assertThat(output).containsOnlyOnce("Rule 'secure' rejected a request")
			.containsOnlyOnce("Rule 'deprecated' warned a request");
	}

	/**
	 * The test fixture (upgrade-required-test) gives what the server sends: the same status,
	 * the same header fields (beside those the application and the server add) and the same
	 * body.
	 */
	@ParameterizedTest(name = "{0} {1} {2} Accept: {3}")
	@CsvSource(nullValues = "none", textBlock = """
			GET,  /,                  HTTP/1.0, none
			HEAD, /,                  HTTP/1.0, text/html
			GET,  /secure/hello,      HTTP/1.1, text/plain
			GET,  /secure/hello,      HTTP/1.1, text/html
			GET,  /deprecated/hello,  HTTP/1.1, none
			GET,  /open/hello,        HTTP/1.1, none
			""")
	void theTestFixtureGivesWhatTheServerSends(String method, String path, String version, String accept)
			throws Exception {
		String request = method + " " + path + " " + version + "\r\nHost: localhost\r\n"
				+ ((accept != null) ? "Accept: " + accept + "\r\n" : "") + "\r\n";
		// The server closes an HTTP/1.0 connection after its answer, and keeps an HTTP/1.1 one.
		HttpResult sent = version.equals("HTTP/1.0") ? Http.raw(this.port, request) : Http.rawOne(this.port, request);
		UpgradeResult expected = UpgradeRequiredTester.of(this.context.getBean(UpgradePipeline.class))
			.process(MockUpgradeRequest.request(method, path)
				.protocol(HttpProtocol.parse(version))
				.host("localhost")
				.remoteAddress("127.0.0.1")
				.header("Accept", accept));
		if (expected.isRefused()) {
			assertThat(sent.status()).isEqualTo(expected.status());
			assertThat(sent.body()).isEqualTo(expected.body());
		}
		else {
			assertThat(sent.status()).isEqualTo(200);
		}
		// Each header field the tester gives is sent as it is; the application adds its own
		// (CORS's Vary fields here), the server its own (Date).
		for (Header header : expected.headers()) {
			assertThat(sent.headers(header.name())).as(header.name()).contains(header.value());
		}
	}

	/**
	 * RFC 9110, section 7.8: whoever sends Upgrade sends the upgrade connection option,
	 * also when the connection closes after the answer (Reactor Netty replaces the whole
	 * Connection field with close unless told otherwise).
	 */
	@Test
	void aRefusalKeepsItsUpgradeConnectionOptionOnAConnectionThatCloses() throws Exception {
		HttpResult closing = Http.raw(this.port,
				"GET /secure/hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(closing.status()).isEqualTo(426);
		assertThat(closing.header("Upgrade")).isEqualTo("TLS/1.3, TLS/1.2");
		assertThat(closing.connectionOptions()).contains("upgrade", "close");
		HttpResult kept = Http.rawOne(this.port, "GET /secure/hello HTTP/1.1\r\nHost: localhost\r\n\r\n");
		assertThat(kept.connectionOptions()).containsExactly("upgrade");
		// An HTTP/1.0 client is sent Upgrade only; a request let through keeps its own field.
		HttpResult http10 = Http.raw(this.port, "GET /secure/hello HTTP/1.0\r\nHost: localhost\r\n\r\n");
		assertThat(http10.status()).isEqualTo(426);
		assertThat(http10.connectionOptions()).doesNotContain("upgrade");
		HttpResult passed = Http.raw(this.port,
				"GET /open/hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(passed.status()).isEqualTo(200);
		assertThat(passed.connectionOptions()).doesNotContain("upgrade");
	}

	@Test
	void http10RequestToActuatorHealthIsAnswered200() throws Exception {
		HttpResult response = Http.http10(this.port, "GET", "/actuator/health");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void http11RequestToUnruledPathPasses() throws Exception {
		HttpResult response = Http.http11(this.port, "GET", "/open/hello");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"message\":\"hello\"}");
	}

	@Test
	void plainHttp11ToSecurePathIsAnswered426WithTlsTokensAndConnectionUpgrade() throws Exception {
		HttpResult response = Http.http11(this.port, "GET", "/secure/hello", "Accept", "application/json");
		assertThat(response.status()).isEqualTo(426);
		assertThat(response.header("Upgrade")).isEqualTo("TLS/1.3, TLS/1.2");
		assertThat(response.header("Connection")).isEqualTo("Upgrade");
		assertThat(response.header("Cache-Control")).isEqualTo("no-store");
		// The rule reads the exempt header, so caches must keep responses apart by it too.
		assertThat(response.vary()).contains("Accept", "X-Internal-Caller");
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(response.body()).isEqualTo(SECURE_PROBLEM);
	}

	@Test
	void plainHttpGetToRedirectingPathIsRedirectedWith308() throws Exception {
		HttpResult response = Http.http11(this.port, "GET", "/redirect/hello?a=1&b=%20");
		assertThat(response.status()).isEqualTo(308);
		assertThat(response.header("Location")).isEqualTo("https://127.0.0.1:8443/redirect/hello?a=1&b=%20");
		assertThat(response.body()).isEmpty();
	}

	@Test
	void plainHttpPostToRedirectingPathIsAnswered426() throws Exception {
		HttpResult response = Http.http11(this.port, "POST", "/redirect/hello");
		assertThat(response.status()).isEqualTo(426);
		assertThat(response.hasHeader("Location")).isFalse();
		assertThat(response.header("Upgrade")).isEqualTo("TLS/1.3, TLS/1.2");
	}

	@Test
	void h2cRequestReceivesWhole426WithoutConnectionOrUpgradeHeaders() throws Exception {
		HttpResult response = Http.curl(url("/secure/hello"), "--http2-prior-knowledge", "-H",
				"Accept: application/json");
		assertThat(response.status()).isEqualTo(426);
		assertThat(response.hasHeader("Upgrade")).isFalse();
		assertThat(response.hasHeader("Connection")).isFalse();
		assertThat(response.header("Cache-Control")).isEqualTo("no-store");
		assertThat(response.body()).isEqualTo(SECURE_PROBLEM);
	}

	@Test
	void h2cRequestToOpenPathPassesOverHttp2() throws Exception {
		HttpResult response = Http.curl(url("/open/hello"), "--http2-prior-knowledge");
		assertThat(response.protocol()).isEqualTo("HTTP/2");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"message\":\"hello\"}");
	}

	@Test
	void http10RequestWithAMethodTheHandlerDoesNotSupportIsStill426() throws Exception {
		HttpResult response = Http.http10(this.port, "POST", "/get-only", "Content-Length", "0");
		assertThat(response.status()).isEqualTo(426);
		assertThat(response.header("Upgrade")).isEqualTo("HTTP/1.1");
	}

	@Test
	void plainHttpWithAMethodTheHandlerDoesNotSupportIsStill426() throws Exception {
		HttpResult response = Http.http11(this.port, "DELETE", "/secure/get-only");
		assertThat(response.status()).isEqualTo(426);
		assertThat(response.header("Upgrade")).isEqualTo("TLS/1.3, TLS/1.2");
		assertThat(response.body()).contains("\"instance\":\"/secure/get-only\"");
	}

	@Test
	void aMethodTheHandlerDoesNotSupportIsRefusedAsUsualWhenNoRuleRejects() throws Exception {
		HttpResult response = Http.http11(this.port, "DELETE", "/get-only");
		assertThat(response.status()).isEqualTo(405);
	}

	@Test
	void aCrossOrigin426CarriesTheCorsHeadersOfTheApplication() throws Exception {
		HttpResult response = Http.http11(this.port, "GET", "/secure/hello", "Origin", "https://app.example.com");
		assertThat(response.status()).isEqualTo(426);
		assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
		assertThat(response.header("Upgrade")).isEqualTo("TLS/1.3, TLS/1.2");
		assertThat(response.body()).isEqualTo(SECURE_PROBLEM);
	}

	@Test
	void anOriginThatDoesNotParseGetsThe426WithoutCorsHeaders() throws Exception {
		// To a handler without CORS configuration: where there is one, Spring MVC itself
		// refuses such an origin with 403 before any interceptor.
		for (String origin : new String[] { "%%%", "http://[zz", "http://\u00e9.example" }) {
			for (String method : new String[] { "GET", "DELETE" }) {
				HttpResult response = Http.raw(this.port, method + " /secure/no-cors HTTP/1.1\r\nHost: localhost\r\n"
						+ "Origin: " + origin + "\r\nConnection: close\r\n\r\n");
				assertThat(response.status()).as("%s %s", method, origin).isEqualTo(426);
				assertThat(response.hasHeader("Access-Control-Allow-Origin")).isFalse();
			}
		}
	}

	@Test
	void aCrossOriginRequestFromAnOriginTheApplicationRefusesGetsSpringsOwn403() throws Exception {
		double rejected = count("secure", "rejected");
		HttpResult response = Http.http11(this.port, "GET", "/secure/hello", "Origin", "https://evil.example.com");
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.hasHeader("Access-Control-Allow-Origin")).isFalse();
		assertThat(response.hasHeader("Upgrade")).isFalse();
		// No 426 was sent, so none is counted, whichever stack or mode refused it.
		assertThat(count("secure", "rejected")).isEqualTo(rejected);
		assertThat(Http.http11(this.port, "GET", "/secure/hello", "Origin", "https://app.example.com").status())
			.isEqualTo(426);
		assertThat(count("secure", "rejected")).isEqualTo(rejected + 1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/json", "application/problem+json", "*/*", "" })
	void jsonAnyOrNoAcceptGetsProblemJson(String accept) throws Exception {
		String acceptHeader = accept.isEmpty() ? "" : "Accept: " + accept + "\r\n";
		HttpResult response = Http.raw(this.port, "GET /secure/hello HTTP/1.1\r\nHost: localhost\r\n" + acceptHeader
				+ "Connection: close\r\n\r\n");
		assertThat(response.status()).isEqualTo(426);
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(response.body()).isEqualTo(SECURE_PROBLEM);
	}

	@Test
	void browserAcceptGetsHtmlPageNamingTheTokens() throws Exception {
		HttpResult response = Http.http11(this.port, "GET", "/secure/hello", "Accept",
				"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
		assertThat(response.status()).isEqualTo(426);
		assertThat(response.header("Content-Type")).isEqualTo("text/html;charset=UTF-8");
		assertThat(response.body()).startsWith("<!DOCTYPE html>")
			.contains("<h1>Please upgrade to continue</h1>")
			.contains("TLS/1.3, TLS/1.2")
			.contains("href=\"https://example.com/docs/https\"");
	}

	@Test
	void textPlainAcceptGetsTextNamingTheTokens() throws Exception {
		HttpResult response = Http.http11(this.port, "GET", "/secure/hello", "Accept", "text/plain");
		assertThat(response.status()).isEqualTo(426);
		assertThat(response.header("Content-Type")).isEqualTo("text/plain;charset=UTF-8");
		assertThat(response.body()).startsWith("426 Upgrade Required\n").contains("Upgrade: TLS/1.3, TLS/1.2\n");
	}

	@Test
	void headRequestGets426WithoutBody() throws Exception {
		HttpResult response = Http.http11(this.port, "HEAD", "/secure/hello");
		assertThat(response.status()).isEqualTo(426);
		assertThat(response.header("Upgrade")).isEqualTo("TLS/1.3, TLS/1.2");
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(response.header("Content-Length")).isEqualTo(Integer.toString(SECURE_PROBLEM.length()));
		assertThat(response.body()).isEmpty();
	}

	@Test
	void warnModePassesWithDeprecationSunsetAndLink() throws Exception {
		double before = count("deprecated", "warned");
		HttpResult response = Http.http11(this.port, "GET", "/deprecated/hello");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"message\":\"hello\"}");
		assertThat(response.header("Deprecation")).isEqualTo("@1577836800");
		assertThat(response.header("Sunset")).isEqualTo("Mon, 05 Jan 2099 00:00:00 GMT");
		assertThat(response.header("Link")).isEqualTo(
				"<https://example.com/docs/deprecated>; rel=\"deprecation\"; type=\"text/html\", "
						+ "<https://example.com/docs/deprecated>; rel=\"sunset\"; type=\"text/html\"");
		assertThat(count("deprecated", "warned")).isEqualTo(before + 1);
	}

	@Test
	void reportModeChangesNothingOnTheWireAndCountsReported() throws Exception {
		double before = count("shadow", "reported");
		HttpResult reported = Http.http11(this.port, "GET", "/shadow/hello");
		HttpResult open = Http.http11(this.port, "GET", "/open/hello");
		assertThat(reported.status()).isEqualTo(200);
		assertThat(reported.body()).isEqualTo(open.body());
		reported.headers().remove("date");
		open.headers().remove("date");
		assertThat(reported.headers()).isEqualTo(open.headers());
		assertThat(count("shadow", "reported")).isEqualTo(before + 1);
	}

	@Test
	void enforceModeCountsRejected() throws Exception {
		double before = count("secure", "rejected");
		Http.http11(this.port, "GET", "/secure/hello");
		Http.http11(this.port, "GET", "/secure/hello");
		assertThat(count("secure", "rejected")).isEqualTo(before + 2);
	}

	@Test
	void corsPreflightToRejectingPathIsNotRejected() throws Exception {
		HttpResult response = Http.raw(this.port, "OPTIONS /secure/hello HTTP/1.1\r\nHost: localhost\r\n"
				+ "Origin: https://app.example.com\r\nAccess-Control-Request-Method: GET\r\nConnection: close\r\n\r\n");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
		assertThat(response.hasHeader("Upgrade")).isFalse();
	}

	@Test
	void exemptHeaderPassesAndAWrongValueDoesNot() throws Exception {
		HttpResult exempt = Http.http11(this.port, "GET", "/secure/hello", "X-Internal-Caller", "s3cret");
		assertThat(exempt.status()).isEqualTo(200);
		assertThat(exempt.vary()).contains("X-Internal-Caller");
		HttpResult wrong = Http.http11(this.port, "GET", "/secure/hello", "X-Internal-Caller", "guess");
		assertThat(wrong.status()).isEqualTo(426);
	}

	@Test
	void exemptAddressRangePasses() throws Exception {
		HttpResult response = Http.http11(this.port, "GET", "/internal/hello");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"message\":\"hello\"}");
	}

	@Test
	void http11ToAnHttp2OnlyPathIsTold426WithH2cAndHttp2() throws Exception {
		HttpResult response = Http.http11(this.port, "GET", "/h2/hello", "Accept", "application/json");
		assertThat(response.status()).isEqualTo(426);
		assertThat(response.header("Upgrade")).isEqualTo("h2c, HTTP/2.0");
		assertThat(response.header("Connection")).isEqualTo("Upgrade");
		assertThat(response.body()).contains("\"upgrade\":[\"h2c\",\"HTTP/2.0\"]")
			.contains("\"current\":\"HTTP/1.1\"")
			.contains("prior knowledge");
	}

	@Test
	void h2cWithPriorKnowledgeToAnHttp2OnlyPathPasses() throws Exception {
		HttpResult response = Http.curl(url("/h2/hello"), "--http2-prior-knowledge");
		assertThat(response.protocol()).isEqualTo("HTTP/2");
		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void plainGetToAWebSocketOnlyPathIsTold426WithUpgradeWebsocket() throws Exception {
		HttpResult response = Http.http11(this.port, "GET", "/ws/echo");
		assertThat(response.status()).isEqualTo(426);
		assertThat(response.header("Upgrade")).isEqualTo("websocket");
		assertThat(response.header("Connection")).isEqualTo("Upgrade");
		assertThat(response.header("Sec-WebSocket-Version")).isEqualTo("13");
		assertThat(response.vary()).contains("Upgrade", "Sec-WebSocket-Version");
	}

	@Test
	void aVersion8HandshakeIsTold426WithSecWebSocketVersion13() throws Exception {
		HttpResult response = Http.rawOne(this.port, handshake("8"));
		assertThat(response.status()).isEqualTo(426);
		assertThat(response.header("Upgrade")).isEqualTo("websocket");
		assertThat(response.header("Sec-WebSocket-Version")).isEqualTo("13");
		assertThat(response.body()).contains("\"current\":\"WebSocket version 8\"");
	}

	@Test
	void aVersion13HandshakeIsSwitchedToWebSocket() throws Exception {
		HttpResult response = Http.rawOne(this.port, handshake("13"));
		assertThat(response.status()).isEqualTo(101);
		assertThat(response.header("Upgrade")).isEqualToIgnoringCase("websocket");
		assertThat(response.header("Sec-WebSocket-Accept")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
	}

	@Test
	void aWebSocketClientIsEchoed() throws Exception {
		CompletableFuture<String> echoed = new CompletableFuture<>();
		WebSocket webSocket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.buildAsync(URI.create("ws://127.0.0.1:" + this.port + "/ws/echo"), new WebSocket.Listener() {

				@Override
				public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
					echoed.complete(data.toString());
					return null;
				}

			})
			.get(10, TimeUnit.SECONDS);
		webSocket.sendText("hello, upgraded", true).get(10, TimeUnit.SECONDS);
		assertThat(echoed.get(10, TimeUnit.SECONDS)).isEqualTo("hello, upgraded");
		webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
	}

	// The WARN is logged once per application: this test starts from a fresh one.
	@Test
	@DirtiesContext(methodMode = MethodMode.BEFORE_METHOD)
	void aForwardedHttp10RequestFromAnUntrustedPeerIsJudgedByItsConnectionAndWarnedOnce(CapturedOutput output)
			throws Exception {
		String request = "GET /open/hello HTTP/1.0\r\nHost: localhost\r\nX-Forwarded-For: 203.0.113.7\r\n"
				+ "X-Forwarded-Http-Version: HTTP/1.1\r\n\r\n";
		HttpResult first = Http.raw(UNTRUSTED_PEER, this.port, request);
		HttpResult second = Http.raw(UNTRUSTED_PEER, this.port, request);
		assertThat(first.status()).isEqualTo(426);
		assertThat(second.status()).isEqualTo(426);
		assertThat(first.body()).contains("\"current\":\"HTTP/1.0\"");
		assertThat(output.getOut().split("which is not a trusted proxy", -1)).hasSize(2);
		assertThat(output).contains("Forwarding headers came from " + UNTRUSTED_PEER);
	}

	/**
	 * The rule on /internal/** exempts 127.0.0.0/8 and ::1: a client on the IPv6 loopback
	 * is exempt by its own address, while the rule on /secure/** still refuses it.
	 */
	@Test
	void anIpv6LoopbackClientIsExemptByItsAddress() throws Exception {
		Assumptions.assumeTrue(hasIpv6Loopback(), "this machine has no IPv6 loopback");
		String internal = "GET /internal/hello HTTP/1.1\r\nHost: [::1]\r\nConnection: close\r\n\r\n";
		assertThat(Http.rawTo("::1", this.port, internal).status()).isEqualTo(200);
		HttpResult secure = Http.rawTo("::1", this.port,
				"GET /secure/hello HTTP/1.1\r\nHost: [::1]\r\nAccept: application/json\r\nConnection: close\r\n\r\n");
		assertThat(secure.status()).isEqualTo(426);
		assertThat(secure.body()).contains("\"rule\":\"secure\"");
	}

	private static boolean hasIpv6Loopback() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Test
	void aForwardedRequestFromATrustedProxyIsJudgedByItsHeader() throws Exception {
		HttpResult old = Http.raw("127.0.0.1", this.port, "GET /open/hello HTTP/1.1\r\nHost: localhost\r\n"
				+ "X-Forwarded-For: 203.0.113.7\r\nX-Forwarded-Http-Version: HTTP/1.0\r\nConnection: close\r\n\r\n");
		assertThat(old.status()).isEqualTo(426);
		assertThat(old.body()).contains("\"current\":\"HTTP/1.0\"");
		assertThat(old.vary()).contains("X-Forwarded-Http-Version");
		// nginx speaks HTTP/1.0 to its upstreams: the client's own version is what counts.
		HttpResult current = Http.raw("127.0.0.1", this.port, "GET /open/hello HTTP/1.0\r\nHost: localhost\r\n"
				+ "X-Forwarded-For: 203.0.113.7\r\nX-Forwarded-Http-Version: HTTP/1.1\r\n\r\n");
		assertThat(current.status()).isEqualTo(200);
	}

	@Test
	void anOldApiVersionIsTold426WithTheApiToken() throws Exception {
		HttpResult old = Http.http11(this.port, "GET", "/api/hello", "API-Version", "1.9");
		assertThat(old.status()).isEqualTo(426);
		assertThat(old.header("Upgrade")).isEqualTo("API/2");
		assertThat(old.body()).contains("\"minimum\":\"2\"").contains("\"current\":\"1.9\"");
		assertThat(old.vary()).contains("API-Version");
		HttpResult current = Http.http11(this.port, "GET", "/api/hello", "API-Version", "v2.0.1");
		assertThat(current.status()).isEqualTo(200);
		assertThat(current.vary()).contains("API-Version");
	}

	@Test
	void anUnparsableApiVersionFollowsTheUnknownPolicy() throws Exception {
		for (String version : new String[] { "", "1..2", "-1", "99999999999999999999.0", "<script>", "\"2\"",
				"x".repeat(7000) }) {
			HttpResult response = Http.raw(this.port, "GET /api/hello HTTP/1.1\r\nHost: localhost\r\nAPI-Version: "
					+ version + "\r\nConnection: close\r\n\r\n");
			assertThat(response.status()).as(version).isEqualTo(200);
		}
	}

	@Test
	void anApiVersionIsReadFromTheQueryThePathOrTheMediaType() throws Exception {
		assertThat(Http.http11(this.port, "GET", "/api-query/hello?version=1").status()).isEqualTo(426);
		assertThat(Http.http11(this.port, "GET", "/api-query/hello?version=2.1").status()).isEqualTo(200);
		assertThat(Http.http11(this.port, "GET", "/api-path/v1/hello").status()).isEqualTo(426);
		assertThat(Http.http11(this.port, "GET", "/api-path/v2/hello").status()).isEqualTo(200);
		HttpResult media = Http.http11(this.port, "GET", "/api-media/hello", "Accept", "application/json;v=1");
		assertThat(media.status()).isEqualTo(426);
		assertThat(media.body()).contains("\"current\":\"1\"");
		assertThat(media.vary()).contains("Accept", "Content-Type");
		assertThat(Http.http11(this.port, "GET", "/api-media/hello", "Accept", "application/json;v=2").status())
			.isEqualTo(200);
	}

	@Test
	void aRuleThatRejectsUnknownValuesRejectsMissingAndMalformedVersions() throws Exception {
		for (String version : new String[] { null, "", "1..2", "<script>" }) {
			HttpResult response = (version != null)
					? Http.raw(this.port, "GET /api-strict/hello HTTP/1.1\r\nHost: localhost\r\nAPI-Version: " + version
							+ "\r\nConnection: close\r\n\r\n")
					: Http.http11(this.port, "GET", "/api-strict/hello");
			assertThat(response.status()).as(version).isEqualTo(426);
			assertThat(response.body()).doesNotContain("<script>").contains("API/2");
		}
		assertThat(Http.http11(this.port, "GET", "/api-strict/hello", "API-Version", "2").status()).isEqualTo(200);
	}

	@Test
	void anOldAppIsTold426WithItsStoreUrl() throws Exception {
		HttpResult old = Http.http11(this.port, "GET", "/app/hello", "X-App-Platform", "ios", "X-App-Version", "5.1.9");
		assertThat(old.status()).isEqualTo(426);
		assertThat(old.header("Upgrade")).isEqualTo("ExampleApp/5.2.0");
		assertThat(old.headers("Link")).contains("<https://apps.apple.com/app/id000000001>; rel=\"latest-version\"");
		assertThat(old.body()).contains("\"upgradeUrl\":\"https://apps.apple.com/app/id000000001\"")
			.contains("\"current\":\"5.1.9\"");
		assertThat(old.vary()).contains("X-App-Platform", "X-App-Version", "User-Agent");
		assertThat(Http.http11(this.port, "GET", "/app/hello", "X-App-Platform", "ios", "X-App-Version", "5.2.0")
			.status()).isEqualTo(200);
		assertThat(Http.http11(this.port, "GET", "/app/hello", "X-App-Platform", "ios", "X-App-Version", "5.3.1")
			.status()).isEqualTo(426);
	}

	@Test
	void anOldAppIsRecognisedByItsUserAgent() throws Exception {
		HttpResult old = Http.http11(this.port, "GET", "/app/hello", "User-Agent", "ExampleApp/5.0.2 (Android 14; Pixel 8)");
		assertThat(old.status()).isEqualTo(426);
		assertThat(old.header("Upgrade")).isEqualTo("ExampleApp/5.1.0");
		assertThat(old.body()).contains("play.google.com");
		assertThat(Http.http11(this.port, "GET", "/app/hello", "User-Agent", "ExampleApp/5.1.0 (Android 14; Pixel 8)")
			.status()).isEqualTo(200);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			Chrome 119.0.0.0  | 426 | Chrome/120 | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36
			Chrome 120.0.0.0  | 200 | -          | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36
			Firefox 120.0     | 426 | Firefox/121 | Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0
			Firefox 121.0     | 200 | -          | Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0
			Safari 17.1       | 426 | Safari/17.2 | Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15
			Safari 17.2       | 200 | -          | Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15
			Opera 105.0.0.0   | 426 | Opera/106  | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36 OPR/105.0.0.0
			Opera 106.0.0.0   | 200 | -          | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 OPR/106.0.0.0
			Edge 119.0.2151.97 | 426 | Edge/120  | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36 Edg/119.0.2151.97
			Edge 120.0.2210.91 | 200 | -         | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91
			""")
	void browsersJustBelowAndAtTheModernPresetAreJudged(String detected, int status, String upgrade, String userAgent)
			throws Exception {
		HttpResult response = Http.http11(this.port, "GET", "/web/", "User-Agent", userAgent, "Accept", "application/json");
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.vary()).contains("User-Agent", "Sec-CH-UA", "Sec-CH-UA-Full-Version-List");
		if (status == 426) {
			assertThat(response.header("Upgrade")).isEqualTo(upgrade);
			assertThat(response.body()).contains("\"current\":\"" + detected + "\"");
		}
	}

	@Test
	void internetExplorerGetsTheBrowserUpgradePage() throws Exception {
		HttpResult response = Http.http11(this.port, "GET", "/web/", "User-Agent",
				"Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko", "Accept", "text/html");
		assertThat(response.status()).isEqualTo(426);
		assertThat(response.header("Content-Type")).isEqualTo("text/html;charset=UTF-8");
		assertThat(response.body()).contains("<h1>Please upgrade your browser to continue</h1>")
			.contains("Internet Explorer is not supported.")
			.contains("Chrome 120")
			.contains("href=\"https://example.com/docs/browsers\"");
	}

	@Test
	void clientHintsWinOverTheUserAgent() throws Exception {
		String reduced = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
				+ "Chrome/131.0.0.0 Safari/537.36";
		HttpResult old = Http.http11(this.port, "GET", "/web/", "User-Agent", reduced, "Sec-CH-UA",
				"\"Not_A Brand\";v=\"8\", \"Chromium\";v=\"119\", \"Google Chrome\";v=\"119\"");
		assertThat(old.status()).isEqualTo(426);
		assertThat(old.body()).contains("\"current\":\"Chrome 119\"");
	}

	@Test
	void crawlersLinkPreviewsAndLibrariesPassTheBrowserRule() throws Exception {
		for (String agent : new String[] {
				"Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) "
						+ "Chrome/41.0.2272.96 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
				"facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", "curl/8.5.0",
				"Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230901.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) "
						+ "Version/4.0 Chrome/99.0.4844.88 Mobile Safari/537.36" }) {
			assertThat(Http.http11(this.port, "GET", "/web/", "User-Agent", agent).status()).as(agent).isEqualTo(200);
		}
	}

	@Test
	void browserAppAndApiRulesWarnInTheirGracePeriod() throws Exception {
		HttpResult browser = Http.http11(this.port, "GET", "/web-soon/", "User-Agent",
				"Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko");
		assertThat(browser.status()).isEqualTo(200);
		assertThat(browser.header("Deprecation")).isEqualTo("@1577836800");
		assertThat(browser.header("Sunset")).isEqualTo("Mon, 05 Jan 2099 00:00:00 GMT");
		assertThat(browser.vary()).contains("User-Agent");
		HttpResult app = Http.http11(this.port, "GET", "/beta/hello", "X-App-Platform", "ios", "X-App-Version", "5.9.0");
		assertThat(app.status()).isEqualTo(200);
		assertThat(app.header("Deprecation")).isEqualTo("@1577836800");
		assertThat(app.header("Sunset")).isEqualTo("Mon, 05 Jan 2099 00:00:00 GMT");
		HttpResult current = Http.http11(this.port, "GET", "/beta/hello", "X-App-Platform", "ios", "X-App-Version",
				"6.0.0");
		assertThat(current.hasHeader("Deprecation")).isFalse();
		HttpResult api = Http.http11(this.port, "GET", "/api-soon/hello", "API-Version", "2");
		assertThat(api.status()).isEqualTo(200);
		assertThat(api.header("Deprecation")).isEqualTo("@1577836800");
		assertThat(api.vary()).contains("API-Version");
	}

	@Test
	void malformedVersionsAndAgentsNeverGiveA5xx() throws Exception {
		String[] values = { "", "1..2", "-1", "99999999999999999999.0", "\u00e9t\u00e9 \u2603", "<script>alert(1)</script>",
				"'\"'\"", "\u0001\u0002", "1.".repeat(3000), "x".repeat(7500) };
		for (String value : values) {
			String header = value.replaceAll("[\\r\\n]", "");
			for (String[] target : new String[][] { { "/api/hello", "API-Version" }, { "/app/hello", "X-App-Version" },
					{ "/web/", "User-Agent" }, { "/web/", "Sec-CH-UA" }, { "/app/hello", "X-App-Platform" } }) {
				HttpResult response = Http.rawUtf8(this.port, "GET " + target[0] + " HTTP/1.1\r\nHost: localhost\r\n"
						+ target[1] + ": " + header + "\r\nX-App-Platform: ios\r\nConnection: close\r\n\r\n");
				if (value.chars().anyMatch(Character::isISOControl)) {
					// Control characters are not legal in a field value: the server may
					// refuse the request itself before we see it, but never with a 5xx.
					assertThat(response.status()).as("%s: control characters", target[1]).isIn(200, 400);
				}
				else {
					// Unparsable, so unknown, which these rules allow.
					assertThat(response.status()).as("%s: %s", target[1], value.length()).isEqualTo(200);
				}
				assertThat(response.body()).doesNotContain("<script>");
			}
		}
	}

	@Test
	void aHeaderAboveTheServersLimitIsRefusedByTheServerWithoutA5xx() throws Exception {
		HttpResult response = Http.raw(this.port, "GET /web/ HTTP/1.1\r\nHost: localhost\r\nUser-Agent: "
				+ "x".repeat(20_000) + "\r\nConnection: close\r\n\r\n");
		assertThat(response.status()).isBetween(400, 499);
	}

	private static String handshake(String version) {
		return "GET /ws/echo HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
				+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: " + version + "\r\n\r\n";
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	private double count(String rule, String outcome) {
		Counter counter = this.meterRegistry.find("upgrade.required.requests")
			.tags("rule", rule, "outcome", outcome)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

}
