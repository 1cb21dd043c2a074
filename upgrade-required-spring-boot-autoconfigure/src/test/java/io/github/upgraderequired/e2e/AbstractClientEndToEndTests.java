package io.github.upgraderequired.e2e;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.upgraderequired.client.ClientNotice;
import io.github.upgraderequired.client.ClientOutcome;
import io.github.upgraderequired.client.UpgradeRequiredClientEvent;
import io.github.upgraderequired.client.UpgradeRequiredDetails;
import io.github.upgraderequired.client.UpgradeRequiredException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every one of Spring's HTTP clients must do with the client support on, against a
 * real Tomcat that serves the end-to-end rules over https and over a plain http port: a
 * typed exception for a 426 with the problem's fields, deprecation headers logged,
 * counted and published, malformed headers ignored and counted, and a GET to a listed
 * host retried once over https.
 */
@SpringBootTest(classes = ClientEndToEndConfiguration.class, webEnvironment = WebEnvironment.NONE,
		properties = { "upgrade-required.client.enabled=true", "upgrade-required.client.https-retry.hosts=localhost",
				"spring.http.clients.ssl.bundle=client",
				"spring.ssl.bundle.pem.client.truststore.certificate=classpath:tls/cert.pem" })
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractClientEndToEndTests {

	@Autowired
	ClientEndToEndConfiguration.ClientEvents events;

	@Autowired
	MeterRegistry registry;

	// Read while this application starts: the server starts first, on ports the system
	// picks, and its https port is known by then.
	@DynamicPropertySource
	static void ports(DynamicPropertyRegistry registry) {
		registry.add("upgrade-required.client.https-retry.port", ClientTestServer::httpsPort);
		registry.add("spring.http.serviceclient.e2e.base-url", () -> "https://localhost:" + ClientTestServer.httpsPort());
	}

	/**
	 * The name of the client, which keeps the paths of one test class apart from the
	 * others' in the shared application (the log remembers host and path).
	 */
	protected abstract String name();

	/**
	 * Send a request with the client under test.
	 * @param method the method
	 * @param uri the URI
	 * @param headers request headers
	 * @return what came of it
	 */
	protected Answer call(String method, String uri, Map<String, String> headers) {
		return call(method, uri, headers, null);
	}

	/**
	 * Send a request with a body with the client under test.
	 * @param method the method
	 * @param uri the URI
	 * @param headers request headers
	 * @param body the body, or {@code null} for none
	 * @return what came of it
	 */
	protected abstract Answer call(String method, String uri, Map<String, String> headers, @Nullable String body);

	/**
	 * Send a GET that asks for no body (the status and headers only) and return what the
	 * client threw.
	 */
	protected abstract @Nullable Throwable bodilessGet(String uri);

	/**
	 * Assert what the client does with a 426 whose Content-Type Spring cannot read, when
	 * a body is asked for.
	 */
	protected abstract void unreadableContentTypeWithABody(@Nullable Throwable error);

	/**
	 * Assert that the client signalled a 426 with its typed exception, a subclass of the
	 * exception it signals for other 4xx, and return its details.
	 */
	protected abstract UpgradeRequiredDetails typed(@Nullable Throwable error);

	/**
	 * The typed exception of {@code RestClient} and {@code RestTemplate}.
	 */
	static UpgradeRequiredDetails blockingTyped(@Nullable Throwable error) {
		assertThat(error).isInstanceOf(UpgradeRequiredException.class).isInstanceOf(HttpClientErrorException.class);
		UpgradeRequiredException upgradeRequired = (UpgradeRequiredException) error;
		assertThat(upgradeRequired.getStatusCode().value()).isEqualTo(426);
		assertThat(upgradeRequired.getMessage()).startsWith("426 Upgrade Required");
		assertThat(upgradeRequired.getUpgrade()).isEqualTo(upgradeRequired.getDetails().upgrade());
		return upgradeRequired.getDetails();
	}

	String http(String path) {
		return "http://127.0.0.1:" + ClientTestServer.httpPort() + path;
	}

	@Test
	void anOldApiVersionIsATypedExceptionWithTheProblemsFields() {
		UpgradeRequiredDetails details = typed(call("GET", http("/api/hello"), Map.of("API-Version", "1")).error());
		assertThat(details.rule()).isEqualTo("api");
		assertThat(details.minimum()).isEqualTo("2");
		assertThat(details.current()).isEqualTo("1");
		assertThat(details.title()).isEqualTo("Upgrade Required");
		assertThat(details.upgrade()).isNotEmpty();
		assertThat(details.asksForTls()).isFalse();
	}

	@Test
	void anOldAppIsToldItsStorePage() {
		UpgradeRequiredDetails details = typed(
				call("GET", http("/app/hello"), Map.of("User-Agent", "ExampleApp/5.0.0 (iOS 17.4; iPhone)")).error());
		assertThat(details.rule()).isEqualTo("app");
		assertThat(details.minimum()).isEqualTo("5.2.0");
		assertThat(details.current()).isEqualTo("5.0.0");
		assertThat(details.upgradeUrl()).isEqualTo(URI.create("https://apps.apple.com/app/id000000001"));
	}

	@Test
	void plainHttpToAHostNotListedForRetryIsToldToUseTls() {
		double before = count(ClientOutcome.UPGRADE_REQUIRED);
		UpgradeRequiredDetails details = typed(call("GET", http("/secure/client/" + name()), Map.of()).error());
		assertThat(details.upgrade()).containsExactly("TLS/1.3", "TLS/1.2");
		assertThat(details.asksForTls()).isTrue();
		assertThat(details.rule()).isEqualTo("secure");
		assertThat(details.documentation()).isEqualTo(URI.create("https://example.com/docs/https"));
		assertThat(count(ClientOutcome.UPGRADE_REQUIRED) - before).isEqualTo(1);
	}

	@Test
	void aGetToAListedHostIsRetriedOnceOverHttps(CapturedOutput output) {
		String from = "http://localhost:" + ClientTestServer.httpPort() + "/secure/client/" + name() + "?q=1";
		double before = count(ClientOutcome.UPGRADE_REQUIRED);
		Answer answer = call("GET", from, Map.of());
		assertThat(answer.error()).isNull();
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains("hello " + name());
		assertThat(count(ClientOutcome.UPGRADE_REQUIRED) - before).isEqualTo(1);
		assertThat(output).containsOnlyOnce("GET http://localhost:" + ClientTestServer.httpPort() + "/secure/client/" + name()
				+ " was answered 426 Upgrade Required asking for TLS and sent again to https://localhost:" + ClientTestServer.httpsPort()
				+ "/secure/client/" + name() + "; call the https URL directly");
	}

	@Test
	void aRetryAskedForInTheBodyAloneIsMadeAndOtherwiseTheBodyIsKept() {
		String base = "http://localhost:" + ClientTestServer.httpPort() + "/other/upgrade-in-body/";
		Answer retried = call("GET", base + "TLS-1.2/" + name(), Map.of());
		assertThat(retried.error()).isNull();
		assertThat(retried.body()).contains("hello " + name() + " over https");
		UpgradeRequiredDetails notTls = typed(call("GET", base + "HTTP-2.0/" + name(), Map.of()).error());
		assertThat(notTls.upgrade()).containsExactly("HTTP/2.0");
		assertThat(notTls.rule()).isEqualTo("in-body");
	}

	@Test
	void aPostIsNeverRetried() {
		String uri = "http://localhost:" + ClientTestServer.httpPort() + "/secure/client/" + name();
		UpgradeRequiredDetails details = typed(call("POST", uri, Map.of()).error());
		assertThat(details.asksForTls()).isTrue();
	}

	@Test
	void a426FromAnotherServerStillReads() {
		UpgradeRequiredDetails bare = typed(call("GET", http("/other/bare-426"), Map.of()).error());
		assertThat(bare).isEqualTo(new UpgradeRequiredDetails(List.of("TLS/1.2"), null, null, null, null, null, null,
				null));
		UpgradeRequiredDetails empty = typed(call("GET", http("/other/empty-426"), Map.of()).error());
		assertThat(empty.upgrade()).isEmpty();
		double unparsable = count(ClientOutcome.UNPARSABLE);
		UpgradeRequiredDetails garbage = typed(call("GET", http("/other/garbage-426"), Map.of()).error());
		assertThat(garbage.upgrade()).containsExactly("TLS/1.3");
		assertThat(garbage.rule()).isNull();
		assertThat(count(ClientOutcome.UNPARSABLE) - unparsable).isEqualTo(1);
	}

	@Test
	void a426WithAContentTypeSpringCannotReadIsTypedWhenNoBodyIsAskedFor() {
		assertThat(typed(bodilessGet(http("/other/unknown-charset-426"))).upgrade()).containsExactly("TLS/1.3");
		unreadableContentTypeWithABody(call("GET", http("/other/unknown-charset-426"), Map.of()).error());
	}

	@Test
	void aRetryKeepsMethodQueryHeadersAndBody() {
		Answer answer = call("PUT", "http://localhost:" + ClientTestServer.httpPort() + "/secure/echo/" + name() + "?q=1",
				Map.of("X-Test", "kept", "Content-Type", "text/plain"), "payload");
		assertThat(answer.error()).isNull();
		assertThat(answer.body()).contains("\"method\":\"PUT\"")
			.contains("\"query\":\"q=1\"")
			.contains("\"header\":\"kept\"")
			.contains("\"body\":\"payload\"")
			.contains("\"scheme\":\"https\"");
	}

	@Test
	void aRetryIsNeverRetriedAndOnlyTlsIsRetried() {
		String base = "http://localhost:" + ClientTestServer.httpPort() + "/other/always-426/";
		UpgradeRequiredDetails tls = typed(call("GET", base + "TLS-1.3/tls-" + name(), Map.of()).error());
		assertThat(tls.upgrade()).containsExactly("TLS/1.3");
		assertThat(ClientTestServer.otherServers().hits("tls-" + name())).as("the http request and one retry").isEqualTo(2);
		typed(call("GET", base + "HTTP-2.0/h2-" + name(), Map.of()).error());
		assertThat(ClientTestServer.otherServers().hits("h2-" + name())).as("no retry for HTTP/2.0").isEqualTo(1);
	}

	@Test
	void aWarningOfAnUpgradeRequiredServerIsCountedAndPublished() {
		double before = count(ClientOutcome.SUNSET);
		long events = events("/deprecated/hello");
		for (int i = 0; i < 2; i++) {
			Answer answer = call("GET", http("/deprecated/hello"), Map.of());
			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.body()).contains("hello");
		}
		assertThat(count(ClientOutcome.SUNSET) - before).isEqualTo(2);
		assertThat(events("/deprecated/hello") - events).isEqualTo(2);
		ClientNotice notice = this.events.received.stream()
			.map(UpgradeRequiredClientEvent::getNotice)
			.filter((candidate) -> candidate.uri().getPath().equals("/deprecated/hello"))
			.findFirst()
			.orElseThrow();
		assertThat(notice.outcome()).isEqualTo(ClientOutcome.SUNSET);
		assertThat(notice.deprecation().deprecation()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
		assertThat(notice.deprecation().sunset()).isEqualTo(Instant.parse("2099-01-05T00:00:00Z"));
		assertThat(notice.deprecation().deprecationLinks())
			.containsExactly(URI.create("https://example.com/docs/deprecated"));
	}

	@Test
	void aDeprecationIsLoggedOncePerHostAndPath(CapturedOutput output) {
		for (int i = 0; i < 3; i++) {
			assertThat(call("GET", http("/other/deprecated/" + name()), Map.of()).status()).isEqualTo(200);
		}
		assertThat(output).containsOnlyOnce("GET http://127.0.0.1:" + ClientTestServer.httpPort() + "/other/deprecated/" + name()
				+ ": the server deprecated this resource as of 2026-01-01T00:00:00Z and will retire it at"
				+ " 2049-01-01T00:00:00Z; see http://127.0.0.1:" + ClientTestServer.httpPort() + "/docs/" + name()
				+ " (logged once per 1h for this host and path)");
	}

	@Test
	void malformedAndOversizedHeadersAreIgnoredAndCounted(CapturedOutput output) {
		double before = count(ClientOutcome.UNPARSABLE);
		double deprecated = count(ClientOutcome.DEPRECATED) + count(ClientOutcome.SUNSET);
		for (String path : List.of("/other/malformed", "/other/oversized")) {
			Answer answer = call("GET", http(path), Map.of());
			assertThat(answer.error()).isNull();
			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.body()).contains("hello");
		}
		assertThat(count(ClientOutcome.UNPARSABLE) - before).isEqualTo(2);
		assertThat(count(ClientOutcome.DEPRECATED) + count(ClientOutcome.SUNSET)).isEqualTo(deprecated);
		assertThat(output).doesNotContain("/other/malformed").doesNotContain("/other/oversized");
	}

	private double count(ClientOutcome outcome) {
		Counter counter = this.registry.find("upgrade.required.client.responses")
			.tag("outcome", outcome.tagValue())
			.counter();
		assertThat(counter).as("counter for %s", outcome).isNotNull();
		return counter.count();
	}

	private long events(String path) {
		return this.events.received.stream().filter((event) -> event.getNotice().uri().getPath().equals(path)).count();
	}

	/**
	 * What came of a request: the response, or what the client threw.
	 * @param status the status, or 0 if the client threw
	 * @param body the body, or {@code null}
	 * @param error what the client threw, or {@code null}
	 */
	record Answer(int status, @Nullable String body, @Nullable Throwable error) {

		static Answer failed(Throwable error) {
			return new Answer(0, null, error);
		}

	}

}
