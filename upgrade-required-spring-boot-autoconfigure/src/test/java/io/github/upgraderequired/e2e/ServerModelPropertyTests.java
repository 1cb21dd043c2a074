package io.github.upgraderequired.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.upgraderequired.core.Decision;
import io.github.upgraderequired.core.Header;
import io.github.upgraderequired.core.HttpProtocol;
import io.github.upgraderequired.e2e.E2eProfileModel.Expected;
import io.github.upgraderequired.e2e.E2eProfileModel.Request;
import io.github.upgraderequired.e2e.E2eProfileModel.Transport;
import io.github.upgraderequired.render.UpgradeResponse;
import io.github.upgraderequired.test.MockUpgradeRequest;
import io.netty.handler.ssl.SslContextBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.netty.http.Http2SslContextSpec;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both stacks over real sockets, held to {@link E2eProfileModel}, a model of the
 * {@code e2e} profile written by hand from the reference (docs/rules.md, docs/proxies.md):
 * for every generated request, over HTTP/1.0, HTTP/1.1 and h2c in clear and HTTP/1.x and h2
 * over TLS 1.2 and 1.3, from a trusted proxy's address and from another, each server's
 * status, {@code Upgrade} tokens (the header on HTTP/1.x, the body everywhere), refusing
 * rule, redirect and warnings are the model's. Then, since the model says nothing of the
 * bytes, the answer must be exactly what the renderer writes for the engine's decision.
 */
class ServerModelPropertyTests {

	/**
	 * The servers' limit for the request line and headers together, less a margin.
	 */
	private static final int HEADER_LIMIT = 8_000;

	/**
	 * Reactor Netty's limit for the request line (4096 bytes), less a margin.
	 */
	private static final int REQUEST_LINE_LIMIT = 4_000;

	private static final String TRUSTED_PROXY = "127.0.0.1";

	/**
	 * The paths whose handler takes any method.
	 */
	private static final List<String> ANY_METHOD_PATHS = List.of("/", "/open/hello", "/secure/hello",
			"/redirect/hello", "/internal/hello", "/deprecated/hello", "/shadow/hello");

	private static final String ANOTHER_PEER = "127.0.0.2";

	/**
	 * Half the usual number of cases: each goes to two servers over one of eight
	 * transports, some with a TLS handshake of its own.
	 */
	private static final int TRIES = PropertyCheck.TRIES / 2;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<RunningStack> stacks = new ArrayList<>();

	private static final Map<String, RawConnection> connections = new LinkedHashMap<>();

	private static final Map<String, HttpClient> http2Clients = new LinkedHashMap<>();

	private static ConnectionProvider connectionProvider;

	@BeforeAll
	static void start() {
		stacks.add(RunningStack.webMvc());
		stacks.add(RunningStack.webFlux());
		stacks.add(RunningStack.webMvcTls());
		stacks.add(RunningStack.webFluxTls());
		connectionProvider = ConnectionProvider.create("model-property-tests", 16);
	}

	@AfterAll
	static void stop() throws IOException {
		for (RawConnection connection : connections.values()) {
			connection.close();
		}
		connectionProvider.disposeLater().block(Duration.ofSeconds(10));
		stacks.forEach(RunningStack::close);
	}

	@Test
	void bothStacksAnswerEveryRequestAsTheModelSays() {
		PropertyCheck.forAll(TRIES, requests(), (request, tally) -> {
			Expected expected = E2eProfileModel.expect(request, request.transport().secure());
			tally(request, expected, tally);
			for (RunningStack stack : stacks) {
				if (stack.tls() == request.transport().secure()) {
					HttpResult answer = exchange(stack, request);
					assertAsModelled(stack, request, expected, answer);
					assertAsRendered(stack, request, answer);
				}
			}
		})
			.assertEach(120, (Object[]) Transport.values())
			.assertEach(100, "GET", "HEAD", "POST")
			.assertEach(50, "200", "browser", "Access-Control-Allow-Origin")
			.assertEach(10, "101", "308 secure-redirect", "426 http-1-1", "426 http-1-1-strict", "426 secure",
					"426 secure-redirect", "426 http2", "426 websocket", "426 tls-1-3", "426 tls-1-3-strict", "426 api",
					"426 app", "426 api-query", "426 api-path", "426 api-media", "426 api-strict", "426 browsers",
					"warned by deprecated", "warned by tls-1-3-soon", "warned by beta", "warned by api-soon",
					"warned by browsers-soon")
			// What only the live connection tells: its HTTP version, TLS version and TLS-ness.
			.assertEach(3, "426 http-1-1 HTTP_1_0", "426 http-1-1 TLS_1_3_HTTP_1_0", "426 http2 HTTP_1_1",
					"426 http2 TLS_1_2_HTTP_1_1", "426 http2 TLS_1_3_HTTP_1_1", "426 tls-1-3 TLS_1_2_HTTP_1_1",
					"426 tls-1-3 TLS_1_2_H2", "426 tls-1-3-strict TLS_1_2_H2", "426 websocket H2C",
					"426 websocket TLS_1_3_H2");
	}

	/**
	 * Count what the case tries: its transport and method, the model's answer, the
	 * refusing rule by how the server learns the version (the connection itself, or a
	 * forwarding proxy), each warning and each header the model requires.
	 */
	private static void tally(Request request, Expected expected, PropertyCheck.Tally tally) {
		tally.count(request.transport());
		tally.count(request.method());
		if (expected.status() == 0) {
			tally.count("browser");
		}
		else if (expected.rule() != null) {
			tally.count(expected.status() + " " + expected.rule());
			tally.count(expected.status() + " " + expected.rule() + " "
					+ (E2eProfileModel.forwarded(request) ? "forwarded" : request.transport()));
		}
		else {
			tally.count(expected.status());
		}
		if (expected.warnings() != null) {
			expected.warnings().forEach((rule) -> tally.count("warned by " + rule));
		}
		expected.headers().keySet().forEach(tally::count);
	}

	private static void assertAsModelled(RunningStack stack, Request request, Expected expected, HttpResult answer) {
		String described = stack + " answered " + answer;
		boolean body = !request.method().equals("HEAD");
		if (expected.status() == 0) {
			// The browser rule decides for an agent the model does not know.
			assertThat(answer.status()).as(described).isIn(200, 426);
			if (answer.status() == 426 && body) {
				assertThat(problem(answer).path("rule").asString()).as(described).isEqualTo(expected.rule());
			}
			return;
		}
		assertThat(answer.status()).as(described).isEqualTo(expected.status());
		if (expected.warnings() != null) {
			assertThat(answer.hasHeader("Deprecation")).as("warned by %s: %s", expected.warnings(), described)
				.isEqualTo(!expected.warnings().isEmpty());
		}
		expected.headers()
			.forEach((name, value) -> assertThat(answer.header(name)).as("%s: %s", name, described).isEqualTo(value));
		if (expected.status() != 426) {
			return;
		}
		if (body) {
			JsonNode problem = problem(answer);
			assertThat(problem.path("rule").asString()).as(described).isEqualTo(expected.rule());
			List<String> upgrade = new ArrayList<>();
			problem.path("upgrade").forEach((token) -> upgrade.add(token.asString()));
			assertThat(upgrade).as(described).isEqualTo(expected.upgrade());
		}
		if (request.transport().http2()) {
			assertThat(answer.hasHeader("Upgrade")).as(described).isFalse();
			assertThat(answer.hasHeader("Connection")).as(described).isFalse();
		}
		else {
			assertThat(answer.headers("Upgrade")).as(described).containsExactly(String.join(", ", expected.upgrade()));
			if (request.transport().httpVersion() == 11) {
				// On HTTP/1.0 the server may end the connection instead (see DESIGN's answer).
				assertThat(tokens(answer.headers("Connection"))).as(described).contains("upgrade");
			}
		}
	}

	private static JsonNode problem(HttpResult answer) {
		assertThat(answer.header("Content-Type")).as("%s", answer).startsWith("application/problem+json");
		return JSON.readTree(answer.body());
	}

	/**
	 * Assert that the answer is, to the byte, what the renderer writes for the engine's
	 * decision: the adapters add nothing and lose nothing.
	 */
	private static void assertAsRendered(RunningStack stack, Request request, HttpResult answer) {
		String described = stack + " answered " + answer;
		Decision decision = stack.engine().decide(testRequest(request));
		if (!decision.isRejected()) {
			for (Header header : stack.renderer().passHeaders(decision)) {
				if (header.name().equals("Vary")) {
					assertThat(tokens(answer.headers("Vary"))).as(described).containsAll(tokens(List.of(header.value())));
				}
				else {
					assertThat(answer.header(header.name())).as(described).isEqualTo(header.value());
				}
			}
			return;
		}
		UpgradeResponse expected = stack.renderer().render(decision, testRequest(request));
		assertThat(answer.status()).as(described).isEqualTo(expected.status());
		for (Header header : expected.headers()) {
			if (header.name().equals("Vary")) {
				// A server may vary on more (CORS adds Origin), never on less.
				assertThat(tokens(answer.headers("Vary"))).as(described).containsAll(tokens(List.of(header.value())));
			}
			else if (header.name().equals("Connection")) {
				// On HTTP/1.1 the server may add its own close, never drop the upgrade.
				assertThat(tokens(answer.headers("Connection"))).as(described).contains("upgrade");
			}
			else {
				assertThat(answer.header(header.name())).as(described).isEqualTo(header.value());
			}
		}
		if (expected.contentType() != null) {
			assertThat(normalized(answer.header("Content-Type"))).as(described)
				.isEqualTo(normalized(expected.contentType()));
		}
		assertThat(answer.body()).as(described).isEqualTo(new String(expected.body(), StandardCharsets.UTF_8));
	}

	private static MockUpgradeRequest testRequest(Request request) {
		Transport transport = request.transport();
		MockUpgradeRequest test = MockUpgradeRequest.request(request.method(), request.path())
			.query(request.query())
			.protocol(transport.http2() ? HttpProtocol.HTTP_2 : HttpProtocol.parse(transport.protocol()))
			.secure(transport.secure())
			.tlsProtocol(transport.tlsVersion())
			.host("localhost")
			.remoteAddress(request.peer());
		request.headers().forEach(test::header);
		return test;
	}

	private static List<String> tokens(List<String> lines) {
		return lines.stream()
			.flatMap((line) -> Arrays.stream(line.split(",")))
			.map((token) -> token.trim().toLowerCase(Locale.ROOT))
			.filter((token) -> !token.isEmpty())
			.toList();
	}

	private static String normalized(String contentType) {
		return String.valueOf(contentType).replace(" ", "").toLowerCase(Locale.ROOT);
	}

	private static HttpResult exchange(RunningStack stack, Request request) throws IOException {
		return request.transport().http2() ? exchangeHttp2(stack, request) : exchangeHttp1(stack, request);
	}

	/**
	 * Send the request on a kept-alive raw connection of its stack, transport and peer.
	 */
	private static HttpResult exchangeHttp1(RunningStack stack, Request request) throws IOException {
		String key = stack + " " + request.transport() + " " + request.peer();
		RawConnection connection = connections.get(key);
		if (connection == null || !connection.isReusable()) {
			if (connection != null) {
				connection.close();
			}
			connection = RawConnection.open(request.peer(), stack.port(), request.transport().tlsVersion());
			connections.put(key, connection);
		}
		try {
			HttpResult answer = connection.exchange(wire(request), request.method().equals("HEAD"));
			if (answer.status() == 101 || request.path().startsWith("/actuator/")) {
				// A connection switched to WebSocket is no longer HTTP. And Spring Boot 4.1.0's
				// actuator on Reactor Netty 1.3.6 leaves a later request on a kept-alive
				// connection that served it without an answer now and then (see
				// docs/known-issues.md): a connection that served the actuator is not used again.
				connection.retire();
			}
			return answer;
		}
		catch (IOException ex) {
			throw new IOException(key + ", request " + connection.requests() + " on its connection: " + ex.getMessage(),
					ex);
		}
	}

	private static byte[] wire(Request request) {
		StringBuilder text = new StringBuilder(request.method()).append(' ').append(request.path());
		if (request.query() != null) {
			text.append('?').append(request.query());
		}
		text.append(' ').append(request.transport().protocol()).append("\r\nHost: localhost\r\n");
		request.headers().forEach((name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
		return text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
	}

	/**
	 * Send the request over HTTP/2 with Reactor Netty's client (with prior knowledge in
	 * clear, by ALPN over TLS), from the request's peer address.
	 */
	private static HttpResult exchangeHttp2(RunningStack stack, Request request) {
		String key = request.transport() + " " + request.peer();
		HttpClient client = http2Clients.computeIfAbsent(key,
				(name) -> http2Client(request.transport(), request.peer()));
		String uri = (request.transport().secure() ? "https" : "http") + "://localhost:" + stack.port() + request.path()
				+ ((request.query() != null) ? "?" + request.query() : "");
		HttpResult answer = client.headers((headers) -> request.headers().forEach(headers::set))
			.request(io.netty.handler.codec.http.HttpMethod.valueOf(request.method()))
			.uri(uri)
			.responseSingle((response, body) -> body.asString(StandardCharsets.UTF_8).defaultIfEmpty("").map((text) -> {
				Map<String, List<String>> headers = new LinkedHashMap<>();
				response.responseHeaders()
					.forEach((header) -> headers.computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT),
							(name) -> new ArrayList<>())
						.add(header.getValue()));
				return new HttpResult("HTTP/2", response.status().code(), headers, text);
			}))
			.block(Duration.ofSeconds(30));
		assertThat(answer).as("%s: no answer over %s", stack, request.transport()).isNotNull();
		return answer;
	}

	private static HttpClient http2Client(Transport transport, String peer) {
		HttpClient client = HttpClient.create(connectionProvider)
			.bindAddress(() -> new InetSocketAddress(peer, 0))
			.responseTimeout(Duration.ofSeconds(30));
		if (!transport.secure()) {
			return client.protocol(reactor.netty.http.HttpProtocol.H2C);
		}
		return client.protocol(reactor.netty.http.HttpProtocol.H2)
			.secure((spec) -> spec.sslContext(Http2SslContextSpec.forClient()
				.configure((builder) -> trustTestCertificate(builder).protocols(transport.tlsVersion()))));
	}

	private static SslContextBuilder trustTestCertificate(SslContextBuilder builder) {
		try (InputStream certificate = ServerModelPropertyTests.class.getResourceAsStream("/tls/cert.pem")) {
			return builder.trustManager(certificate);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Requests for the rules of the profile: paths of every rule; version headers, query
	 * parameters, path segments and media-type parameters with versions that read and
	 * versions that do not (hostile text included); app platforms and agents; WebSocket
	 * handshakes; forwarding headers with the trusted proxy's version headers; the HTTPS
	 * exemption header. Every header value as a server hands it over (no white space
	 * around it, no control characters), within the servers' limits.
	 */
	static Gen<Request> requests() {
		// Fewer HTTP/1.0 requests over TLS: each makes a TLS handshake of its own.
		Gen<Transport> transports = Gen.weighted(Gen.weight(4, Gen.constant(Transport.HTTP_1_0)),
				Gen.weight(8, Gen.constant(Transport.HTTP_1_1)), Gen.weight(6, Gen.constant(Transport.H2C)),
				Gen.weight(2, Gen.constant(Transport.TLS_1_2_HTTP_1_1)),
				Gen.weight(1, Gen.constant(Transport.TLS_1_3_HTTP_1_0)),
				Gen.weight(2, Gen.constant(Transport.TLS_1_3_HTTP_1_1)),
				Gen.weight(2, Gen.constant(Transport.TLS_1_2_H2)), Gen.weight(2, Gen.constant(Transport.TLS_1_3_H2)));
		Gen<String> tokenVersions = versions().filter((version) -> version.matches("[A-Za-z0-9.+-]+"));
		Gen<String> paths = Gen.weighted(Gen.weight(12, Gen.of(GeneratedRequest.PATHS)),
				Gen.weight(4, Gen.of("/api/hello", "/api-query/hello", "/api-media/hello", "/app/hello", "/h2/hello",
						"/tls/hello", "/tls-warn/hello", "/tls-strict/hello", "/ws/echo", "/web/", "/redirect/hello",
						"/secure/hello")),
				Gen.weight(1, tokenVersions.map((version) -> "/api-path/" + version + "/hello")),
				// No ';' in a path segment: Tomcat takes what follows it for a path parameter.
				Gen.weight(1, Gen.strings("az09", ".-_~+!$&'()*,=:@", 1, 40).map((segment) -> "/api-path/" + segment
						+ "/hello")));
		Gen<String> anyText = HostileValues.text().map((text) -> HostileValues.asReceived(text, true));
		Gen<String> versionValues = Gen.weighted(Gen.weight(4, versions()), Gen.weight(1, anyText));
		Map<String, Gen<String>> values = new LinkedHashMap<>();
		values.put("API-Version", versionValues);
		values.put("X-App-Version", versionValues);
		values.put("X-App-Platform", Gen.weighted(Gen.weight(4, Gen.of("ios", "iOS", "IOS", "Ios", "android",
				"Android", "windows", "ios ios", "i" + "o".repeat(40) + "s")), Gen.weight(1, anyText)));
		values.put("User-Agent", Gen.weighted(
				Gen.weight(3, (random) -> "ExampleApp/" + versions().next(random) + " ("
						+ Gen.of("iOS", "Android", "ios", "Windows").next(random) + " 17.4)"),
				Gen.weight(3, Gen.of("curl/8.5.0", E2eProfileModel.CHROME_100, E2eProfileModel.CHROME_140,
						E2eProfileModel.FIREFOX_115)),
				Gen.weight(1, anyText)));
		values.put("Sec-WebSocket-Version",
				Gen.weighted(Gen.weight(4, Gen.of("13", "13", "8", "7", "", "14", "13, 8")), Gen.weight(1, anyText)));
		values.put("X-Forwarded-For", Gen.weighted(Gen.weight(4, Gen.of("203.0.113.7", "203.0.113.7, 10.0.0.1", "")),
				Gen.weight(1, anyText)));
		values.put("X-Forwarded-Proto", Gen.weighted(Gen.weight(4, Gen.of("https", "http", "")), Gen.weight(1, anyText)));
		values.put("Forwarded", Gen.weighted(Gen.weight(4, Gen.of("for=192.0.2.60;proto=https", "for=unknown", "")),
				Gen.weight(1, anyText)));
		values.put("X-Forwarded-Host", Gen.of("example.com", ""));
		values.put("Sec-CH-UA", Gen.weighted(Gen.weight(2, Gen.of(
				"\"Chromium\";v=\"100\", \"Google Chrome\";v=\"100\", \"Not?A_Brand\";v=\"8\"",
				"\"Chromium\";v=\"140\", \"Google Chrome\";v=\"140\"")), Gen.weight(1, anyText)));
		values.put("Sec-CH-UA-Full-Version-List", anyText);
		values.put("Sec-CH-UA-Mobile", Gen.of("?0", "?1"));
		values.put("Sec-CH-UA-Platform", Gen.of("\"Windows\"", "\"Android\""));
		values.put("X-Forwarded-Http-Version", Gen.weighted(Gen.weight(6, Gen.of("HTTP/1.0", "HTTP/1.1", "HTTP/2",
				"HTTP/2.0", "HTTP/3", "HTTP/1.1", "HTTP/1.0", "http/1.1", "HTTP/1.2", "HTTP/ 1.1", "1.1", "",
				"HTTP/1.1" + "1".repeat(30))), Gen.weight(1, anyText)));
		values.put("X-Forwarded-Tls-Version", Gen.weighted(Gen.weight(6, Gen.of("TLSv1.2", "TLSv1.3", "TLSv1.3",
				"TLS/1.2", "TLS/1.3", "tlsv1.3", "TLS1.2", "1.3", "1.2", "SSLv3", "TLSv1", "TLSv1.1", "TLSv1.4", "",
				"TLSv1.3          x", "TLSv/1.3")), Gen.weight(1, anyText)));
		values.put("X-Internal-Caller", Gen.of("s3cret", "s3cret", "S3cret", "s3cret2", ""));
		Gen<String> mediaVersions = Gen.oneOf(tokenVersions.map((version) -> "application/json;v=" + version),
				tokenVersions.map((version) -> "application/json;v=\"" + version + "\""),
				tokenVersions.map((version) -> "text/html;q=0.1, application/json; charset=utf-8; V=" + version));
		Gen<String> accepts = Gen.oneOf(Gen.of("*/*", "application/json", "application/problem+json",
				"text/html;q=0.5, application/json"), mediaVersions);
		Gen<String> queries = Gen.oneOf(versionValues.map((version) -> "version=" + encode(version)),
				versionValues.map((version) -> "lang=en&version=" + encode(version)), Gen.of("version", "lang=en"));
		List<String> names = new ArrayList<>(values.keySet());
		Gen<Request> requests = (random) -> {
			Transport transport = transports.next(random);
			String peer = random.nextBoolean() ? TRUSTED_PROXY : ANOTHER_PEER;
			String path = paths.next(random);
			// HEAD where a GET is served (the actuator's endpoints take GET only), POST where
			// any method is.
			String method = Gen.weighted(Gen.weight(7, Gen.constant("GET")), Gen.weight(1, Gen.constant("HEAD")),
					Gen.weight(2, Gen.constant("POST"))).next(random);
			if ((method.equals("HEAD") && (path.startsWith("/actuator/") || path.startsWith("/ws/")))
					|| (method.equals("POST") && !ANY_METHOD_PATHS.contains(path))) {
				method = "GET";
			}
			// Each header now and then, and the headers the path's rule reads more often.
			Map<String, String> headers = new LinkedHashMap<>();
			for (String name : names) {
				if (random.nextInt(100) < chance(path, name)) {
					headers.put(name, HostileValues.asReceived(values.get(name).next(random), true));
				}
			}
			if (!headers.containsKey("User-Agent") && transport.http2()) {
				// Reactor Netty's client sends an agent of its own unless given one.
				headers.put("User-Agent", "model-test");
			}
			String accept = (path.startsWith("/api-media/") && random.nextInt(4) > 0) ? mediaVersions.next(random)
					: accepts.orNull(0.3).next(random);
			// The actuator answers only what it produces: JSON or its own types.
			if (accept != null && !(path.startsWith("/actuator/") && accept.contains("problem"))) {
				headers.put("Accept", accept);
			}
			if (random.nextInt(4) == 0) {
				headers.put("Content-Type", "application/json;v=" + tokenVersions.next(random));
			}
			if (path.equals("/ws/echo") && !transport.http2() && transport.httpVersion() == 11 && random.nextBoolean()) {
				headers.put("Upgrade", Gen.of("websocket", "WebSocket").next(random));
				headers.put("Connection", "Upgrade");
				headers.put("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
				headers.putIfAbsent("Sec-WebSocket-Version", "13");
			}
			// Cross-origin calls from the origin the controllers allow, with a method they allow
			// it (a HEAD to a GET mapping is not one); the WebSocket endpoint checks origins of
			// its own.
			if (!path.startsWith("/ws/") && !method.equals("HEAD") && random.nextInt(5) == 0) {
				headers.put("Origin", E2eProfileModel.ALLOWED_ORIGIN);
			}
			String query = queries.orNull(path.startsWith("/api-query/") ? 0.2 : 0.7).next(random);
			return new Request(method, transport, peer, path, query, headers);
		};
		return requests.filter((request) -> wire(request).length < HEADER_LIMIT && request.path().length()
				+ ((request.query() != null) ? request.query().length() : 0) < REQUEST_LINE_LIMIT);
	}

	/**
	 * Return the chance, in percent, that a request to the path carries the header: high
	 * for the headers its rule reads, low for the others.
	 */
	private static int chance(String path, String header) {
		boolean read = switch (header) {
			case "API-Version" -> path.startsWith("/api/") || path.startsWith("/api-s");
			case "X-App-Version", "X-App-Platform" -> path.startsWith("/app/") || path.startsWith("/beta/");
			case "User-Agent" -> path.startsWith("/app/") || path.startsWith("/web");
			case "Sec-WebSocket-Version" -> path.startsWith("/ws/");
			case "X-Forwarded-Tls-Version" -> path.startsWith("/tls");
			case "X-Forwarded-Http-Version" -> path.startsWith("/h2/") || path.startsWith("/strict/");
			case "X-Internal-Caller" -> path.startsWith("/secure/");
			case "Sec-CH-UA", "Sec-CH-UA-Full-Version-List", "Sec-CH-UA-Mobile", "Sec-CH-UA-Platform" -> {
				// Client Hints make the browser rule's answer one the model leaves to it.
				yield false;
			}
			default -> false;
		};
		return read ? 60 : header.startsWith("Sec-CH-UA") ? 5 : 15;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * Versions, most of them well-formed: an optional {@code v}, one to ten numeric
	 * segments (some very long), a pre-release, build metadata; and near misses.
	 */
	static Gen<String> versions() {
		Gen<String> numbers = Gen.weighted(Gen.weight(4, Gen.ints(0, 3).map(String::valueOf)),
				Gen.weight(4, Gen.ints(0, 12).map(String::valueOf)), Gen.weight(1, Gen.strings("09", "", 1, 22)));
		Gen<String> wellFormed = (random) -> {
			StringBuilder version = new StringBuilder();
			if (random.nextInt(5) == 0) {
				version.append(random.nextBoolean() ? 'v' : 'V');
			}
			int segments = 1 + random.nextInt((random.nextInt(10) == 0) ? 10 : 3);
			for (int i = 0; i < segments; i++) {
				version.append((i > 0) ? "." : "").append(numbers.next(random));
			}
			if (random.nextInt(4) == 0) {
				version.append('-')
					.append(Gen.of("beta", "beta.1", "rc.2", "0", "01", "alpha.beta", "x-y", "1.2.3", "", "a..b", "b_1")
						.next(random));
			}
			if (random.nextInt(6) == 0) {
				version.append('+').append(Gen.of("42", "build.7", "", "x_y").next(random));
			}
			return version.toString();
		};
		Gen<String> nearMisses = Gen.of("", "v", ".", "2.", ".2", "1..2", "02", "1.10", "1.9", "2 3", "2.0.0.0.0.0.0.0",
				"2.0.0.0.0.0.0.0.0", "123456789012345678", "1234567890123456789", "5.2.0", "5.3.1", "5.3.1+7",
				"5.2.0-beta.1", "6", "5.1.9", "3-rc", "2" + ".0".repeat(40), "\u0661", "2\t");
		return Gen.weighted(Gen.weight(4, wellFormed), Gen.weight(1, nearMisses));
	}

}
