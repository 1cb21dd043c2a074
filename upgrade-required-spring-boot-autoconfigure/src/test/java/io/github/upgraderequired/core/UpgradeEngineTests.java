package io.github.upgraderequired.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.github.upgraderequired.core.TestRules.Rule;
import io.github.upgraderequired.test.MockUpgradeRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link UpgradeEngine}.
 */
@ExtendWith(OutputCaptureExtension.class)
class UpgradeEngineTests {

	private static final Instant WARN_FROM = Instant.parse("2026-03-01T00:00:00Z");

	private static final Instant ENFORCE_FROM = Instant.parse("2026-06-01T00:00:00Z");

	private final List<String> outcomes = new ArrayList<>();

	private final DecisionListener listener = (rule, outcome, client, request) -> this.outcomes
		.add(rule.name() + ":" + outcome.value());

	@Test
	void withoutRulesEveryRequestPasses() {
		assertThat(engine().evaluate(MockUpgradeRequest.get("/"))).isSameAs(Decision.PASS);
	}

	@ParameterizedTest(name = "paths {0}, exclude {1}: {2} -> {3}")
	@CsvSource(delimiter = '|', textBlock = """
			''          | ''           | /anything       | true
			/api/**     | ''           | /api            | true
			/api/**     | ''           | /api/v1/orders  | true
			/api/**     | ''           | /apis           | false
			/api/**     | ''           | /web/api        | false
			/api/**     | /api/open/** | /api/open/x     | false
			/api/**     | /api/open/** | /api/closed/x   | true
			/a,/b/**    | ''           | /b/c            | true
			/a,/b/**    | ''           | /c              | false
			""")
	void pathPatternsDecideWhereARuleApplies(String paths, String exclude, String path, boolean applies) {
		RuleSettings settings = RuleSettings.builder().paths(list(paths)).excludePaths(list(exclude)).build();
		assertThat(engine(TestRules.rejecting("r", settings)).evaluate(MockUpgradeRequest.get(path)).isRejected())
			.isEqualTo(applies);
	}

	@ParameterizedTest(name = "methods {0}: {1} -> {2}")
	@CsvSource(delimiter = '|', textBlock = """
			''        | GET    | true
			''        | DELETE | true
			GET,HEAD  | GET    | true
			get,head  | HEAD   | true
			GET,HEAD  | POST   | false
			""")
	void methodsDecideWhereARuleApplies(String methods, String method, boolean applies) {
		RuleSettings settings = RuleSettings.builder().methods(list(methods)).build();
		assertThat(engine(TestRules.rejecting("r", settings)).evaluate(MockUpgradeRequest.get("/").method(method))
			.isRejected()).isEqualTo(applies);
	}

	@ParameterizedTest(name = "{0} from {1} -> exempt {2}")
	@CsvSource(delimiter = '|', textBlock = """
			10.0.0.0/8       | 10.1.2.3        | true
			10.0.0.0/8       | 11.1.2.3        | false
			10.0.0.0/8       | ::ffff:10.1.2.3 | true
			192.168.1.7      | 192.168.1.7     | true
			192.168.1.7      | 192.168.1.8     | false
			fd00::/8         | fd12::1         | true
			fd00::/8         | fe80::1         | false
			10.0.0.0/8       | 'not an ip'     | false
			10.0.0.0/8       | ''              | false
			""")
	void exemptAddressesPass(String range, String address, boolean exempt) {
		RuleSettings settings = RuleSettings.builder().exemptAddresses(List.of(range)).build();
		Decision decision = engine(TestRules.rejecting("r", settings))
			.evaluate(MockUpgradeRequest.get("/").remoteAddress(address.isEmpty() ? null : address));
		assertThat(decision.isRejected()).isEqualTo(!exempt);
	}

	@ParameterizedTest(name = "header value {0} -> exempt {1}")
	@CsvSource(delimiter = '|', textBlock = """
			s3cret  | true
			S3CRET  | false
			s3cret2 | false
			''      | false
			""")
	void anExemptHeaderWithItsValuePasses(String value, boolean exempt) {
		RuleSettings settings = RuleSettings.builder().exemptHeader("X-Internal", "s3cret").build();
		MockUpgradeRequest request = MockUpgradeRequest.get("/");
		if (!value.isEmpty()) {
			request.header("x-internal", value);
		}
		Decision decision = engine(TestRules.rejecting("r", settings)).evaluate(request);
		assertThat(decision.isRejected()).isEqualTo(!exempt);
	}

	@Test
	void excludedPathsAreNeverEvaluated() {
		Rule rule = TestRules.rejecting("r", RuleSettings.defaults());
		UpgradeEngine engine = UpgradeEngine.builder(TestRules.PATHS)
			.rules(List.of(rule))
			.excludePaths(List.of("/actuator/**", "/error"))
			.build();
		assertThat(engine.evaluate(MockUpgradeRequest.get("/actuator/health"))).isSameAs(Decision.PASS);
		assertThat(engine.evaluate(MockUpgradeRequest.get("/error"))).isSameAs(Decision.PASS);
		assertThat(rule.checks).hasValue(0);
		assertThat(engine.evaluate(MockUpgradeRequest.get("/errors")).isRejected()).isTrue();
	}

	@Test
	void corsPreflightIsNeverEvaluated() {
		Rule rule = TestRules.rejecting("r", RuleSettings.defaults());
		UpgradeEngine engine = engine(rule);
		MockUpgradeRequest preflight = MockUpgradeRequest.get("/")
			.method("OPTIONS")
			.header("Origin", "https://a.example")
			.header("Access-Control-Request-Method", "PUT");
		assertThat(engine.evaluate(preflight)).isSameAs(Decision.PASS);
		assertThat(rule.checks).hasValue(0);
		MockUpgradeRequest plainOptions = MockUpgradeRequest.get("/")
			.method("OPTIONS")
			.header("Origin", "https://a.example");
		assertThat(engine.evaluate(plainOptions).isRejected()).isTrue();
	}

	@Test
	void firstRejectingRuleDecidesAndLaterEnforcingRulesAreNotEvaluated() {
		Rule first = TestRules.rejecting("first", RuleSettings.defaults()).offering("First/1");
		Rule second = TestRules.rejecting("second", RuleSettings.defaults()).offering("Second/1");
		Decision decision = engine(first, second).evaluate(MockUpgradeRequest.get("/"));
		assertThat(decision.rejection().rule().name()).isEqualTo("first");
		assertThat(decision.rejection().upgrade()).containsExactly("First/1");
		assertThat(second.checks).hasValue(0);
		assertThat(this.outcomes).containsExactly("first:rejected");
	}

	@Test
	void aPassingRuleLetsTheNextOneDecide() {
		Rule passing = TestRules.rule("passing", RuleSettings.defaults(), (request) -> Verdict.pass());
		Rule rejecting = TestRules.rejecting("rejecting", RuleSettings.defaults());
		Decision decision = engine(passing, rejecting).evaluate(MockUpgradeRequest.get("/"));
		assertThat(decision.rejection().rule().name()).isEqualTo("rejecting");
	}

	@Test
	void requestsARuleRefusesWithAVerdictNoRequestChangesShareOneDecision() {
		Verdict constant = Verdict.upgrade("2", "1");
		Rule rule = TestRules.rule("constant", RuleSettings.defaults(), (request) -> constant).reading("X-Version");
		UpgradeEngine engine = engine(rule);
		Decision first = engine.decide(MockUpgradeRequest.get("/a"));
		assertThat(first.rejection().verdict()).isSameAs(constant);
		assertThat(engine.decide(MockUpgradeRequest.get("/b"))).isSameAs(first);
		// A verdict built for the request gets a decision of its own.
		Rule fresh = TestRules.rule("fresh", RuleSettings.defaults(), (request) -> Verdict.upgrade("2", request.path()));
		UpgradeEngine freshEngine = engine(fresh);
		Decision a = freshEngine.decide(MockUpgradeRequest.get("/a"));
		Decision b = freshEngine.decide(MockUpgradeRequest.get("/b"));
		assertThat(b).isNotSameAs(a);
		assertThat(b.rejection().verdict().current()).isEqualTo("/b");
		// With a warning the decision is the request's own, and carries the warning.
		Rule warning = TestRules.rejecting("warning", RuleSettings.builder()
			.schedule(new Schedule(Mode.ENFORCE, WARN_FROM, ENFORCE_FROM))
			.build());
		UpgradeEngine warned = engineAt(Instant.parse("2026-04-01T00:00:00Z"), rule, warning);
		Decision withWarning = warned.decide(MockUpgradeRequest.get("/a"));
		assertThat(withWarning.rejection().verdict()).isSameAs(constant);
		assertThat(withWarning.deprecation()).isEqualTo(WARN_FROM);
		assertThat(warned.decide(MockUpgradeRequest.get("/a"))).isNotSameAs(withWarning);
	}

	@Test
	void theVaryOfACombinationOfRulesIsOneListForEveryRequest() {
		Rule first = TestRules.rule("first", RuleSettings.defaults(), (request) -> Verdict.pass())
			.reading("X-One", "X-Two");
		Rule second = TestRules.rule("second", RuleSettings.builder().paths(List.of("/both/**")).build(),
				(request) -> Verdict.pass())
			.reading("x-two", "X-Three");
		Rule third = TestRules.rule("third", RuleSettings.builder().paths(List.of("/all/**")).build(),
				(request) -> Verdict.pass())
			.reading("X-Four");
		UpgradeEngine engine = engine(first, second, third);
		List<String> both = engine.decide(MockUpgradeRequest.get("/both/1")).vary();
		assertThat(both).containsExactlyInAnyOrder("X-One", "X-Two", "X-Three");
		assertThat(engine.decide(MockUpgradeRequest.get("/both/2")).vary()).isSameAs(both);
		List<String> two = engine.decide(MockUpgradeRequest.get("/all/1")).vary();
		assertThat(two).containsExactlyInAnyOrder("X-One", "X-Two", "X-Four");
		assertThat(engine.decide(MockUpgradeRequest.get("/all/2")).vary()).isSameAs(two);
		assertThat(engine.decide(MockUpgradeRequest.get("/both/3")).vary()).isSameAs(both);
		// One decision for each combination, too.
		assertThat(engine.decide(MockUpgradeRequest.get("/all/3")))
			.isSameAs(engine.decide(MockUpgradeRequest.get("/all/4")));
	}

	@Test
	void warningRulesAddTheirHeadersToARejectionAndAreCounted() {
		Rule rejecting = TestRules.rejecting("rejecting", RuleSettings.defaults());
		Rule warning = TestRules.rejecting("warning", RuleSettings.builder()
			.schedule(new Schedule(Mode.ENFORCE, WARN_FROM, ENFORCE_FROM))
			.documentation("https://example.com/w")
			.build());
		Decision decision = engineAt(Instant.parse("2026-04-01T00:00:00Z"), rejecting, warning)
			.evaluate(MockUpgradeRequest.get("/"));
		assertThat(decision.rejection().rule().name()).isEqualTo("rejecting");
		assertThat(decision.deprecation()).isEqualTo(WARN_FROM);
		assertThat(decision.sunset()).isEqualTo(ENFORCE_FROM);
		assertThat(decision.links()).containsExactly("<https://example.com/w>; rel=\"deprecation\"; type=\"text/html\"",
				"<https://example.com/w>; rel=\"sunset\"; type=\"text/html\"");
		assertThat(this.outcomes).containsExactlyInAnyOrder("rejecting:rejected", "warning:warned");
	}

	@Test
	void decideCountsARejectionOnlyOnceTheAdapterSaysItWasSent() {
		Rule rejecting = TestRules.rejecting("rejecting", RuleSettings.defaults());
		Rule warning = TestRules.rejecting("warning", RuleSettings.builder()
			.schedule(new Schedule(Mode.ENFORCE, WARN_FROM, ENFORCE_FROM))
			.documentation("https://example.com/w")
			.build());
		UpgradeEngine engine = engineAt(Instant.parse("2026-04-01T00:00:00Z"), rejecting, warning);
		MockUpgradeRequest request = MockUpgradeRequest.get("/");
		Decision decision = engine.decide(request);
		assertThat(decision.isRejected()).isTrue();
		assertThat(this.outcomes).containsExactly("warning:warned");
		engine.rejectionSent(decision, request);
		assertThat(this.outcomes).containsExactly("warning:warned", "rejecting:rejected");
		engine.rejectionSent(engine.decide(request), request);
		assertThat(this.outcomes).filteredOn((outcome) -> outcome.endsWith(":rejected")).hasSize(2);
		engine.rejectionSent(Decision.PASS, request);
		assertThat(this.outcomes).filteredOn((outcome) -> outcome.endsWith(":rejected")).hasSize(2);
	}

	@Test
	void enforceModeRejects() {
		Decision decision = engine(TestRules.rejecting("r", RuleSettings.builder().mode(Mode.ENFORCE).build()))
			.evaluate(MockUpgradeRequest.get("/"));
		assertThat(decision.isRejected()).isTrue();
		assertThat(decision.isWarning()).isFalse();
		assertThat(this.outcomes).containsExactly("r:rejected");
	}

	@Test
	void warnModeWithoutDatesSendsTheConfiguredDeprecation() {
		Instant deprecation = Instant.parse("2025-10-01T00:00:00Z");
		Decision decision = engine(
				TestRules.rejecting("r", RuleSettings.builder().mode(Mode.WARN).deprecation(deprecation).build()))
			.evaluate(MockUpgradeRequest.get("/"));
		assertThat(decision.isRejected()).isFalse();
		assertThat(decision.deprecation()).isEqualTo(deprecation);
		assertThat(decision.sunset()).isNull();
		assertThat(decision.links()).isEmpty();
		assertThat(this.outcomes).containsExactly("r:warned");
	}

	@ParameterizedTest(name = "{0}, warn-from {1}, enforce-from {2}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			WARN    | - | -
			ENFORCE | - | 2026-06-01T00:00:00Z
			REPORT  | - | 2026-06-01T00:00:00Z
			""")
	void aRuleThatCanWarnNeedsADeprecationInstant(Mode mode, Instant warnFrom, Instant enforceFrom) {
		RuleSettings settings = RuleSettings.builder().schedule(new Schedule(mode, warnFrom, enforceFrom)).build();
		assertThatIllegalArgumentException().isThrownBy(() -> engine(TestRules.rejecting("r", settings)))
			.withMessageContaining("Deprecation");
	}

	@Test
	void aConfiguredDeprecationInstantWinsOverWarnFrom() {
		Instant deprecation = Instant.parse("2025-12-24T00:00:00Z");
		Rule rule = TestRules.rejecting("r", RuleSettings.builder()
			.schedule(new Schedule(Mode.ENFORCE, WARN_FROM, null))
			.deprecation(deprecation)
			.build());
		assertThat(engineAt(WARN_FROM, rule).evaluate(MockUpgradeRequest.get("/")).deprecation())
			.isEqualTo(deprecation);
	}

	@Test
	void reportModeLetsThroughUntouchedAndIsCounted() {
		Rule rule = TestRules.rejecting("r", RuleSettings.builder().mode(Mode.REPORT).build()).reading("X-Version");
		Decision decision = engine(rule).evaluate(MockUpgradeRequest.get("/"));
		assertThat(decision).isSameAs(Decision.PASS);
		assertThat(this.outcomes).containsExactly("r:reported");
	}

	@Test
	void offModeIsNeverEvaluatedWhateverItsDates() {
		Rule rule = TestRules.rejecting("r",
				RuleSettings.builder().schedule(new Schedule(Mode.OFF, WARN_FROM, ENFORCE_FROM)).build());
		assertThat(engineAt(ENFORCE_FROM.plusSeconds(1), rule).evaluate(MockUpgradeRequest.get("/")))
			.isSameAs(Decision.PASS);
		assertThat(rule.checks).hasValue(0);
		assertThat(this.outcomes).isEmpty();
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			2026-02-28T23:59:59.999999999Z | reported
			2026-03-01T00:00:00Z           | warned
			2026-05-31T23:59:59.999999999Z | warned
			2026-06-01T00:00:00Z           | rejected
			2030-01-01T00:00:00Z           | rejected
			""")
	void theScheduleDecidesTheModeAtItsEdges(Instant now, String outcome) {
		Rule rule = TestRules.rejecting("r",
				RuleSettings.builder().schedule(new Schedule(Mode.ENFORCE, WARN_FROM, ENFORCE_FROM)).build());
		Decision decision = engineAt(now, rule).evaluate(MockUpgradeRequest.get("/"));
		assertThat(this.outcomes).containsExactly("r:" + outcome);
		assertThat(decision.isRejected()).isEqualTo(outcome.equals("rejected"));
		assertThat(decision.isWarning()).isEqualTo(outcome.equals("warned"));
	}

	@Test
	void theClockIsReadForEachRequest() {
		TestRules.MutableClock clock = new TestRules.MutableClock(WARN_FROM.minusSeconds(1));
		Rule rule = TestRules.rejecting("r",
				RuleSettings.builder().schedule(new Schedule(Mode.ENFORCE, WARN_FROM, ENFORCE_FROM)).build());
		UpgradeEngine engine = UpgradeEngine.builder(TestRules.PATHS).rules(List.of(rule)).clock(clock).build();
		assertThat(engine.evaluate(MockUpgradeRequest.get("/"))).isSameAs(Decision.PASS);
		clock.now = ENFORCE_FROM;
		assertThat(engine.evaluate(MockUpgradeRequest.get("/")).isRejected()).isTrue();
	}

	@Test
	void aThrowingRuleFailsOpenIsCountedAndLoggedOnce(CapturedOutput output) {
		Rule throwing = TestRules.rule("broken", RuleSettings.defaults(), (request) -> {
			throw new IllegalStateException("boom");
		});
		Rule after = TestRules.rule("after", RuleSettings.defaults(), (request) -> Verdict.pass());
		UpgradeEngine engine = engine(throwing, after);
		assertThat(engine.evaluate(MockUpgradeRequest.get("/"))).isSameAs(Decision.PASS);
		assertThat(engine.evaluate(MockUpgradeRequest.get("/"))).isSameAs(Decision.PASS);
		assertThat(after.checks).hasValue(2);
		assertThat(this.outcomes).containsExactly("broken:error", "broken:error");
		assertThat(output.getOut().split("Rule 'broken' threw", -1)).hasSize(2);
		assertThat(output.getOut()).contains("let through").contains("IllegalStateException: boom");
	}

	@Test
	void aThrowingRuleFailsClosedWhenConfiguredAndIsCountedAsAnError() {
		Rule throwing = TestRules.rule("broken", RuleSettings.defaults(), (request) -> {
			throw new IllegalStateException("boom");
		}).offering("Fixed/2");
		UpgradeEngine engine = UpgradeEngine.builder(TestRules.PATHS)
			.rules(List.of(throwing))
			.failClosed(true)
			.listeners(List.of(this.listener))
			.build();
		Decision decision = engine.evaluate(MockUpgradeRequest.get("/"));
		assertThat(decision.isRejected()).isTrue();
		assertThat(decision.rejection().upgrade()).containsExactly("Fixed/2");
		assertThat(decision.rejection().verdict().detail()).contains("could not be checked");
		assertThat(this.outcomes).containsExactly("broken:error");
	}

	@Test
	void aThrowingRuleInWarnModeNeverFailsClosed() {
		Rule throwing = TestRules.rule("broken", RuleSettings.builder().mode(Mode.WARN).deprecation(WARN_FROM).build(),
				(request) -> {
			throw new IllegalStateException("boom");
		});
		UpgradeEngine engine = UpgradeEngine.builder(TestRules.PATHS).rules(List.of(throwing)).failClosed(true).build();
		assertThat(engine.evaluate(MockUpgradeRequest.get("/"))).isSameAs(Decision.PASS);
	}

	@Test
	void anUnknownValueIsAllowedByDefault() {
		Rule rule = TestRules.rule("r", RuleSettings.defaults(), (request) -> Verdict.unknown());
		assertThat(engine(rule).evaluate(MockUpgradeRequest.get("/"))).isSameAs(Decision.PASS);
		assertThat(this.outcomes).isEmpty();
	}

	@Test
	void anUnknownValueIsRejectedWhenThePolicySaysSo() {
		Rule rule = TestRules.rule("r", RuleSettings.builder().unknown(UnknownValuePolicy.REJECT).build(),
				(request) -> Verdict.unknown());
		Decision decision = engine(rule).evaluate(MockUpgradeRequest.get("/"));
		assertThat(decision.isRejected()).isTrue();
		assertThat(decision.rejection().upgrade()).containsExactly("Test/2");
		assertThat(this.outcomes).containsExactly("r:rejected");
	}

	@Test
	void varyNamesTheHeadersOfEnforcingAndWarningRulesEvenWhenTheyPass() {
		Rule enforcing = TestRules.rule("e", RuleSettings.defaults(), (request) -> Verdict.pass()).reading("X-App");
		Rule warning = TestRules.rule("w",
				RuleSettings.builder().mode(Mode.WARN).deprecation(WARN_FROM).exemptHeader("X-Key", "k").build(),
				(request) -> Verdict.pass())
			.reading("x-app", "User-Agent");
		Rule reporting = TestRules.rule("r", RuleSettings.builder().mode(Mode.REPORT).build(),
				(request) -> Verdict.pass())
			.reading("X-Report");
		Decision decision = engine(enforcing, warning, reporting).evaluate(MockUpgradeRequest.get("/"));
		assertThat(decision.isRejected()).isFalse();
		assertThat(decision.vary()).containsExactly("X-App", "User-Agent", "X-Key");
	}

	@Test
	void aRuleThatAloneAppliesAndPassesSharesItsVaryDecision() {
		Rule rule = TestRules.rule("e", RuleSettings.defaults(), (request) -> Verdict.pass()).reading("X-App", "x-app");
		UpgradeEngine engine = engine(rule);
		Decision first = engine.evaluate(MockUpgradeRequest.get("/"));
		assertThat(first.vary()).singleElement().satisfies((name) -> assertThat(name).isEqualToIgnoringCase("X-App"));
		assertThat(engine.evaluate(MockUpgradeRequest.get("/"))).isSameAs(first);
	}

	@Test
	void theClockIsNotReadForARuleWithDatesThatDoesNotApply() {
		TestRules.MutableClock clock = new TestRules.MutableClock(ENFORCE_FROM);
		Rule timed = TestRules.rejecting("timed", RuleSettings.builder()
			.schedule(new Schedule(Mode.ENFORCE, WARN_FROM, ENFORCE_FROM))
			.paths(List.of("/timed/**"))
			.build());
		UpgradeEngine engine = UpgradeEngine.builder(TestRules.PATHS).rules(List.of(timed)).clock(clock).build();
		assertThat(engine.evaluate(MockUpgradeRequest.get("/other"))).isSameAs(Decision.PASS);
		assertThat(clock.reads).isZero();
		assertThat(engine.evaluate(MockUpgradeRequest.get("/timed/x")).isRejected()).isTrue();
		assertThat(clock.reads).isOne();
	}

	@Test
	void rulesThatCannotChangeTheAnswerAreNotEvenPathMatched() {
		List<String> matched = new ArrayList<>();
		PathMatcher.Compiler recording = (pattern) -> (path) -> matched.add(pattern);
		Rule off = TestRules.rejecting("off", RuleSettings.builder().mode(Mode.OFF).paths(List.of("/off")).build());
		Rule first = TestRules.rejecting("first", RuleSettings.builder().paths(List.of("/first")).build());
		Rule second = TestRules.rejecting("second", RuleSettings.builder().paths(List.of("/second")).build());
		UpgradeEngine engine = UpgradeEngine.builder(recording).rules(List.of(off, first, second)).build();
		assertThat(engine.evaluate(MockUpgradeRequest.get("/x")).rejection().rule().name()).isEqualTo("first");
		assertThat(matched).containsExactly("/first");
	}

	@Test
	void severalWarningRulesSendTheEarliestDatesAndEveryLink() {
		Instant otherWarn = WARN_FROM.minus(Duration.ofDays(10));
		Instant otherEnforce = ENFORCE_FROM.plus(Duration.ofDays(10));
		Rule one = TestRules.rejecting("one", RuleSettings.builder()
			.schedule(new Schedule(Mode.ENFORCE, WARN_FROM, ENFORCE_FROM))
			.documentation("https://example.com/one")
			.build());
		Rule two = TestRules.rejecting("two", RuleSettings.builder()
			.schedule(new Schedule(Mode.ENFORCE, otherWarn, otherEnforce))
			.documentation("https://example.com/two")
			.build());
		Decision decision = engineAt(WARN_FROM.plusSeconds(5), one, two).evaluate(MockUpgradeRequest.get("/"));
		assertThat(decision.deprecation()).isEqualTo(otherWarn);
		assertThat(decision.sunset()).isEqualTo(ENFORCE_FROM);
		assertThat(decision.links()).hasSize(4);
	}

	@Test
	void aFailingListenerDoesNotBreakTheRequest() {
		UpgradeEngine engine = UpgradeEngine.builder(TestRules.PATHS)
			.rules(List.of(TestRules.rejecting("r", RuleSettings.defaults())))
			.listeners(List.of((rule, outcome, client, request) -> {
				throw new IllegalStateException("listener");
			}))
			.build();
		assertThat(engine.evaluate(MockUpgradeRequest.get("/")).isRejected()).isTrue();
	}

	@Test
	void ruleNamesMustBeUnique() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> engine(TestRules.rejecting("same", RuleSettings.defaults()),
					TestRules.rejecting("same", RuleSettings.defaults())))
			.withMessageContaining("'same'");
	}

	@Test
	void aRuleWithAnIllegalTokenIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> engine(TestRules.rejecting("r", RuleSettings.defaults()).offering("HTTP 2")))
			.withMessageContaining("Rule 'r'")
			.withMessageContaining("'HTTP 2' is not a legal Upgrade token");
	}

	@Test
	void aRuleWithANon4xxStatusIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> engine(TestRules.rejecting("r", RuleSettings.builder().status(503).build())))
			.withMessageContaining("status 503");
	}

	@Test
	void engineListsItsRulesInOrder() {
		UpgradeEngine engine = engine(TestRules.rejecting("b", RuleSettings.defaults()),
				TestRules.rejecting("a", RuleSettings.defaults()));
		assertThat(engine.rules()).extracting(RuleDescriptor::name).containsExactly("b", "a");
		assertThat(engine.rules().get(0).type()).isEqualTo("test");
	}

	private UpgradeEngine engine(UpgradeRule... rules) {
		return engineAt(Instant.parse("2026-01-01T00:00:00Z"), rules);
	}

	private UpgradeEngine engineAt(Instant now, UpgradeRule... rules) {
		return UpgradeEngine.builder(TestRules.PATHS)
			.rules(List.of(rules))
			.clock(Clock.fixed(now, ZoneOffset.UTC))
			.listeners(List.of(this.listener))
			.build();
	}

	private static List<String> list(String csv) {
		return csv.isEmpty() ? List.of() : List.of(csv.split(","));
	}


}
