package io.github.upgraderequired.e2e;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.api.Test;
import reactor.netty.http.HttpProtocol;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A bounded load over real sockets: a fixed number of requests from many concurrent
 * clients, old and new, over HTTP/1.0, HTTP/1.1 (the JDK client and raw keep-alive
 * sockets) and h2c (the JDK client's upgrade from HTTP/1.1, Reactor Netty's client and
 * curl with prior knowledge), across every rule type of the {@code e2e} profile. Each
 * client knows, from the configuration, what answer it expects to each request; the test
 * asserts that every request got exactly that answer, whole, and that the counter
 * {@code upgrade.required.requests} moved by exactly what the clients expected, per rule
 * and outcome, without a meter more.
 * <p>
 * Each client draws its requests from a {@link Random} with a seed of its own, printed
 * with every failure; {@code -Dupgrade-required.load.seed=N} replays another run.
 */
abstract class AbstractLoadTests {

	private static final int CLIENTS = 64;

	private static final int REQUESTS_PER_CLIENT = 400;

	private static final long SEED = Long.getLong("upgrade-required.load.seed", 20_260_426L);

	/**
	 * How long a client waits for one answer before it counts as lost: generous, so that a
	 * slow, busy machine is not mistaken for a hang.
	 */
	private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * How long the whole load may take before the test fails as hung.
	 */
	private static final Duration DEADLINE = Duration.ofMinutes(4);

	private static final int CURL_BATCH = 25;

	private static final boolean CURL_REUSES_H2C = curlReusesH2cConnections();

	private static final String COUNTER = "upgrade.required.requests";

	private static final List<String> OUTCOMES = List.of("rejected", "warned", "reported", "error");

	/**
	 * The counts also read through {@code /actuator/metrics}, one of each outcome.
	 */
	private static final List<String> ACTUATOR_CHECKED = List.of("secure:rejected", "deprecated:warned",
			"shadow:reported");

	/**
	 * The rules of {@code application-e2e.yml}, by type.
	 */
	private static final Map<String, String> RULES = rules("http-1-1", "http-version", "http-1-1-strict",
			"http-version", "secure", "https",
			"secure-redirect", "https", "internal", "https", "deprecated", "https", "shadow", "https", "http2",
			"http2", "websocket", "websocket", "tls-1-3", "tls-version", "tls-1-3-soon", "tls-version", "api",
			"api-version", "app", "app-version", "browsers", "browser", "browsers-soon", "browser", "beta",
			"app-version", "api-soon", "api-version", "api-query", "api-version", "api-path", "api-version",
			"api-media", "api-version", "api-strict", "api-version");

	/**
	 * The {@code client} tag values a rule of each type can name: {@code other}; the
	 * configured platforms (ios, android); the browser families and the kinds of
	 * non-browser agents.
	 */
	private static final Map<String, List<String>> CLIENT_TAGS = Map.of("app-version",
			List.of("other", "ios", "android"), "browser",
			List.of("other", "chrome", "edge", "firefox", "safari", "opera", "samsung-internet", "internet-explorer",
					"browsers", "crawlers", "link-previews", "audits", "monitors", "libraries", "webviews", "unknown"));

	private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
			+ "(KHTML, like Gecko) Chrome/%s Safari/537.36";

	private static final String FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:%1$s) Gecko/20100101 "
			+ "Firefox/%1$s";

	private static final String SAFARI = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
			+ "(KHTML, like Gecko) Version/%s Safari/605.1.15";

	private static final String INTERNET_EXPLORER = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) "
			+ "like Gecko";

	private static final String TLS = "TLS/1.3, TLS/1.2";

	private static final String GOOGLEBOT = "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) "
			+ "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/41.0.2272.96 Mobile Safari/537.36 "
			+ "(compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

	private static final String CLIENT_HINTS = "\"Not_A Brand\";v=\"8\", \"Chromium\";v=\"%1$s\", "
			+ "\"Google Chrome\";v=\"%1$s\"";

	private static final String FORWARDED_FOR = "X-Forwarded-For";

	private static final String CLIENT_ADDRESS = "203.0.113.7";

	/**
	 * Every request the clients send, and the answer each expects: written from
	 * {@code application-e2e.yml}, for HTTP/1.1 and, where it differs, for HTTP/2. What an
	 * HTTP/1.0 client expects follows from the first: see {@link #expected}.
	 */
	private static final List<Call> CALLS = List.of(
			// No rule but the HTTP version one; actuator paths are excluded from every rule.
			get("open", "/open/hello").ok(), get("root", "/").ok(),
			get("health", "/actuator/health").ok().excludedFromRules(),
			// HTTPS, with its exemptions, its formats, CORS and the redirecting variant.
			get("secure", "/secure/hello").rejectedBy("secure", TLS),
			get("secure-exempt", "/secure/hello", "X-Internal-Caller", "s3cret").ok(),
			get("secure-wrong-key", "/secure/hello", "X-Internal-Caller", "guess").rejectedBy("secure", TLS),
			call("secure-head", "HEAD", "/secure/hello").rejectedBy("secure", TLS),
			get("secure-html", "/secure/hello", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
				.rejectedBy("secure", TLS),
			get("secure-text", "/secure/hello", "Accept", "text/plain").rejectedBy("secure", TLS),
			get("secure-cors", "/secure/hello", "Origin", "https://app.example.com").rejectedBy("secure", TLS),
			// The application refuses the origin with its own 403: no 426 is sent, none counted.
			get("secure-cors-refused", "/secure/hello", "Origin", "https://evil.example.com").answered(403)
				.notOnHttp10(),
			call("secure-post", "POST", "/secure/hello").rejectedBy("secure", TLS),
			// The redirect is the rule's answer in place of the 426: counted as a rejection.
			get("redirect", "/redirect/hello?a=1").answered(308).counting("secure-redirect:rejected"),
			call("redirect-post", "POST", "/redirect/hello").rejectedBy("secure-redirect", TLS),
			get("internal", "/internal/hello").ok(),
			get("deprecated", "/deprecated/hello").ok().counting("deprecated:warned"),
			get("shadow", "/shadow/hello").ok().counting("shadow:reported"),
			// HTTP/2 and WebSocket.
			get("http2", "/h2/hello").rejectedBy("http2", "h2c, HTTP/2.0").onHttp2(Expected.OK),
			get("websocket-plain", "/ws/echo").rejectedBy("websocket", "websocket"),
			// TLS: unknown on a cleartext connection (allowed), the client's own version
			// from the trusted proxy's header otherwise.
			get("tls-cleartext", "/tls/hello").ok(),
			forwarded("tls-old", "/tls/hello", "HTTP/1.1", "X-Forwarded-Tls-Version", "TLSv1.2").rejectedBy("tls-1-3",
					"TLS/1.3"),
			forwarded("tls-new", "/tls/hello", "HTTP/1.1", "X-Forwarded-Tls-Version", "TLSv1.3").ok(),
			forwarded("tls-warn", "/tls-warn/hello", "HTTP/1.1", "X-Forwarded-Tls-Version", "TLSv1.2").ok()
				.counting("tls-1-3-soon:warned"),
			forwarded("forwarded-http10", "/open/hello", "HTTP/1.0").rejectedBy("http-1-1", "HTTP/1.1"),
			forwarded("forwarded-http11", "/open/hello", "HTTP/1.1").ok(),
			// API versions: header, query, path segment, media type parameter.
			get("api-old", "/api/hello", "API-Version", "1.9").rejectedBy("api", "API/2"),
			get("api-new", "/api/hello", "API-Version", "v2.0.1").ok(),
			get("api-malformed", "/api/hello", "API-Version", "1..2").ok(),
			get("api-missing", "/api/hello").ok(),
			get("api-query-old", "/api-query/hello?version=1").rejectedBy("api-query", "API/2"),
			get("api-query-new", "/api-query/hello?version=2.1").ok(),
			get("api-path-old", "/api-path/v1/hello").rejectedBy("api-path", "API/2"),
			get("api-path-new", "/api-path/v2/hello").ok(),
			get("api-media-old", "/api-media/hello", "Accept", "application/json;v=1").rejectedBy("api-media", "API/2"),
			get("api-media-new", "/api-media/hello", "Accept", "application/json;v=2").ok(),
			get("api-strict-missing", "/api-strict/hello").rejectedBy("api-strict", "API/2"),
			get("api-strict-malformed", "/api-strict/hello", "API-Version", "<script>").rejectedBy("api-strict",
					"API/2"),
			get("api-strict-new", "/api-strict/hello", "API-Version", "2").ok(),
			get("api-soon-old", "/api-soon/hello", "API-Version", "2").ok().counting("api-soon:warned"),
			get("api-soon-new", "/api-soon/hello", "API-Version", "3").ok(),
			// App versions, per platform, blocked, unknown platform, from the User-Agent.
			app("app-ios-old", "/app/hello", "ios", "5.1.9").rejectedBy("app", "ExampleApp/5.2.0"),
			app("app-ios-new", "/app/hello", "ios", "5.2.0").ok(),
			app("app-ios-blocked", "/app/hello", "ios", "5.3.1").rejectedBy("app", null),
			app("app-android-old", "/app/hello", "android", "5.0.9").rejectedBy("app", "ExampleApp/5.1.0"),
			app("app-android-new", "/app/hello", "android", "5.1.0").ok(),
			app("app-unknown-platform", "/app/hello", "windows-phone", "9.0").rejectedBy("app", null),
			get("app-agent-old", "/app/hello", "User-Agent", "ExampleApp/5.0.2 (Android 14; Pixel 8)").rejectedBy("app",
					"ExampleApp/5.1.0"),
			get("app-agent-new", "/app/hello", "User-Agent", "ExampleApp/5.1.0 (Android 14; Pixel 8)").ok(),
			app("beta-old", "/beta/hello", "ios", "5.9.0").ok().counting("beta:warned"),
			app("beta-new", "/beta/hello", "ios", "6.0.0").ok(),
			// Browsers, just below and at the preset, by User-Agent and Client Hints.
			browser("chrome-old", "/web/", CHROME.formatted("119.0.0.0")).rejectedBy("browsers", "Chrome/120"),
			browser("chrome-new", "/web/", CHROME.formatted("120.0.0.0")).ok(),
			browser("firefox-old", "/web/", FIREFOX.formatted("120.0")).rejectedBy("browsers", "Firefox/121"),
			browser("firefox-new", "/web/", FIREFOX.formatted("121.0")).ok(),
			browser("safari-old", "/web/", SAFARI.formatted("17.1")).rejectedBy("browsers", "Safari/17.2"),
			browser("safari-new", "/web/", SAFARI.formatted("17.2")).ok(),
			browser("internet-explorer", "/web/", INTERNET_EXPLORER).rejectedBy("browsers", null),
			get("internet-explorer-html", "/web/", "User-Agent", INTERNET_EXPLORER, "Accept", "text/html")
				.rejectedBy("browsers", null),
			browser("client-hints-old", "/web/", CHROME.formatted("131.0.0.0"), "Sec-CH-UA",
					CLIENT_HINTS.formatted("119"))
				.rejectedBy("browsers", "Chrome/120"),
			browser("client-hints-new", "/web/", CHROME.formatted("131.0.0.0"), "Sec-CH-UA",
					CLIENT_HINTS.formatted("131"))
				.ok(),
			browser("crawler", "/web/", GOOGLEBOT).ok(),
			browser("library", "/web/", "curl/8.5.0").ok(),
			browser("browser-soon-old", "/web-soon/", INTERNET_EXPLORER).ok().counting("browsers-soon:warned"),
			browser("browser-soon-new", "/web-soon/", CHROME.formatted("131.0.0.0")).ok());

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meterRegistry;

	private final Queue<String> failures = new ConcurrentLinkedQueue<>();

	private final Map<String, LongAdder> expectedCounts = new ConcurrentHashMap<>();

	private final LongAdder sent = new LongAdder();

	private final LongAdder answered = new LongAdder();

	@Test
	void manyOldAndNewClientsAtOnceGetTheirExpectedAnswersAndExactCounts() throws Exception {
		Map<String, Double> actuatorBefore = fromActuator();
		Map<String, Double> before = counts();
		List<Client> clients = new ArrayList<>();
		LoopResources loops = LoopResources.create("load-h2c", 2, true);
		long started = System.nanoTime();
		try {
			for (int i = 0; i < CLIENTS; i++) {
				clients.add(new Client(i, SEED + i, kind(i), loops));
			}
			// Every client first sends each of its kinds of request once, so that every meter
			// the load can create exists before the random load starts.
			run(clients, Client::warmUp);
			List<String> upgradeMeters = meters(COUNTER);
			List<String> serverMeters = meters("http.server.requests");
			run(clients, Client::load);
			assertNoFailures();
			assertThat(this.answered.sum()).as("answered").isEqualTo(this.sent.sum());
			assertThat(this.sent.sum()).as("sent").isEqualTo((long) CLIENTS * REQUESTS_PER_CLIENT);
			assertThat(meters(COUNTER)).as("upgrade meters after the load").isEqualTo(upgradeMeters);
			assertThat(meters("http.server.requests")).as("server meters after the load")
				.isEqualTo(serverMeters);
		}
		finally {
			clients.forEach(Client::close);
			loops.disposeLater().block(Duration.ofSeconds(10));
		}
		long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		Map<String, Double> after = counts();
		Map<String, Long> expected = new TreeMap<>();
		Map<String, Long> counted = new TreeMap<>();
		for (String key : after.keySet()) {
			LongAdder adder = this.expectedCounts.get(key);
			expected.put(key, (adder != null) ? adder.sum() : 0L);
			counted.put(key, Math.round(after.get(key) - before.getOrDefault(key, 0.0)));
		}
		assertThat(this.expectedCounts.keySet()).as("expected rule:outcome pairs").isSubsetOf(after.keySet());
		List<String> differences = expected.keySet()
			.stream()
			.filter((key) -> !expected.get(key).equals(counted.get(key)))
			.map((key) -> key + " counted " + counted.get(key) + ", expected " + expected.get(key))
			.toList();
		assertThat(differences).as("counter deltas that differ from what the clients expected").isEmpty();
		assertThat(counted.values().stream().mapToLong(Long::longValue).sum()).isGreaterThan(CLIENTS * 100L);
		// The public view agrees: the actuator's metrics endpoint, over HTTP.
		Map<String, Double> actuatorAfter = fromActuator();
		for (String key : ACTUATOR_CHECKED) {
			assertThat(actuatorAfter.get(key) - actuatorBefore.get(key)).as("%s from the actuator", key)
				.isEqualTo(expected.get(key).doubleValue());
		}
		assertMetersAreBounded();
		System.out.printf("%s: %d requests from %d clients (seed %d) answered in %d ms%n", getClass().getSimpleName(),
				this.sent.sum(), CLIENTS, SEED, elapsed);
	}

	@Test
	void aKeptAliveConnectionOfOnly426sIsNeverEndedUnannounced() {
		// Tomcat ends a connection after 100 requests; it must say so next to the 426's own
		// "Connection: Upgrade", or the client's next request is lost.
		Call secure = CALLS.stream().filter((call) -> call.name().equals("secure")).findFirst().orElseThrow();
		Client client = new Client(0, SEED, Kind.KEEP_ALIVE_HTTP_1_1, null);
		try {
			client.send(250, (i) -> secure);
		}
		finally {
			client.close();
		}
		assertNoFailures();
		assertThat(this.answered.sum()).isEqualTo(250);
	}

	private void run(List<Client> clients, ClientTask task) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(clients.size());
		try {
			Map<Client, Future<?>> futures = new LinkedHashMap<>();
			for (Client client : clients) {
				futures.put(client, executor.submit(() -> {
					task.run(client);
					return null;
				}));
			}
			long deadline = System.nanoTime() + DEADLINE.toNanos();
			for (Map.Entry<Client, Future<?>> entry : futures.entrySet()) {
				try {
					entry.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				}
				catch (TimeoutException ex) {
					fail("Hung: %s had not finished after %s (sent %d, answered %d)", entry.getKey(), DEADLINE,
							this.sent.sum(), this.answered.sum());
				}
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	private void assertNoFailures() {
		if (!this.failures.isEmpty()) {
			fail("%d of %d requests failed (sent %d, answered %d); the first:%n%s", this.failures.size(),
					this.sent.sum(), this.sent.sum(), this.answered.sum(),
					String.join("\n", this.failures.stream().limit(20).toList()));
		}
	}

	/**
	 * Every counter is tagged with a configured rule, its type, one of four outcomes and a
	 * client its type can name: at most (rules x outcomes x clients of the type) meters.
	 */
	private void assertMetersAreBounded() {
		int bound = 0;
		for (String type : RULES.values()) {
			bound += OUTCOMES.size() * CLIENT_TAGS.getOrDefault(type, List.of("other")).size();
		}
		List<Counter> counters = List.copyOf(this.meterRegistry.find(COUNTER).counters());
		for (Counter counter : counters) {
			Meter.Id id = counter.getId();
			String type = RULES.get(id.getTag("rule"));
			assertThat(type).as("%s", id).isNotNull().isEqualTo(id.getTag("type"));
			assertThat(id.getTag("outcome")).as("%s", id).isIn(OUTCOMES);
			assertThat(id.getTag("client")).as("%s", id).isIn(CLIENT_TAGS.getOrDefault(type, List.of("other")));
		}
		assertThat(counters).hasSizeLessThanOrEqualTo(bound);
	}

	/**
	 * Return the distinct tag sets of a meter's series, leaving out {@code error} and
	 * {@code exception}: a client that lets go of its connection as the answer is
	 * written adds an {@code IOException} series now and then (every answer still
	 * arrived), which is a bounded set, not a series per request.
	 */
	private List<String> meters(String name) {
		return this.meterRegistry.find(name)
			.meters()
			.stream()
			.map((meter) -> meter.getId()
				.getTags()
				.stream()
				.filter((tag) -> !tag.getKey().equals("error") && !tag.getKey().equals("exception"))
				.toList()
				.toString())
			.distinct()
			.sorted()
			.toList();
	}

	/**
	 * Return the count of every configured rule and outcome, as {@code rule:outcome}.
	 */
	private Map<String, Double> counts() {
		Map<String, Double> counts = new TreeMap<>();
		for (String rule : RULES.keySet()) {
			for (String outcome : OUTCOMES) {
				counts.put(rule + ":" + outcome, this.meterRegistry.find(COUNTER)
					.tags("rule", rule, "outcome", outcome)
					.counters()
					.stream()
					.mapToDouble(Counter::count)
					.sum());
			}
		}
		return counts;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Double> fromActuator() throws Exception {
		Map<String, Double> counts = new TreeMap<>();
		for (String key : ACTUATOR_CHECKED) {
			String[] ruleAndOutcome = key.split(":");
			HttpResult response = Http.actuator(this.port, "/actuator/metrics/" + COUNTER + "?tag=rule:"
					+ ruleAndOutcome[0] + "&tag=outcome:" + ruleAndOutcome[1]);
			assertThat(response.status()).isEqualTo(200);
			Map<String, Object> metric = JsonMapper.builder().build().readValue(response.body(), Map.class);
			List<Map<String, Object>> measurements = (List<Map<String, Object>>) metric.get("measurements");
			counts.put(key, ((Number) measurements.get(0).get("value")).doubleValue());
		}
		return counts;
	}

	/**
	 * Give the clients their kinds: most speak HTTP/1.1, a quarter HTTP/2, an eighth
	 * HTTP/1.0.
	 */
	private static Kind kind(int client) {
		return switch (client % 16) {
			case 0, 8 -> Kind.HTTP_1_0;
			case 1, 5, 9, 13 -> Kind.JDK_HTTP_1_1;
			case 2, 6, 10, 14 -> Kind.KEEP_ALIVE_HTTP_1_1;
			case 3, 11 -> Kind.JDK_H2C_UPGRADE;
			case 4, 12 -> Kind.NETTY_H2C;
			case 7 -> Kind.CURL_H2C;
			default -> Kind.JDK_HTTP_1_1;
		};
	}

	/**
	 * Return what a client of the given protocol expects: on HTTP/2, the call's HTTP/2
	 * answer; on HTTP/1.0, unless the path is excluded or a trusted proxy says the
	 * client's version, the 426 of the HTTP-version rule (configured first, so it decides),
	 * while the rules that warn or report on the path are still counted.
	 */
	static Expected expected(Call call, Protocol protocol) {
		if (protocol == Protocol.HTTP_2) {
			return call.http2();
		}
		if (protocol == Protocol.HTTP_1_0 && !call.excluded() && !call.forwarded()) {
			List<String> counts = new ArrayList<>(List.of("http-1-1:rejected"));
			call.http11().counts().stream().filter((count) -> !count.endsWith(":rejected")).forEach(counts::add);
			return new Expected(426, "http-1-1", "HTTP/1.1", List.copyOf(counts));
		}
		return call.http11();
	}

	/**
	 * Compare an answer with what was expected.
	 * @return what differs, or {@code null}
	 */
	static String mismatch(Call call, Protocol protocol, HttpResult response) {
		Expected expected = expected(call, protocol);
		List<String> problems = new ArrayList<>();
		if (response.status() != expected.status()) {
			problems.add("status " + response.status() + ", expected " + expected.status());
		}
		if (protocol == Protocol.HTTP_2 && !response.protocol().equals("HTTP/2")) {
			problems.add("answered over " + response.protocol() + ", expected HTTP/2");
		}
		boolean head = call.method().equals("HEAD");
		String body = response.body();
		if (expected.status() == 426) {
			if (protocol == Protocol.HTTP_2) {
				if (response.hasHeader("Upgrade") || response.hasHeader("Connection")) {
					problems.add("Upgrade or Connection header on HTTP/2: " + response.headers());
				}
			}
			else if (response.header("Upgrade") == null
					|| (expected.upgrade() != null && !expected.upgrade().equals(response.header("Upgrade")))) {
				problems.add("Upgrade " + response.header("Upgrade") + ", expected " + expected.upgrade());
			}
			if (head) {
				expectEmpty(body, problems);
			}
			else if (call.accepts("text/html")) {
				if (!body.startsWith("<!DOCTYPE html>") || !body.trim().endsWith("</html>")) {
					problems.add("not a whole HTML page: " + body);
				}
			}
			else if (call.accepts("text/plain")) {
				if (!body.startsWith("426 Upgrade Required\n") || !body.contains("Upgrade: ")) {
					problems.add("not the text answer: " + body);
				}
			}
			else if (!body.startsWith("{\"type\":") || !body.endsWith("}")
					|| !body.contains("\"rule\":\"" + expected.rule() + "\"")) {
				problems.add("problem body does not name rule " + expected.rule() + ": " + body);
			}
		}
		else if (expected.status() == 308) {
			String location = response.header("Location");
			if (location == null || !location.startsWith("https://") || !location.endsWith(call.target())) {
				problems.add("Location " + location);
			}
		}
		else if (expected.status() == 200) {
			if (head) {
				expectEmpty(body, problems);
			}
			else if (call.excluded() ? !body.contains("\"status\":\"UP\"") : !body.equals("{\"message\":\"hello\"}")) {
				problems.add("body " + body);
			}
		}
		boolean warned = expected.counts().stream().anyMatch((count) -> count.endsWith(":warned"));
		if (expected.status() != 426 && warned != response.hasHeader("Deprecation")) {
			problems.add("Deprecation " + response.header("Deprecation") + ", expected " + (warned ? "one" : "none"));
		}
		String length = response.header("Content-Length");
		int bytes = body.getBytes(StandardCharsets.UTF_8).length;
		if (!head && length != null && Integer.parseInt(length.trim()) != bytes) {
			problems.add("Content-Length " + length + " but a body of " + body.length() + " bytes");
		}
		return problems.isEmpty() ? null : String.join("; ", problems);
	}

	private static void expectEmpty(String body, List<String> problems) {
		if (!body.isEmpty()) {
			problems.add("a body to HEAD: " + body);
		}
	}

	private static boolean curlReusesH2cConnections() {
		try {
			Process process = new ProcessBuilder("curl", "--version").redirectErrorStream(true).start();
			String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
			process.waitFor(10, TimeUnit.SECONDS);
			// "curl 8.5.0 (x86_64-pc-linux-gnu) ..."
			return Integer.parseInt(version.split("[ .]")[1]) >= 8;
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static Map<String, String> rules(String... namesAndTypes) {
		Map<String, String> rules = new LinkedHashMap<>();
		for (int i = 0; i < namesAndTypes.length; i += 2) {
			rules.put(namesAndTypes[i], namesAndTypes[i + 1]);
		}
		return rules;
	}

	private static Call call(String name, String method, String target, String... headers) {
		return new Call(name, method, target, List.of(headers), Expected.OK, null, false, false, true);
	}

	private static Call get(String name, String target, String... headers) {
		return call(name, "GET", target, headers);
	}

	private static Call app(String name, String target, String platform, String version) {
		return get(name, target, "X-App-Platform", platform, "X-App-Version", version);
	}

	private static Call browser(String name, String target, String userAgent, String... headers) {
		List<String> all = new ArrayList<>(List.of("User-Agent", userAgent, "Accept", "application/json"));
		all.addAll(List.of(headers));
		return get(name, target, all.toArray(String[]::new));
	}

	/**
	 * A request that a trusted proxy (the loopback address every client here connects
	 * from) forwards, saying the client's HTTP version and, optionally, more.
	 */
	private static Call forwarded(String name, String target, String httpVersion, String... headers) {
		List<String> all = new ArrayList<>(
				List.of(FORWARDED_FOR, CLIENT_ADDRESS, "X-Forwarded-Http-Version", httpVersion));
		all.addAll(List.of(headers));
		return new Call(name, "GET", target, List.copyOf(all), Expected.OK, null, true, false, true);
	}

	/**
	 * The protocol a client speaks.
	 */
	enum Protocol {

		HTTP_1_0, HTTP_1_1, HTTP_2

	}

	/**
	 * The kinds of client.
	 */
	enum Kind {

		/**
		 * HTTP/1.0 over a raw socket, a connection per request, read to its end.
		 */
		HTTP_1_0(Protocol.HTTP_1_0),

		/**
		 * The JDK client, HTTP/1.1 only.
		 */
		JDK_HTTP_1_1(Protocol.HTTP_1_1),

		/**
		 * HTTP/1.1 over a raw socket kept alive from one request to the next.
		 */
		KEEP_ALIVE_HTTP_1_1(Protocol.HTTP_1_1),

		/**
		 * The JDK client, HTTP/2: over cleartext it asks to upgrade from HTTP/1.1
		 * ({@code Upgrade: h2c}).
		 */
		JDK_H2C_UPGRADE(Protocol.HTTP_2),

		/**
		 * Reactor Netty's client, h2c with prior knowledge.
		 */
		NETTY_H2C(Protocol.HTTP_2),

		/**
		 * curl, h2c with prior knowledge, a process for a batch of requests.
		 */
		CURL_H2C(Protocol.HTTP_2);

		final Protocol protocol;

		Kind(Protocol protocol) {
			this.protocol = protocol;
		}

		boolean sends(Call call) {
			return switch (this) {
				case HTTP_1_0 -> call.onHttp10();
				// The JDK client keeps a connection unless the first Connection line is
				// "close"; Tomcat ends a connection after 100 requests with a second line,
				// after the 426's "Connection: Upgrade", so the next request on it finds
				// the connection closed. The client sends an idempotent request again on a
				// new connection, a POST it does not: POSTs go over the other clients.
				// Nor actuator requests: Spring Boot 4.1.0's actuator on Reactor Netty 1.3.6
				// leaves a later request on a kept-alive connection without an answer now and
				// then (see docs/known-issues.md), and the pool cannot be told to let go.
				case JDK_HTTP_1_1 -> !call.method().equals("POST") && !call.excluded();
				case CURL_H2C -> call.method().equals("GET");
				default -> true;
			};
		}

	}

	/**
	 * What a client expects: the status, the rule that rejects (for a 426), the
	 * {@code Upgrade} it offers ({@code null} for any) and every {@code rule:outcome} the
	 * request counts.
	 */
	record Expected(int status, String rule, String upgrade, List<String> counts) {

		static final Expected OK = new Expected(200, null, null, List.of());

	}

	/**
	 * A request and what it expects over HTTP/1.1 and HTTP/2 ({@code null}: the same).
	 */
	record Call(String name, String method, String target, List<String> headers, Expected http11, Expected h2,
			boolean forwarded, boolean excluded, boolean onHttp10) {

		Expected http2() {
			return (this.h2 != null) ? this.h2 : this.http11;
		}

		Call ok() {
			return expect(Expected.OK);
		}

		Call answered(int status) {
			return expect(new Expected(status, null, null, List.of()));
		}

		Call rejectedBy(String rule, String upgrade) {
			return expect(new Expected(426, rule, upgrade, List.of(rule + ":rejected")));
		}

		Call counting(String count) {
			List<String> counts = new ArrayList<>(this.http11.counts());
			counts.add(count);
			return expect(new Expected(this.http11.status(), this.http11.rule(), this.http11.upgrade(),
					List.copyOf(counts)));
		}

		Call onHttp2(Expected expected) {
			return new Call(this.name, this.method, this.target, this.headers, this.http11, expected, this.forwarded,
					this.excluded, this.onHttp10);
		}

		Call excludedFromRules() {
			return new Call(this.name, this.method, this.target, this.headers, this.http11, this.h2, this.forwarded,
					true, this.onHttp10);
		}

		Call notOnHttp10() {
			return new Call(this.name, this.method, this.target, this.headers, this.http11, this.h2, this.forwarded,
					this.excluded, false);
		}

		boolean accepts(String type) {
			for (int i = 0; i < this.headers.size(); i += 2) {
				if (this.headers.get(i).equalsIgnoreCase("Accept") && this.headers.get(i + 1).startsWith(type)) {
					return true;
				}
			}
			return false;
		}

		private Call expect(Expected expected) {
			return new Call(this.name, this.method, this.target, this.headers, expected, this.h2, this.forwarded,
					this.excluded, this.onHttp10);
		}

		@Override
		public String toString() {
			return this.name + " (" + this.method + " " + this.target + " " + this.headers + ")";
		}

	}

	/**
	 * Work a client does.
	 */
	@FunctionalInterface
	interface ClientTask {

		void run(Client client) throws Exception;

	}

	/**
	 * One concurrent client: its kind, its seed, its connection or library client.
	 */
	final class Client {

		private final int index;

		private final long seed;

		private final Kind kind;

		private final List<Call> calls;

		private final java.net.http.HttpClient jdk;

		private final ConnectionProvider provider;

		private final reactor.netty.http.client.HttpClient netty;

		private RawConnection keptAlive;

		private int done;

		Client(int index, long seed, Kind kind, LoopResources loops) {
			this.index = index;
			this.seed = seed;
			this.kind = kind;
			this.calls = CALLS.stream().filter(kind::sends).toList();
			this.jdk = switch (kind) {
				case JDK_HTTP_1_1 -> jdkClient(java.net.http.HttpClient.Version.HTTP_1_1);
				case JDK_H2C_UPGRADE -> jdkClient(java.net.http.HttpClient.Version.HTTP_2);
				default -> null;
			};
			this.provider = (kind == Kind.NETTY_H2C) ? ConnectionProvider.create("load-h2c-" + index, 1) : null;
			this.netty = (this.provider != null) ? reactor.netty.http.client.HttpClient.create(this.provider)
				.runOn(loops)
				.protocol(HttpProtocol.H2C)
				.responseTimeout(ANSWER_TIMEOUT) : null;
		}

		private static java.net.http.HttpClient jdkClient(java.net.http.HttpClient.Version version) {
			return java.net.http.HttpClient.newBuilder()
				.version(version)
				.followRedirects(java.net.http.HttpClient.Redirect.NEVER)
				.connectTimeout(ANSWER_TIMEOUT)
				.build();
		}

		void warmUp() {
			send(this.calls.size(), this.calls::get);
		}

		void load() {
			Random random = new Random(this.seed);
			send(REQUESTS_PER_CLIENT - this.calls.size(), (i) -> this.calls.get(random.nextInt(this.calls.size())));
		}

		private void send(int count, IntFunction<Call> pick) {
			int batch = (this.kind == Kind.CURL_H2C) ? CURL_BATCH : 1;
			for (int first = 0; first < count; first += batch) {
				List<Call> calls = new ArrayList<>();
				for (int i = first; i < Math.min(count, first + batch); i++) {
					Call call = pick.apply(i);
					calls.add(call);
					for (String counted : expected(call, this.kind.protocol).counts()) {
						AbstractLoadTests.this.expectedCounts.computeIfAbsent(counted, (key) -> new LongAdder())
							.increment();
					}
				}
				AbstractLoadTests.this.sent.add(calls.size());
				try {
					List<HttpResult> responses = exchange(calls);
					for (int i = 0; i < calls.size(); i++) {
						AbstractLoadTests.this.answered.increment();
						String mismatch = mismatch(calls.get(i), this.kind.protocol, responses.get(i));
						if (mismatch != null) {
							failure(this.done + i, calls.get(i), mismatch);
						}
					}
				}
				catch (Exception ex) {
					String of = (calls.size() > 1) ? " to a batch of " + calls.size() : "";
					failure(this.done, calls.get(0), "no answer" + of + ": " + ex);
					closeConnection();
				}
				this.done += calls.size();
			}
		}

		private void failure(int request, Call call, String what) {
			AbstractLoadTests.this.failures.add(this + " request #" + request + " " + call + ": " + what);
		}

		private List<HttpResult> exchange(List<Call> calls) throws Exception {
			if (this.kind == Kind.CURL_H2C) {
				// curl 7.88 fails a request that reuses an h2c prior-knowledge connection
				// (curl/curl#10634, fixed in 8.0): there each request of a batch names a
				// loopback address of its own, so it opens a connection of its own (and
				// still comes from 127.0.0.1, the trusted proxy).
				List<List<String>> requests = new ArrayList<>();
				for (Call call : calls) {
					List<String> request = new ArrayList<>(List.of("--http2-prior-knowledge"));
					for (int i = 0; i < call.headers().size(); i += 2) {
						request.add("-H");
						request.add(call.headers().get(i) + ": " + call.headers().get(i + 1));
					}
					String host = CURL_REUSES_H2C ? "127.0.0.1" : "127.0.0." + (1 + requests.size());
					request.add("http://" + host + ":" + AbstractLoadTests.this.port + call.target());
					requests.add(request);
				}
				return Http.curlEach(requests);
			}
			return List.of(exchange(calls.get(0)));
		}

		private HttpResult exchange(Call call) throws Exception {
			String[] headers = call.headers().toArray(String[]::new);
			URI uri = URI.create("http://127.0.0.1:" + AbstractLoadTests.this.port + call.target());
			return switch (this.kind) {
				case HTTP_1_0 -> {
					try (RawConnection connection = new RawConnection(AbstractLoadTests.this.port)) {
						HttpResult response = connection.exchange(request(call, "HTTP/1.0"), isHead(call));
						if (!connection.endsHere()) {
							throw new IOException("More than one response to an HTTP/1.0 request");
						}
						yield response;
					}
				}
				case KEEP_ALIVE_HTTP_1_1 -> {
					if (this.keptAlive == null || !this.keptAlive.isReusable()) {
						closeConnection();
						this.keptAlive = new RawConnection(AbstractLoadTests.this.port);
					}
					// Tomcat closes after 100 requests, saying so in a Connection line of its
					// own next to the 426's "Connection: Upgrade": the connection sees it.
					HttpResult response = this.keptAlive.exchange(request(call, "HTTP/1.1"), isHead(call));
					if (call.excluded()) {
						// A connection that served the actuator is not used again (as above).
						closeConnection();
					}
					yield response;
				}
				case JDK_HTTP_1_1, JDK_H2C_UPGRADE -> Http.send(this.jdk, uri, ANSWER_TIMEOUT, call.method(), headers);
				case NETTY_H2C -> netty(call, uri);
				case CURL_H2C -> throw new IllegalStateException("curl sends batches");
			};
		}

		private HttpResult netty(Call call, URI uri) {
			List<String> headers = call.headers();
			return this.netty.headers((outbound) -> {
				for (int i = 0; i < headers.size(); i += 2) {
					outbound.add(headers.get(i), headers.get(i + 1));
				}
			})
				.request(HttpMethod.valueOf(call.method()))
				.uri(uri)
				.responseSingle((response, content) -> content.asString(StandardCharsets.UTF_8)
					.defaultIfEmpty("")
					.map((body) -> {
						Map<String, List<String>> names = new LinkedHashMap<>();
						response.responseHeaders()
							.forEach((header) -> names.computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT),
									(name) -> new ArrayList<>())
								.add(header.getValue()));
						String protocol = response.version().majorVersion() == 2 ? "HTTP/2" : response.version().text();
						return new HttpResult(protocol, response.status().code(), names, body);
					}))
				.block(ANSWER_TIMEOUT);
		}

		private static boolean isHead(Call call) {
			return call.method().equals("HEAD");
		}

		private byte[] request(Call call, String version) {
			StringBuilder request = new StringBuilder().append(call.method())
				.append(' ')
				.append(call.target())
				.append(' ')
				.append(version)
				.append("\r\nHost: 127.0.0.1:")
				.append(AbstractLoadTests.this.port)
				.append("\r\n");
			for (int i = 0; i < call.headers().size(); i += 2) {
				request.append(call.headers().get(i)).append(": ").append(call.headers().get(i + 1)).append("\r\n");
			}
			if (call.method().equals("POST")) {
				request.append("Content-Length: 0\r\n");
			}
			return request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
		}

		private void closeConnection() {
			if (this.keptAlive != null) {
				try {
					this.keptAlive.close();
				}
				catch (IOException ex) {
					// closing after a failure already reported
				}
				this.keptAlive = null;
			}
		}

		void close() {
			closeConnection();
			if (this.provider != null) {
				this.provider.disposeLater().block(Duration.ofSeconds(10));
			}
		}

		@Override
		public String toString() {
			return "client " + this.index + " (" + this.kind + ", seed " + this.seed + ")";
		}

	}

}
