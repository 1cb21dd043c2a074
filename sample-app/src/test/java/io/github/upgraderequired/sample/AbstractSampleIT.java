package io.github.upgraderequired.sample;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the packaged sample once for the class and keeps a tally of the 426s and
 * warnings its clients receive, which the last test compares with the sample's own
 * counters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class AbstractSampleIT {

	/**
	 * The rules of the sample's {@code application.yml}, in order.
	 */
	static final List<String> RULES = List.of("http-1-1", "secure", "tls-1-3", "http2", "websocket", "api",
			"mobile-app", "browsers", "beta-app");

	private final Map<String, Integer> rejected = new TreeMap<>();

	private final Map<String, Integer> warned = new TreeMap<>();

	/**
	 * What Reactor Netty logs, at WARN, when a client resets a connection it had open: the
	 * client's doing, not the sample's, so the log check leaves it out (seen now and then
	 * early in the WebFlux suite, not tied to one test).
	 */
	private static final Pattern CLIENT_RESET = Pattern.compile("\\S+ +WARN .*An exceptionCaught\\(\\) event was fired, "
			+ "and it reached at the tail of the pipeline\\..*\\R+io\\.netty\\.channel\\.unix\\.Errors\\$NativeIoException: "
			+ "recvAddress\\(\\.\\.\\) failed with error\\(-104\\): Connection reset by peer\\R");

	protected SampleAppProcess app;

	@BeforeAll
	void startTheSample() throws Exception {
		this.app = SampleAppProcess.start(getClass().getSimpleName(), profiles());
		assertThat(this.app.server()).isEqualTo(expectedServer());
	}

	@AfterAll
	void stopTheSample() throws Exception {
		if (this.app != null) {
			String log = CLIENT_RESET.matcher(this.app.log()).replaceAll("(a client reset its connection)");
			this.app.close();
			assertThat(log).as("the sample's log").doesNotContain(" ERROR ").doesNotContain("Exception:");
		}
	}

	/**
	 * The profiles the sample runs with.
	 * @return comma-separated profiles, or empty
	 */
	protected abstract String profiles();

	/**
	 * The embedded server those profiles must start.
	 * @return {@code Tomcat} or {@code Netty}
	 */
	protected abstract String expectedServer();

	/**
	 * GET an actuator endpoint the way an operator would.
	 * @param path the path below {@code /actuator}
	 * @return the response
	 * @throws Exception on an I/O error
	 */
	protected abstract HttpResponse<String> actuator(String path) throws Exception;

	/**
	 * Assert that a rule turned the request away, and count it.
	 * @param rule the rule that must have answered
	 * @param response what the client received
	 * @return the response
	 */
	protected HttpText rejectedBy(String rule, HttpText response) {
		assertThat(response.status()).as("status").isEqualTo(426);
		assertRuleInBody(rule, response.header("Content-Type"), response.body());
		assertThat(response.header("Cache-Control")).as("Cache-Control").isEqualTo("no-store");
		if (response.version().startsWith("HTTP/2")) {
			assertThat(response.headerNames()).as("HTTP/2 forbids Upgrade and Connection")
				.doesNotContain("upgrade", "connection");
		}
		else {
			String upgrade = response.header("Upgrade");
			assertThat(upgrade).as("Upgrade (RFC 9110 §15.5.22)").isNotBlank();
			if (response.header("Content-Type").startsWith("application/problem+json")) {
				assertThat(String.join(", ", JsonPath.<List<String>>read(response.body(), "$.upgrade")))
					.as("$.upgrade").isEqualTo(upgrade);
			}
			String connection = String.join(", ", response.headers("Connection")).toLowerCase(Locale.ROOT);
			boolean closing = response.version().equals("HTTP/1.0") || connection.contains("close");
			if (!closing) {
				assertThat(connection).as("Connection on a persistent connection (RFC 9110 §7.8)").contains("upgrade");
			}
		}
		this.rejected.merge(rule, 1, Integer::sum);
		return response;
	}

	protected HttpResponse<String> rejectedBy(String rule, HttpResponse<String> response) {
		assertThat(response.statusCode()).as("status").isEqualTo(426);
		assertRuleInBody(rule, response.headers().firstValue("Content-Type").orElse(null), response.body());
		assertThat(response.headers().firstValue("Cache-Control")).as("Cache-Control").hasValue("no-store");
		if (response.version() == HttpClient.Version.HTTP_2) {
			assertThat(response.headers().map().keySet()).as("HTTP/2 forbids Upgrade and Connection")
				.doesNotContain("upgrade", "connection");
		}
		else {
			assertThat(response.headers().firstValue("Upgrade")).as("Upgrade (RFC 9110 §15.5.22)").isPresent();
		}
		this.rejected.merge(rule, 1, Integer::sum);
		return response;
	}

	/**
	 * Assert that a response names exactly these request headers in {@code Vary}.
	 * @param response the response
	 * @param names the header names, in any order
	 * @return the response
	 */
	protected static HttpText varies(HttpText response, String... names) {
		String vary = response.header("Vary");
		assertThat(vary).as("Vary").isNotNull();
		assertThat(Arrays.stream(vary.split(",")).map(String::trim).toList()).as("Vary")
			.containsExactlyInAnyOrder(names);
		return response;
	}

	/**
	 * Assert that a JSON response carries this message.
	 * @param response the response
	 * @param message the expected {@code $.message}
	 * @return the response
	 */
	protected static HttpText says(HttpText response, String message) {
		assertThat(response.header("Content-Type")).as("Content-Type").startsWith("application/json");
		assertThat((String) JsonPath.read(response.body(), "$.message")).as("$.message").isEqualTo(message);
		return response;
	}

	/**
	 * Assert that a rule let the request through with a warning, and count it.
	 * @param rule the rule that warned
	 * @param response what the client received
	 * @return the response
	 */
	protected HttpText warnedBy(String rule, HttpText response) {
		assertThat(response.status()).as("status").isEqualTo(200);
		assertThat(response.header("Deprecation")).as("Deprecation").isNotNull();
		this.warned.merge(rule, 1, Integer::sum);
		return response;
	}

	/**
	 * Count a 426 that a test saw through a client that shows no response.
	 * @param rule the rule that answered
	 */
	protected void countRejection(String rule) {
		this.rejected.merge(rule, 1, Integer::sum);
	}

	/**
	 * Count a warning that a test saw through a client that shows no response.
	 * @param rule the rule that warned
	 */
	protected void countWarning(String rule) {
		this.warned.merge(rule, 1, Integer::sum);
	}

	protected static HttpText passed(HttpText response) {
		assertThat(response.status()).as("status of %s", response).isEqualTo(200);
		assertThat(response.header("Deprecation")).as("Deprecation").isNull();
		return response;
	}

	protected static HttpResponse<String> passed(HttpResponse<String> response) {
		assertThat(response.statusCode()).as("status of %s", response).isEqualTo(200);
		assertThat(response.headers().firstValue("Deprecation")).as("Deprecation").isEmpty();
		return response;
	}

	private static void assertRuleInBody(String rule, String contentType, String body) {
		if (contentType != null && contentType.startsWith("application/problem+json")) {
			assertThat((String) JsonPath.read(body, "$.rule")).isEqualTo(rule);
			assertThat((Integer) JsonPath.read(body, "$.status")).isEqualTo(426);
		}
		else {
			assertThat(body).contains("rule " + rule);
		}
	}

	@Test
	@Order(1000)
	void theEndpointListsTheSamplesRules() throws Exception {
		HttpResponse<String> response = actuator("/upgraderequired");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(response.body(), "$.rules[*].name")).containsExactlyElementsOf(RULES);
		assertThat(JsonPath.<List<String>>read(response.body(), "$.rules[?(@.name == 'beta-app')].modeNow"))
			.containsExactly("warn");
		assertThat(JsonPath.<List<String>>read(response.body(), "$.rules[?(@.name == 'api')].modeNow"))
			.containsExactly("enforce");
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void theCountersEqualWhatTheClientsSaw() throws Exception {
		assertThat(this.rejected).as("this suite saw 426s").isNotEmpty();
		for (String rule : RULES) {
			assertThat(count(rule, "rejected")).as("rejected by %s", rule)
				.isEqualTo(this.rejected.getOrDefault(rule, 0));
			assertThat(count(rule, "warned")).as("warned by %s", rule).isEqualTo(this.warned.getOrDefault(rule, 0));
			assertThat(count(rule, "error")).as("errors in %s", rule).isZero();
		}
		String endpoint = actuator("/upgraderequired").body();
		for (String rule : RULES) {
			assertThat(JsonPath.<List<Integer>>read(endpoint, "$.rules[?(@.name == '" + rule + "')].counts.rejected"))
				.as("the endpoint's count of %s", rule)
				.containsExactly(this.rejected.getOrDefault(rule, 0));
		}
		int total = this.rejected.values().stream().mapToInt(Integer::intValue).sum();
		HttpResponse<String> all = actuator("/metrics/upgrade.required.requests?tag=outcome:rejected");
		assertThat(JsonPath.<Double>read(all.body(), "$.measurements[0].value")).isEqualTo((double) total);
		HttpResponse<String> prometheus = actuator("/prometheus");
		assertThat(prometheus.statusCode()).isEqualTo(200);
		double scraped = prometheus.body()
			.lines()
			.filter((line) -> line.startsWith("upgrade_required_requests_total{")
					&& line.contains("outcome=\"rejected\""))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
		assertThat(scraped).as("upgrade_required_requests_total{outcome=\"rejected\"}").isEqualTo(total);
	}

	private int count(String rule, String outcome) throws Exception {
		HttpResponse<String> response = actuator(
				"/metrics/upgrade.required.requests?tag=rule:" + rule + "&tag=outcome:" + outcome);
		// Every rule's counters are published at zero from start-up, so a missing one is a bug.
		assertThat(response.statusCode()).as("meter of %s, %s", rule, outcome).isEqualTo(200);
		return JsonPath.<Double>read(response.body(), "$.measurements[0].value").intValue();
	}

}
