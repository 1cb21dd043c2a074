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

import io.micrometer.core.instrument.Counter;
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
		// Every kind of value once, so that each bounded client value has its meters.
		flood(new Random(1), 200);
		int meters = meters();
		int rejected = flood(new Random(2), 10_000);
		assertThat(rejected).isGreaterThan(1_000);
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
						String path = new String[] { "/secure/hello", "/deprecated/hello", "/shadow/hello",
								"/open/hello" }[random.nextInt(4)];
						try {
							HttpResponse<String> response = this.client.send(
									HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
									HttpResponse.BodyHandlers.ofString());
							if (response.statusCode() == 426) {
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
		HttpResult response = Http.http11(this.port, "GET",
				"/actuator/metrics/upgrade.required.requests?tag=outcome:rejected&tag=rule:secure");
		assertThat(response.status()).isEqualTo(200);
		Map<String, Object> metric = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readValue(response.body(), Map.class);
		List<Map<String, Object>> measurements = (List<Map<String, Object>>) metric.get("measurements");
		return ((Number) measurements.get(0).get("value")).doubleValue();
	}

	/**
	 * Send requests with made-up values to the version rules.
	 * @return the number of 426 responses
	 */
	private int flood(Random random, int requests) throws Exception {
		int rejected = 0;
		for (int i = 0; i < requests; i++) {
			HttpRequest.Builder request;
			switch (i % 3) {
				case 0 -> request = request("/api/hello").header("API-Version",
						random.nextInt(3) + "." + random.nextInt(1_000_000) + "." + random.nextInt(1000));
				case 1 -> request = request("/app/hello")
					.header("X-App-Platform", (i % 2 == 0) ? "ios" : "platform-" + random.nextInt(1_000_000))
					.header("X-App-Version", random.nextInt(6) + "." + random.nextInt(1_000_000));
				default -> {
					int version = 1 + random.nextInt(200);
					String product = String.format(FAMILIES[random.nextInt(FAMILIES.length)], version, version);
					String agent = (random.nextInt(5) == 0) ? "Agent-" + random.nextLong()
							: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) " + product;
					request = request("/web/").header("User-Agent", agent);
				}
			}
			if (this.client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 426) {
				rejected++;
			}
		}
		return rejected;
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
	}

	private int meters() {
		return this.meterRegistry.find("upgrade.required.requests").counters().size();
	}

	private double count(String rule, String outcome) {
		return this.meterRegistry.find("upgrade.required.requests")
			.tags("rule", rule, "outcome", outcome)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

}
