package io.github.upgraderequired.test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.upgraderequired.core.Decision;
import io.github.upgraderequired.core.DecisionListener;
import io.github.upgraderequired.core.Header;
import io.github.upgraderequired.core.HttpProtocol;
import io.github.upgraderequired.core.Mode;
import io.github.upgraderequired.core.Outcome;
import io.github.upgraderequired.core.RuleSettings;
import io.github.upgraderequired.core.Schedule;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.core.UpgradeRequest;
import io.github.upgraderequired.core.UpgradeRule;
import io.github.upgraderequired.core.Verdict;
import io.github.upgraderequired.core.rule.HttpVersionRule;
import io.github.upgraderequired.render.HtmlPage;
import io.github.upgraderequired.render.UpgradeResponseRenderer;
import io.github.upgraderequired.web.UpgradePipeline;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class UpgradeRequiredTesterTests {

	private static final Instant ENFORCE_FROM = Instant.parse("2027-01-01T00:00:00Z");

	private final List<String> outcomes = new ArrayList<>();

	private final DecisionListener recorder = (rule, outcome, client, request) -> this.outcomes
		.add(rule.name() + " " + outcome);

	@Test
	void aRefusalIsTheWholeAnswerAnAdapterSends() {
		UpgradeResult result = UpgradeRequiredTester.forRule(http11("/**"))
			.process(MockUpgradeRequest.get("/orders").protocol(HttpProtocol.HTTP_1_0));
		assertThat(result.isRefused()).isTrue();
		assertThat(result.refusingRule()).isEqualTo("http-1-1");
		assertThat(result.verdict()).isNotNull();
		assertThat(result.verdict().minimum()).isEqualTo("HTTP/1.1");
		assertThat(result.status()).isEqualTo(426);
		assertThat(result.headers()).extracting(Header::name)
			.containsExactly("Upgrade", "Cache-Control", "Vary", "Content-Type", "Content-Length");
		assertThat(result.header("upgrade")).isEqualTo("HTTP/1.1");
		// An HTTP/1.0 client is not sent Connection: Upgrade, which only HTTP/1.1 defines.
		assertThat(result.header("Connection")).isNull();
		assertThat(result.header("Content-Type")).isEqualTo(result.contentType())
			.isEqualTo("application/problem+json");
		assertThat(result.body()).startsWith("{").contains("\"status\":426", "\"rule\":\"http-1-1\"",
				"\"upgrade\":[\"HTTP/1.1\"]", "\"instance\":\"/orders\"");
		assertThat(result.header("Content-Length")).isEqualTo(Integer.toString(result.refusal().body().length));
		assertThat(result).hasToString("GET refused by 'http-1-1': 426 " + result.headers());
	}

	@Test
	void theAnswerFollowsTheRequestsAcceptAndMethod() {
		UpgradeRequiredTester tester = UpgradeRequiredTester.forRule(http11("/**"));
		MockUpgradeRequest get = MockUpgradeRequest.get("/").protocol(HttpProtocol.HTTP_1_0);
		UpgradeResult page = tester.process(get.header("Accept", "text/html"));
		assertThat(page.contentType()).isEqualTo("text/html;charset=UTF-8");
		assertThat(page.body()).contains("<html");
		UpgradeResult head = tester.process(MockUpgradeRequest.request("HEAD", "/")
			.protocol(HttpProtocol.HTTP_1_0)
			.header("Accept", "text/html"));
		assertThat(head.body()).isEmpty();
		assertThat(head.header("Content-Length")).isEqualTo(Integer.toString(page.refusal().body().length))
			.isNotEqualTo("0");
	}

	@Test
	void aRequestLetThroughHasOnlyTheHeadersAddedToTheApplicationsAnswer() {
		UpgradeResult result = UpgradeRequiredTester.forRule(http11("/**")).process(MockUpgradeRequest.get("/"));
		assertThat(result.isRefused()).isFalse();
		assertThat(result.isWarned()).isFalse();
		assertThat(result.refusingRule()).isNull();
		assertThat(result.verdict()).isNull();
		assertThat(result.contentType()).isNull();
		assertThat(result.headers()).isEmpty();
		assertThatIllegalStateException().isThrownBy(result::status).withMessageStartingWith("The request goes through");
		assertThatIllegalStateException().isThrownBy(result::body);
		assertThat(result).hasToString("GET let through");
	}

	@Test
	void theScheduleIsReadAtTheInstantGiven() {
		UpgradeRule rule = http11("http-1-1", RuleSettings.builder()
			.schedule(new Schedule(Mode.ENFORCE, ENFORCE_FROM.minusSeconds(86_400), ENFORCE_FROM))
			.build());
		MockUpgradeRequest old = MockUpgradeRequest.get("/").protocol(HttpProtocol.HTTP_1_0);
		UpgradeResult before = UpgradeRequiredTester.builder().rules(rule).at(ENFORCE_FROM.minusSeconds(1)).build()
			.process(old);
		assertThat(before.isRefused()).isFalse();
		assertThat(before.isWarned()).isTrue();
		assertThat(before.header("Deprecation")).isEqualTo("@" + ENFORCE_FROM.minusSeconds(86_400).getEpochSecond());
		assertThat(before.header("Sunset")).isEqualTo("Fri, 01 Jan 2027 00:00:00 GMT");
		UpgradeResult after = UpgradeRequiredTester.builder().rules(rule).at(ENFORCE_FROM).build().process(old);
		assertThat(after.status()).isEqualTo(426);
	}

	@Test
	void pathsAreSpringPathPatterns() {
		UpgradeRequiredTester tester = UpgradeRequiredTester.forRule(http11("/api/{version}/orders/**"));
		assertThat(tester.process(MockUpgradeRequest.get("/api/v2/orders/7").protocol(HttpProtocol.HTTP_1_0))
			.isRefused()).isTrue();
		assertThat(tester.process(MockUpgradeRequest.get("/api/v2/users").protocol(HttpProtocol.HTTP_1_0))
			.decision()).isSameAs(Decision.PASS);
		assertThatIllegalArgumentException().isThrownBy(() -> UpgradeRequiredTester.forRule(http11("/api/{oops")));
	}

	@Test
	void aPathWhoseEscapesDoNotDecodeIsJudgedAsTheStarterJudgesIt() {
		MockUpgradeRequest undecodable = MockUpgradeRequest.get("/api/%zz").protocol(HttpProtocol.HTTP_1_0);
		assertThat(UpgradeRequiredTester.forRule(http11("/api/**")).process(undecodable).status()).isEqualTo(426);
		assertThat(UpgradeRequiredTester.forRule(http11("/**")).process(undecodable).status()).isEqualTo(426);
		assertThat(UpgradeRequiredTester.forRule(http11("/api/{version}")).process(undecodable).isRefused()).isFalse();
	}

	@Test
	void excludedPathsAreNotJudged() {
		UpgradeRequiredTester tester = UpgradeRequiredTester.builder()
			.rules(http11("/**"))
			.excludePaths("/health/**")
			.build();
		MockUpgradeRequest health = MockUpgradeRequest.get("/health/live").protocol(HttpProtocol.HTTP_1_0);
		assertThat(tester.process(health).decision()).isSameAs(Decision.PASS);
	}

	@Test
	void aRefusalIsCountedAsSentAndAWarningAtOnce() {
		UpgradeRule warning = http11("http-1-1-soon", RuleSettings.builder()
			.schedule(new Schedule(Mode.ENFORCE, ENFORCE_FROM.minusSeconds(60), ENFORCE_FROM))
			.paths(List.of("/warn/**"))
			.build());
		UpgradeRequiredTester tester = UpgradeRequiredTester.builder()
			.rules(http11("/enforce/**"), warning)
			.at(ENFORCE_FROM.minusSeconds(1))
			.listeners(this.recorder)
			.build();
		tester.process(MockUpgradeRequest.get("/enforce/a").protocol(HttpProtocol.HTTP_1_0));
		tester.process(MockUpgradeRequest.get("/warn/a").protocol(HttpProtocol.HTTP_1_0));
		tester.process(MockUpgradeRequest.get("/enforce/a"));
		tester.process(MockUpgradeRequest.get("/enforce/b").protocol(HttpProtocol.HTTP_1_0));
		assertThat(this.outcomes).containsExactly("http-1-1 " + Outcome.REJECTED, "http-1-1-soon " + Outcome.WARNED,
				"http-1-1 " + Outcome.REJECTED);
	}

	@Test
	void aRuleThatThrowsRefusesOnlyWhenFailClosed() {
		UpgradeRule throwing = new UpgradeRule() {

			@Override
			public String name() {
				return "broken";
			}

			@Override
			public List<String> upgrade() {
				return List.of("Broken/2");
			}

			@Override
			public Verdict check(UpgradeRequest request) {
				throw new IllegalStateException("broken on purpose");
			}

		};
		assertThat(UpgradeRequiredTester.forRule(throwing).process(MockUpgradeRequest.get("/")).isRefused()).isFalse();
		UpgradeResult closed = UpgradeRequiredTester.builder()
			.rules(throwing)
			.failClosed(true)
			.build()
			.process(MockUpgradeRequest.get("/"));
		assertThat(closed.status()).isEqualTo(426);
		assertThat(closed.header("Upgrade")).isEqualTo("Broken/2");
		assertThat(closed.header("Connection")).isEqualTo("Upgrade");
	}

	@Test
	void aPipelineBuiltElsewhereAnswersWithItsOwnRenderer() {
		UpgradePipeline pipeline = new UpgradePipeline(
				UpgradeEngine.builder((pattern) -> (path) -> true).rules(List.of(http11("/**"))).build(),
				new UpgradeResponseRenderer("https://example.com/problems/upgrade", HtmlPage.defaultPage()));
		UpgradeResult result = UpgradeRequiredTester.of(pipeline)
			.process(MockUpgradeRequest.get("/").protocol(HttpProtocol.HTTP_1_0));
		assertThat(result.body()).startsWith("{\"type\":\"https://example.com/problems/upgrade\"");
		assertThat(UpgradeRequiredTester.builder()
			.rules(http11("/**"))
			.renderer(new UpgradeResponseRenderer("https://example.com/p", HtmlPage.defaultPage()))
			.build()
			.process(MockUpgradeRequest.get("/").protocol(HttpProtocol.HTTP_1_0))
			.body()).startsWith("{\"type\":\"https://example.com/p\"");
	}

	private static HttpVersionRule http11(String path) {
		return http11("http-1-1", RuleSettings.builder().paths(List.of(path)).build());
	}

	private static HttpVersionRule http11(String name, RuleSettings settings) {
		return new HttpVersionRule(name, HttpProtocol.HTTP_1_1, List.of(), settings);
	}

}
