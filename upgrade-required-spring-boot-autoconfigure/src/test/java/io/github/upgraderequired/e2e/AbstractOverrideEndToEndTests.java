package io.github.upgraderequired.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import io.github.upgraderequired.actuate.UpgradeRequiredEndpoint;
import io.github.upgraderequired.web.UpgradePipeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.audit.InMemoryAuditEventRepository;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incident override through the {@code upgraderequired} endpoint and a configuration
 * refresh through Spring Cloud's {@code refresh} endpoint, over real sockets, in an
 * application secured by Spring Security that grants write access to the endpoint: the
 * override changes what clients get at once and is audited with its principal, bad
 * requests get 400 with the reason and change nothing, {@code off} in the configuration
 * wins, a refresh keeps the override, and clients under load during repeated swaps get
 * the answer of one policy or the other, never a mix.
 */
abstract class AbstractOverrideEndToEndTests {

	/**
	 * The application's settings, one per line.
	 */
	static final String PROPERTIES = """
			spring.security.user.name=user
			spring.security.user.password={noop}secret
			management.endpoints.web.exposure.include=upgraderequired,refresh
			management.endpoint.upgraderequired.access=unrestricted
			upgrade-required.rules.legacy.type=http-version
			upgrade-required.rules.legacy.paths=/public/**
			upgrade-required.rules.dormant.type=http-version
			upgrade-required.rules.dormant.paths=/private/**
			upgrade-required.rules.dormant.mode=off
			upgrade-required.rules.api-2.type=api-version
			upgrade-required.rules.api-2.minimum=2
			upgrade-required.rules.api-2.paths=/public/**
			upgrade-required.rules.api-3.type=api-version
			upgrade-required.rules.api-3.minimum=3
			upgrade-required.rules.api-3.paths=/public/**
			upgrade-required.rules.api-3.mode=warn
			upgrade-required.rules.api-3.deprecation=2026-01-01T00:00:00Z
			logging.level.io.github.upgraderequired.autoconfigure.ConfigurationRefresh=warn
			""";

	private static final String CREDENTIALS = "Basic "
			+ Base64.getEncoder().encodeToString("user:secret".getBytes(StandardCharsets.US_ASCII));

	private static final String ENDPOINT = "/actuator/upgraderequired/";

	@LocalServerPort
	int port;

	@Autowired
	UpgradePipeline pipeline;

	@Autowired
	InMemoryAuditEventRepository auditEvents;

	@Autowired
	ConfigurableEnvironment environment;

	@Autowired
	ApplicationContext context;

	@AfterEach
	void clearOverrides() {
		for (String rule : List.of("legacy", "dormant", "api-2", "api-3")) {
			this.pipeline.clearOverride(rule);
		}
	}

	@Test
	void anOverrideChangesWhatClientsGetAtOnceAndClearingItRestoresTheConfiguration() throws Exception {
		assertThat(Http.http10(this.port, "GET", "/public/hello").status()).isEqualTo(426);
		Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		HttpResult set = Http.actuator(this.port, "POST", ENDPOINT + "legacy", "{\"mode\":\"warn\"}", "Authorization",
				CREDENTIALS);
		assertThat(set.status()).isEqualTo(200);
		assertThat((String) JsonPath.read(set.body(), "$.mode")).isEqualTo("enforce");
		assertThat((String) JsonPath.read(set.body(), "$.override.mode")).isEqualTo("warn");
		assertThat((String) JsonPath.read(set.body(), "$.override.by")).isEqualTo("user");
		assertThat((String) JsonPath.read(set.body(), "$.modeNow")).isEqualTo("warn");
		HttpResult warned = Http.http10(this.port, "GET", "/public/hello");
		assertThat(warned.status()).isEqualTo(200);
		// The rule has no instant of its own: the override's is sent, and no Sunset, since
		// the override has no end.
		long deprecation = Long.parseLong(warned.header("Deprecation").substring(1));
		assertThat(Instant.ofEpochSecond(deprecation)).isBetween(before, Instant.now());
		assertThat(warned.headers("Sunset")).isEmpty();
		HttpResult described = Http.actuator(this.port, "GET", ENDPOINT + "legacy", null);
		assertThat((String) JsonPath.read(described.body(), "$.modeNow")).isEqualTo("warn");

		HttpResult cleared = Http.actuator(this.port, "DELETE", ENDPOINT + "legacy", null, "Authorization",
				CREDENTIALS);
		assertThat(cleared.status()).isEqualTo(200);
		assertThat((String) JsonPath.read(cleared.body(), "$.modeNow")).isEqualTo("enforce");
		assertThat(cleared.body()).doesNotContain("override");
		assertThat(Http.http10(this.port, "GET", "/public/hello").status()).isEqualTo(426);

		List<AuditEvent> events = this.auditEvents.find("user", before.minusSeconds(1), null);
		assertThat(events).extracting(AuditEvent::getType)
			.containsSubsequence(UpgradeRequiredEndpoint.OVERRIDE_SET, UpgradeRequiredEndpoint.OVERRIDE_CLEARED);
		AuditEvent setEvent = events.stream()
			.filter((event) -> event.getType().equals(UpgradeRequiredEndpoint.OVERRIDE_SET))
			.reduce((first, second) -> second)
			.orElseThrow();
		assertThat(setEvent.getData()).containsEntry("rule", "legacy").containsEntry("mode", "warn");
	}

	@Test
	void anOverrideWithAnEndSendsItAsSunsetAndEndsOnItsOwn() throws Exception {
		Instant until = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
		HttpResult set = Http.actuator(this.port, "POST", ENDPOINT + "legacy",
				"{\"mode\":\"warn\",\"until\":\"" + until + "\"}", "Authorization", CREDENTIALS);
		assertThat(set.status()).isEqualTo(200);
		assertThat((String) JsonPath.read(set.body(), "$.override.until")).isEqualTo(until.toString());
		HttpResult warned = Http.http10(this.port, "GET", "/public/hello");
		assertThat(warned.status()).isEqualTo(200);
		// The rule enforces again when the override ends.
		assertThat(warned.header("Sunset"))
			.isEqualTo(DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
				.format(until.atZone(ZoneOffset.UTC)));
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
		int status = 200;
		while (status == 200 && System.nanoTime() < deadline) {
			Thread.sleep(200);
			status = Http.http10(this.port, "GET", "/public/hello").status();
		}
		assertThat(status).isEqualTo(426);
		assertThat(Instant.now()).isAfterOrEqualTo(until);
		HttpResult described = Http.actuator(this.port, "GET", ENDPOINT + "legacy", null);
		assertThat((String) JsonPath.read(described.body(), "$.modeNow")).isEqualTo("enforce");
		assertThat(described.body()).doesNotContain("override");
	}

	@Test
	void badRequestsGet400WithTheReasonAndChangeNothing() throws Exception {
		assertBadRequest("nope", "{\"mode\":\"warn\"}", "There is no rule named 'nope'; the rules are: legacy, "
				+ "dormant, api-2, api-3");
		assertBadRequest("legacy", "{\"mode\":\"relaxed\"}",
				"Unknown mode 'relaxed'; use one of enforce, warn, report, off");
		assertBadRequest("legacy", "{\"mode\":\"warn\",\"until\":\"2020-01-01T00:00:00Z\"}",
				"'until' (2020-01-01T00:00:00Z) is not in the future");
		assertBadRequest("legacy", "{\"mode\":\"warn\",\"until\":\"next tuesday\"}",
				"'until' is not an instant: 'next tuesday'");
		String longMode = "x".repeat(5000) + "\r\nX-Injected: 1";
		HttpResult hostile = Http.actuator(this.port, "POST", ENDPOINT + "legacy",
				"{\"mode\":\"" + longMode.replace("\r", "\\r").replace("\n", "\\n") + "\"}", "Authorization",
				CREDENTIALS);
		assertThat(hostile.status()).isEqualTo(400);
		String reason = JsonPath.read(hostile.body(), "$.message");
		assertThat(reason).hasSizeLessThan(200).doesNotContain("\r", "\n");
		HttpResult unknownOnDelete = Http.actuator(this.port, "DELETE", ENDPOINT + "nope", null, "Authorization",
				CREDENTIALS);
		assertThat(unknownOnDelete.status()).isEqualTo(400);
		assertThat((String) JsonPath.read(unknownOnDelete.body(), "$.message")).startsWith("There is no rule named");
		assertThat(this.pipeline.engine().overrides()).isEmpty();
		assertThat(Http.http10(this.port, "GET", "/public/hello").status()).isEqualTo(426);
	}

	@Test
	void offInTheConfigurationWinsOverAnOverride() throws Exception {
		HttpResult set = Http.actuator(this.port, "POST", ENDPOINT + "dormant", "{\"mode\":\"enforce\"}",
				"Authorization", CREDENTIALS);
		assertThat(set.status()).isEqualTo(200);
		assertThat((String) JsonPath.read(set.body(), "$.override.mode")).isEqualTo("enforce");
		assertThat((String) JsonPath.read(set.body(), "$.modeNow")).isEqualTo("off");
		assertThat(Http.http10(this.port, "GET", "/private/hello", "Authorization", CREDENTIALS).status())
			.isEqualTo(200);
	}

	@Test
	void aRefreshOfTheConfigurationKeepsTheOverride() throws Exception {
		HttpResult set = Http.actuator(this.port, "POST", ENDPOINT + "legacy", "{\"mode\":\"warn\"}", "Authorization",
				CREDENTIALS);
		assertThat(set.status()).isEqualTo(200);
		assertThat(Http.http10(this.port, "GET", "/public/hello").header("Link")).isNull();
		// The file each stack's application imports (on its command line, where Spring
		// Cloud's refresh reads it again), absent when it started.
		Path file = Path.of(this.environment.getProperty("spring.config.import").substring("optional:file:".length()));
		Files.writeString(file, "upgrade-required.rules.legacy.documentation=https://example.com/docs/http-1-1\n");
		try {
			HttpResult refreshed = Http.actuator(this.port, "POST", "/actuator/refresh", null, "Authorization",
					CREDENTIALS);
			assertThat(refreshed.status()).isEqualTo(200);
			assertThat(refreshed.body()).contains("upgrade-required.rules.legacy.documentation");
			// The new configuration is in force (its documentation link is sent) and the
			// override too (the rule still warns).
			HttpResult warned = Http.http10(this.port, "GET", "/public/hello");
			assertThat(warned.status()).isEqualTo(200);
			assertThat(warned.header("Link")).contains("https://example.com/docs/http-1-1");
			HttpResult described = Http.actuator(this.port, "GET", ENDPOINT + "legacy", null);
			assertThat((String) JsonPath.read(described.body(), "$.override.mode")).isEqualTo("warn");
			assertThat((String) JsonPath.read(described.body(), "$.documentation"))
				.isEqualTo("https://example.com/docs/http-1-1");
		}
		finally {
			Files.delete(file);
			Http.actuator(this.port, "POST", "/actuator/refresh", null, "Authorization", CREDENTIALS);
		}
	}

	@Test
	void clientsUnderLoadDuringRepeatedRefreshesGetTheAnswerOfOnePolicyOrTheOther() throws Exception {
		// Policy B turns the two API rules around: api-2 only reports, api-3 enforces. Each
		// refresh binds, checks and compiles the whole configuration and swaps it in, as
		// for Spring Cloud's refresh (which only adds rebuilding the environment).
		Map<String, Object> turn = new HashMap<>();
		MapPropertySource source = new MapPropertySource("turn", turn);
		this.environment.getPropertySources().addFirst(source);
		Set<String> keys = Set.of("upgrade-required.rules.api-2.mode", "upgrade-required.rules.api-3.mode");
		Runnable configured = () -> refresh(turn, keys, "enforce", "warn");
		Runnable turned = () -> refresh(turn, keys, "report", "enforce");
		List<String> versions = List.of("1", "2", "3");
		try {
			configured.run();
			Map<String, String> answersOfConfigured = answers(versions);
			turned.run();
			Map<String, String> answersOfTurned = answers(versions);
			configured.run();
			for (String version : versions.subList(0, 2)) {
				assertThat(answersOfTurned.get(version)).isNotEqualTo(answersOfConfigured.get(version));
			}
			AtomicBoolean running = new AtomicBoolean(true);
			AtomicInteger swaps = new AtomicInteger();
			AtomicInteger requests = new AtomicInteger();
			Set<String> seen = ConcurrentHashMap.newKeySet();
			List<String> mixed = new ArrayList<>();
			ExecutorService executor = Executors.newFixedThreadPool(9);
			try {
				Future<?> swapper = executor.submit(() -> {
					while (running.get()) {
						((swaps.incrementAndGet() % 2 == 0) ? configured : turned).run();
					}
					return null;
				});
				List<Future<?>> clients = new ArrayList<>();
				for (int client = 0; client < 8; client++) {
					String version = versions.get(client % versions.size());
					clients.add(executor.submit(() -> {
						for (int i = 0; i < 150 || (running.get() && swaps.get() < 12); i++) {
							String answer = answer(version);
							requests.incrementAndGet();
							if (answer.equals(answersOfConfigured.get(version))) {
								seen.add(version + " configured");
							}
							else if (answer.equals(answersOfTurned.get(version))) {
								seen.add(version + " turned");
							}
							else {
								synchronized (mixed) {
									mixed.add(version + ": " + answer);
								}
							}
						}
						return null;
					}));
				}
				for (Future<?> client : clients) {
					client.get(120, TimeUnit.SECONDS);
				}
				running.set(false);
				swapper.get(30, TimeUnit.SECONDS);
			}
			finally {
				running.set(false);
				executor.shutdownNow();
			}
			assertThat(mixed).isEmpty();
			assertThat(requests.get()).isGreaterThanOrEqualTo(8 * 150);
			// The policy changed many times while the clients were answered, and they saw
			// both.
			assertThat(swaps.get()).isGreaterThanOrEqualTo(12);
			assertThat(seen).contains("1 configured", "1 turned", "2 configured", "2 turned");
		}
		finally {
			this.environment.getPropertySources().remove("turn");
			this.context.publishEvent(new EnvironmentChangeEvent(this.context, keys));
		}
	}

	private void refresh(Map<String, Object> turn, Set<String> keys, String api2, String api3) {
		turn.put("upgrade-required.rules.api-2.mode", api2);
		turn.put("upgrade-required.rules.api-3.mode", api3);
		this.context.publishEvent(new EnvironmentChangeEvent(this.context, keys));
	}

	private Map<String, String> answers(List<String> versions) {
		Map<String, String> answers = new HashMap<>();
		for (String version : versions) {
			answers.put(version, answer(version));
		}
		return answers;
	}

	/**
	 * Return what a client of an API version gets, all that tells one policy from another:
	 * the status, the headers the starter sends and the body of a refusal.
	 */
	private String answer(String version) {
		try {
			HttpResult result = Http.http11(this.port, "GET", "/public/hello", "API-Version", version);
			StringBuilder answer = new StringBuilder().append(result.status());
			for (String header : List.of("Upgrade", "Deprecation", "Sunset", "Link", "Vary", "Content-Type")) {
				answer.append('|').append(header).append('=').append(result.headers(header));
			}
			if (result.status() != 200) {
				answer.append('|').append(result.body());
			}
			return answer.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void assertBadRequest(String rule, String json, String reason) throws Exception {
		HttpResult result = Http.actuator(this.port, "POST", ENDPOINT + rule, json, "Authorization", CREDENTIALS);
		assertThat(result.status()).isEqualTo(400);
		assertThat((String) JsonPath.read(result.body(), "$.message")).startsWith(reason);
	}

	/**
	 * An audit event repository, so that Spring Boot records the audit events.
	 */
	@Configuration(proxyBeanMethods = false)
	static class Auditing {

		@Bean
		InMemoryAuditEventRepository auditEventRepository() {
			return new InMemoryAuditEventRepository();
		}

	}

}
