package io.github.upgraderequired.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counting under load and under a flood of made-up values, over real sockets: the counter
 * equals what the clients saw, and no request creates a meter.
 */
abstract class AbstractObservabilityEndToEndTests {

	private static final int VALUES_PER_KIND = 10_000;

	private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
			+ "(KHTML, like Gecko) Chrome/%d.0.0.0 Safari/537.36";

	private static final String[] FAMILIES = { "Chrome/%d.0.0.0 Safari/537.36", "Firefox/%d.0",
			"Chrome/%d.0.0.0 Safari/537.36 Edg/%d.0.0.0", "Chrome/%d.0.0.0 Safari/537.36 OPR/%d.0.0.0" };

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meterRegistry;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@Test
	void aFloodOfMadeUpVersionsPlatformsAndAgentsCreatesNoMeters() throws Exception {
		// Each kind of value a few hundred times first, so that every bounded client value
		// the flood can name already has its meters.
		flood(0, 400);
		int meters = meters();
		int rejected = flood(400, VALUES_PER_KIND);
		assertThat(rejected).isGreaterThan(VALUES_PER_KIND);
		assertThat(meters()).isEqualTo(meters);
	}

	@Test
	void countsEqualWhatConcurrentClientsSaw() throws Exception {
		double rejectedBefore = count("secure", "rejected");
		double warnedBefore = count("deprecated", "warned");
		double reportedBefore = count("shadow", "reported");
		AtomicInteger rejected = new AtomicInteger();
		AtomicInteger warned = new AtomicInteger();
		AtomicInteger reported = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		ExecutorService executor = Executors.newFixedThreadPool(32);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int client = 0; client < 32; client++) {
				int seed = client;
				futures.add(executor.submit(() -> {
					Random random = new Random(seed);
					for (int i = 0; i < 60; i++) {
						int pick = random.nextInt(5);
						String path = new String[] { "/secure/hello", "/deprecated/hello", "/shadow/hello",
								"/open/hello", "/secure/hello" }[pick];
						HttpRequest.Builder request = HttpRequest
							.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
						if (pick == 4) {
							// An origin the application refuses: Spring's 403, not our 426.
							request.header("Origin", "https://evil.example.com");
						}
						try {
							HttpResponse<String> response = this.client.send(request.build(),
									HttpResponse.BodyHandlers.ofString());
							if (pick == 4) {
								if (response.statusCode() != 403) {
									failed.incrementAndGet();
								}
							}
							else if (response.statusCode() == 426) {
								rejected.incrementAndGet();
							}
							else if (response.headers().firstValue("Deprecation").isPresent()) {
								warned.incrementAndGet();
							}
							else if (path.equals("/shadow/hello") && response.statusCode() == 200) {
								reported.incrementAndGet();
							}
							else if (response.statusCode() != 200) {
								failed.incrementAndGet();
							}
						}
						catch (Exception ex) {
							failed.incrementAndGet();
						}
					}
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			executor.shutdown();
		}
		assertThat(failed).hasValue(0);
		assertThat(rejected.get() + warned.get() + reported.get()).isGreaterThan(1_000);
		assertThat(count("secure", "rejected") - rejectedBefore).isEqualTo(rejected.get());
		assertThat(count("deprecated", "warned") - warnedBefore).isEqualTo(warned.get());
		assertThat(count("shadow", "reported") - reportedBefore).isEqualTo(reported.get());
	}

	@Test
	@SuppressWarnings("unchecked")
	void theMetricsEndpointReportsExactlyTheNewRejections() throws Exception {
		double before = rejectedFromActuator();
		for (int i = 0; i < 7; i++) {
			assertThat(Http.http11(this.port, "GET", "/secure/hello").status()).isEqualTo(426);
		}
		assertThat(rejectedFromActuator() - before).isEqualTo(7);
	}

	private double rejectedFromActuator() throws Exception {
		HttpResult response = Http.actuator(this.port,
				"/actuator/metrics/upgrade.required.requests?tag=outcome:rejected&tag=rule:secure");
		assertThat(response.status()).isEqualTo(200);
		Map<String, Object> metric = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readValue(response.body(), Map.class);
		List<Map<String, Object>> measurements = (List<Map<String, Object>>) metric.get("measurements");
		return ((Number) measurements.get(0).get("value")).doubleValue();
	}

	/**
	 * Send made-up values, each distinct, to the version and browser rules: for every
	 * index an API version, an app platform and version, a User-Agent and a Client Hints
	 * brand list, from eight clients at once.
	 * @return the number of 426 responses
	 */
	private int flood(int from, int count) throws Exception {
		AtomicInteger rejected = new AtomicInteger();
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int client = 0; client < 8; client++) {
				int first = from + client;
				futures.add(executor.submit(() -> {
					for (int i = first; i < from + count; i += 8) {
						for (HttpRequest request : madeUp(i)) {
							if (this.client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 426) {
								rejected.incrementAndGet();
							}
						}
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			executor.shutdown();
		}
		return rejected.get();
	}

	private List<HttpRequest> madeUp(int i) {
		int version = 1 + (i % 200);
		String product = String.format(FAMILIES[i % FAMILIES.length], version, version);
		String agent = (i % 5 == 0) ? "Agent-" + i + "/" + version
				: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
						+ product.replace(".0.0.0", ".0." + i + ".0");
		return List.of(request("/api/hello").header("API-Version", "1." + i + "." + (i % 7)).build(),
				request("/app/hello").header("X-App-Platform", (i % 2 == 0) ? "ios" : "platform-" + i)
					.header("X-App-Version", (i % 6) + "." + i)
					.build(),
				request("/web/").header("User-Agent", agent).build(),
				request("/web/").header("User-Agent", CHROME.formatted(version))
					.header("Sec-CH-UA",
							"\"" + ((i % 2 == 0) ? "Google Chrome" : "Brand-" + i) + "\";v=\"" + version
									+ "\", \"Chromium\";v=\"" + version + "\"")
					.header("Sec-CH-UA-Full-Version-List",
							(i % 3 == 0) ? "\"Google Chrome\";v=\"" + version + ".0." + i + ".1\"" : "\"Brand-" + i + "\";v=\"" + i + "\"")
					.build());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
	}

	private int meters() {
		return this.meterRegistry.find("upgrade.required.requests").counters().size();
	}

	private double count(String rule, String outcome) {
		return Meters.count(this.meterRegistry, rule, outcome);
	}

}
