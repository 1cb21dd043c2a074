package io.github.upgraderequired.render;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import io.github.upgraderequired.core.Decision;
import io.github.upgraderequired.core.Header;
import io.github.upgraderequired.core.HttpProtocol;
import io.github.upgraderequired.core.Mode;
import io.github.upgraderequired.core.RuleSettings;
import io.github.upgraderequired.core.Schedule;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.core.UpgradeRequest;
import io.github.upgraderequired.core.UpgradeRule;
import io.github.upgraderequired.core.Verdict;
import io.github.upgraderequired.core.rule.HttpVersionRule;
import io.github.upgraderequired.test.MockUpgradeRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UpgradeResponseRenderer}.
 */
class UpgradeResponseRendererTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final UpgradeResponseRenderer renderer = new UpgradeResponseRenderer();

	@Test
	void http11GetsUpgradeAndConnectionUpgrade() {
		UpgradeResponse response = render(rule(Verdict.upgrade("HTTP/2.0", "HTTP/1.1")), MockUpgradeRequest.get("/x"));
		assertThat(response.status()).isEqualTo(426);
		assertThat(headers(response)).containsEntry("Upgrade", "Test/2, Test/1")
			.containsEntry("Connection", "Upgrade")
			.containsEntry("Cache-Control", "no-store")
			.containsEntry("Vary", "Accept");
	}

	@Test
	void http10GetsUpgradeWithoutConnection() {
		UpgradeResponse response = render(rule(Verdict.upgrade(null, null)),
				MockUpgradeRequest.get("/x").protocol(HttpProtocol.HTTP_1_0));
		assertThat(headers(response)).containsEntry("Upgrade", "Test/2, Test/1").doesNotContainKey("Connection");
	}

	@ParameterizedTest
	@EnumSource(value = HttpProtocol.class, names = { "HTTP_2", "HTTP_3" })
	void http2AndLaterGetNeitherUpgradeNorConnectionButTheBodyNamesTheTokens(HttpProtocol protocol) {
		UpgradeResponse response = render(rule(Verdict.upgrade(null, null)),
				MockUpgradeRequest.get("/x").protocol(protocol));
		assertThat(headers(response)).doesNotContainKeys("Upgrade", "Connection").containsEntry("Cache-Control", "no-store");
		assertThat(body(response)).contains("\"upgrade\":[\"Test/2\",\"Test/1\"]");
	}

	@Test
	void problemJsonHasTheFieldsOfTheDesign() {
		UpgradeResponse response = render(rule(Verdict.upgrade("5.2.0", "5.1.9")
			.withDetail("Update the app.")
			.withUpgradeUrl("https://apps.example.com/app")), MockUpgradeRequest.get("/app/hello"));
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		JsonNode problem = json.readTree(body(response));
		assertThat(problem.get("type").asString()).isEqualTo("about:blank");
		assertThat(problem.get("title").asString()).isEqualTo("Upgrade Required");
		assertThat(problem.get("status").asInt()).isEqualTo(426);
		assertThat(problem.get("detail").asString()).isEqualTo("Update the app.");
		assertThat(problem.get("instance").asString()).isEqualTo("/app/hello");
		assertThat(problem.get("upgrade").toString()).isEqualTo("[\"Test/2\",\"Test/1\"]");
		assertThat(problem.get("rule").asString()).isEqualTo("r");
		assertThat(problem.get("minimum").asString()).isEqualTo("5.2.0");
		assertThat(problem.get("current").asString()).isEqualTo("5.1.9");
		assertThat(problem.get("upgradeUrl").asString()).isEqualTo("https://apps.example.com/app");
		assertThat(problem.get("documentation").asString()).isEqualTo("https://example.com/docs");
		assertThat(response.contentLength()).isEqualTo(response.body().length);
	}

	@Test
	void valuesFromTheRequestAreTruncatedAndEscapedInJson() {
		String hostile = "</script><script>alert(1)</script>\"\\\r\n\u0000\u2028" + "x".repeat(500) + "\ud800";
		UpgradeResponse response = render(rule(Verdict.upgrade("2", hostile)), MockUpgradeRequest.get("/a<b>\"c"));
		String body = body(response);
		assertThat(body).doesNotContain("<").doesNotContain("\r").doesNotContain("\n").doesNotContain("\u2028");
		JsonNode problem = json.readTree(body);
		assertThat(problem.get("current").asString()).startsWith("</script><script>alert(1)</script>\"\\\r\n")
			.endsWith("\u2026")
			.hasSize(129);
		assertThat(problem.get("instance").asString()).isEqualTo("/a<b>\"c");
	}

	@Test
	void htmlPageIsChosenForBrowsersAndEscapesEverything() {
		UpgradeResponse response = render(rule(Verdict.upgrade("2", "<img src=x onerror=alert(1)>")
			.withUpgradeUrl("https://apps.example.com/?a=1&b=\"2\"")),
				MockUpgradeRequest.get("/x").header("Accept", "text/html,*/*;q=0.8"));
		assertThat(response.contentType()).isEqualTo("text/html;charset=UTF-8");
		String page = body(response);
		assertThat(page).contains("<h1>Please upgrade to continue</h1>")
			.contains("Test/2, Test/1")
			.contains("href=\"https://apps.example.com/?a=1&amp;b=&quot;2&quot;\"")
			.doesNotContain("<img");
	}

	@Test
	void aReplacementPageGetsEscapedValues() {
		UpgradeResponseRenderer custom = new UpgradeResponseRenderer("https://example.com/problems/upgrade",
				new HtmlPage("<p>{{detail}}|{{current}}|{{upgrade}}|{{unknown}}|{{rule}}</p>"));
		UpgradeResponse response = custom.render(decision(rule(Verdict.upgrade("2", "<b>").withDetail("Do & go"))),
				MockUpgradeRequest.get("/x").header("Accept", "text/html"));
		assertThat(body(response)).isEqualTo("<p>Do &amp; go|&lt;b&gt;|Test/2, Test/1||r</p>");
	}

	@Test
	void textIsSentOnlyWhenAskedFor() {
		UpgradeResponse response = render(rule(Verdict.upgrade("2", "1\r\nInjected: yes")),
				MockUpgradeRequest.get("/x").header("Accept", "text/plain"));
		assertThat(response.contentType()).isEqualTo("text/plain;charset=UTF-8");
		assertThat(body(response)).startsWith("426 Upgrade Required\n\n")
			.contains("Upgrade: Test/2, Test/1\n")
			.contains("Current: 1\uFFFD\uFFFDInjected: yes\n");
	}

	@Test
	void headGetsNoBodyButTheLengthOfOne() {
		UpgradeResponse get = render(rule(Verdict.upgrade(null, null)), MockUpgradeRequest.get("/x"));
		UpgradeResponse head = render(rule(Verdict.upgrade(null, null)), MockUpgradeRequest.get("/x").method("HEAD"));
		assertThat(head.body()).isEmpty();
		assertThat(head.contentLength()).isEqualTo(get.body().length);
		assertThat(head.headers()).isEqualTo(get.headers());
	}

	@Test
	void aRedirectVerdictIsA308WithLocationAndNoBody() {
		UpgradeResponse response = render(rule(Verdict.upgrade(null, null).withRedirect("https://example.com/x")),
				MockUpgradeRequest.get("/x"));
		assertThat(response.status()).isEqualTo(308);
		assertThat(headers(response)).containsEntry("Location", "https://example.com/x").doesNotContainKey("Upgrade");
		assertThat(response.body()).isEmpty();
		assertThat(response.contentType()).isNull();
	}

	@Test
	void verdictHeadersAndConfiguredStatusAreSent() {
		UpgradeRule rule = new FixedRule(Verdict.upgrade(null, null).withHeader("Sec-WebSocket-Version", "13"),
				RuleSettings.builder().status(406).documentation("https://example.com/docs").build());
		UpgradeResponse response = render(rule, MockUpgradeRequest.get("/x"));
		assertThat(response.status()).isEqualTo(406);
		assertThat(headers(response)).containsEntry("Sec-WebSocket-Version", "13");
		assertThat(body(response)).contains("\"title\":\"Not Acceptable\"").contains("\"status\":406");
	}

	@Test
	void warningsOfOtherRulesAreMergedIntoTheRejection() {
		UpgradeRule warning = new FixedRule(Verdict.upgrade(null, null), RuleSettings.builder()
			.schedule(new Schedule(Mode.ENFORCE, Instant.parse("2026-01-01T00:00:00Z"),
					Instant.parse("2026-09-03T00:00:00Z")))
			.documentation("https://example.com/w")
			.build(), "w");
		UpgradeEngine engine = UpgradeEngine.builder((pattern) -> (path) -> true)
			.rules(List.of(rule(Verdict.upgrade(null, null)), warning))
			.clock(Clock.fixed(Instant.parse("2026-05-01T00:00:00Z"), ZoneOffset.UTC))
			.build();
		UpgradeRequest request = MockUpgradeRequest.get("/x");
		UpgradeResponse response = this.renderer.render(engine.evaluate(request), request);
		assertThat(headers(response)).containsEntry("Deprecation", "@1767225600")
			.containsEntry("Sunset", "Thu, 03 Sep 2026 00:00:00 GMT")
			.containsEntry("Link",
					"<https://example.com/w>; rel=\"deprecation\"; type=\"text/html\", "
							+ "<https://example.com/w>; rel=\"sunset\"; type=\"text/html\"");
	}

	@Test
	void passHeadersCarryVaryAndWarnings() {
		Decision decision = new Decision(null, Instant.parse("2026-01-01T00:00:00Z"), null, List.of("<u>; rel=x"),
				List.of("X-App-Version", "User-Agent"));
		assertThat(this.renderer.passHeaders(decision)).containsExactly(new Header("Vary", "X-App-Version, User-Agent"),
				new Header("Deprecation", "@1767225600"), new Header("Link", "<u>; rel=x"));
		assertThat(this.renderer.passHeaders(Decision.PASS)).isEmpty();
	}

	@Test
	void eachListOfNamesGetsItsOwnVaryWhicheverListsShareACacheSlot() {
		// More lists than the identity cache has slots, each asked for several times in
		// turn, new lists with the same names among them: every answer names its own list.
		List<List<String>> lists = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			lists.add(List.of("X-A" + i, "X-B" + (i % 3)));
			lists.add(List.of("X-A" + i, "X-B" + (i % 3)));
		}
		for (int pass = 0; pass < 3; pass++) {
			for (List<String> vary : lists) {
				Decision decision = new Decision(null, null, null, List.of(), vary);
				assertThat(this.renderer.passHeaders(decision))
					.containsExactly(new Header("Vary", String.join(", ", vary)));
			}
		}
	}

	@Test
	void everyFormatNamesTheTokensOfARealRule() {
		UpgradeRule rule = new HttpVersionRule("http", HttpProtocol.HTTP_3, List.of("Foo/9", "Bar/8"),
				RuleSettings.defaults());
		for (String accept : List.of("application/json", "text/html", "text/plain")) {
			MockUpgradeRequest request = MockUpgradeRequest.get("/")
				.protocol(HttpProtocol.HTTP_2)
				.header("Accept", accept);
			UpgradeResponse response = this.renderer.render(decision(rule, request), request);
			assertThat(headers(response)).doesNotContainKey("Upgrade");
			assertThat(body(response)).as(accept).containsPattern("Foo/9\\W{1,5}Bar/8");
		}
	}

	@Test
	void aRedirectIsNotCachedAndNamesTheHeadersItRead() {
		UpgradeRule rule = new FixedRule(Verdict.upgrade(null, null).withRedirect("https://example.com/x"),
				RuleSettings.builder().exemptHeader("X-Key", "k").build());
		UpgradeResponse response = render(rule, MockUpgradeRequest.get("/x"));
		assertThat(headers(response)).containsEntry("Cache-Control", "no-store").containsEntry("Vary", "X-Key");
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			426 | Upgrade Required
			400 | Bad Request
			403 | Forbidden
			406 | Not Acceptable
			429 | Too Many Requests
			451 | Unavailable For Legal Reasons
			499 | Client Error
			""")
	void theTitleIsTheStatusPhrase(int status, String title) {
		UpgradeRule rule = new FixedRule(Verdict.upgrade(null, null), RuleSettings.builder().status(status).build());
		JsonNode problem = json.readTree(body(render(rule, MockUpgradeRequest.get("/x"))));
		assertThat(problem.get("title").asString()).isEqualTo(title);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
	}

	@Test
	void aPathTooLongToShowIsLeftOutOfTheProblem() {
		String longPath = "/" + "a".repeat(200);
		JsonNode problem = json
			.readTree(body(render(rule(Verdict.upgrade(null, null)), MockUpgradeRequest.get(longPath))));
		assertThat(problem.has("instance")).isFalse();
		JsonNode shortProblem = json
			.readTree(body(render(rule(Verdict.upgrade(null, null)), MockUpgradeRequest.get("/a"))));
		assertThat(shortProblem.get("instance").asString()).isEqualTo("/a");
	}

	@Test
	void aRendererThatThrowsOrAnswersNothingIsReplacedByThePlainResponse() {
		UpgradeResponseRenderer throwing = new UpgradeResponseRenderer() {

			@Override
			public UpgradeResponse render(Decision decision, UpgradeRequest request) {
				throw new IllegalStateException("broken");
			}

		};
		UpgradeResponseRenderer answeringNothing = new UpgradeResponseRenderer() {

			@Override
			public UpgradeResponse render(Decision decision, UpgradeRequest request) {
				return null;
			}

		};
		UpgradeRequest request = MockUpgradeRequest.get("/x");
		Decision decision = decision(rule(Verdict.upgrade(null, null)), request);
		for (UpgradeResponseRenderer renderer : List.of(throwing, answeringNothing)) {
			UpgradeResponse response = renderer.renderOrFallBack(decision, request);
			assertThat(response.status()).isEqualTo(426);
			assertThat(headers(response)).containsEntry("Upgrade", "Test/2, Test/1")
				.containsEntry("Connection", "Upgrade")
				.containsEntry("Cache-Control", "no-store");
			assertThat(response.contentType()).isEqualTo("text/plain;charset=UTF-8");
			assertThat(body(response)).isEqualTo("426 Upgrade Required\n\nUpgrade: Test/2, Test/1\n");
			assertThat(response.contentLength()).isEqualTo(response.body().length);
		}
	}

	@Test
	void thePlainResponseVariesOnTheHeadersTheRulesReadAndSendsNoUpgradeOnHttp2() {
		UpgradeRequest request = MockUpgradeRequest.get("/x").protocol(HttpProtocol.HTTP_2);
		Decision read = decision(rule(Verdict.upgrade(null, null)), request);
		Decision decision = new Decision(read.rejection(), read.deprecation(), read.sunset(), read.links(),
				List.of("User-Agent", "Sec-CH-UA"));
		UpgradeResponse response = UpgradeResponseRenderer.fallback(decision, request);
		assertThat(headers(response)).containsEntry("Vary", "User-Agent, Sec-CH-UA")
			.doesNotContainKeys("Upgrade", "Connection");
		assertThat(body(response)).contains("Upgrade: Test/2, Test/1");
	}

	@Test
	void thePlainResponseKeepsARedirectAndTheConfiguredStatus() {
		UpgradeRequest request = MockUpgradeRequest.get("/x");
		UpgradeResponse redirect = UpgradeResponseRenderer.fallback(
				decision(rule(Verdict.upgrade(null, null).withRedirect("https://example.com/x")), request), request);
		assertThat(redirect.status()).isEqualTo(308);
		assertThat(headers(redirect)).containsEntry("Location", "https://example.com/x")
			.containsEntry("Cache-Control", "no-store")
			.doesNotContainKey("Upgrade");
		assertThat(redirect.body()).isEmpty();
		UpgradeRule rule = new FixedRule(Verdict.upgrade(null, null), RuleSettings.builder().status(406).build());
		UpgradeResponse refused = UpgradeResponseRenderer.fallback(decision(rule, request), request);
		assertThat(refused.status()).isEqualTo(406);
		assertThat(body(refused)).startsWith("406 Not Acceptable\n");
	}

	@Test
	void aRendererAnswerNoServerCouldSendWholeIsReplacedByThePlainResponse() {
		UpgradeRequest get = MockUpgradeRequest.get("/x");
		UpgradeRequest head = MockUpgradeRequest.get("/x").method("HEAD");
		Decision decision = decision(rule(Verdict.upgrade(null, null)), get);
		List<UnaryOperator<UpgradeResponse>> breakages = List.of(
				(ok) -> new UpgradeResponse(200, ok.headers(), ok.contentType(), ok.body(), ok.contentLength()),
				(ok) -> new UpgradeResponse(ok.status(), List.of(new Header("X-Split", "a\r\nX-Injected: 1")),
						ok.contentType(), ok.body(), ok.contentLength()),
				(ok) -> new UpgradeResponse(ok.status(), List.of(new Header("Bad Name", "x")), ok.contentType(),
						ok.body(), ok.contentLength()),
				(ok) -> new UpgradeResponse(ok.status(), ok.headers(), "text/plain\r\nX-Injected: 1", ok.body(),
						ok.contentLength()),
				(ok) -> new UpgradeResponse(ok.status(), ok.headers(), ok.contentType(), ok.body(),
						ok.contentLength() + 1),
				(ok) -> new UpgradeResponse(ok.status(), ok.headers(), ok.contentType(), null, ok.contentLength()));
		for (UnaryOperator<UpgradeResponse> breakage : breakages) {
			UpgradeResponseRenderer broken = new UpgradeResponseRenderer() {

				@Override
				public UpgradeResponse render(Decision decision, UpgradeRequest request) {
					return breakage.apply(super.render(decision, request));
				}

			};
			UpgradeResponse response = broken.renderOrFallBack(decision, get);
			assertThat(response.contentType()).isEqualTo("text/plain;charset=UTF-8");
			assertThat(headers(response)).containsEntry("Upgrade", "Test/2, Test/1").doesNotContainKey("X-Injected");
		}
		UpgradeResponseRenderer bodyOnHead = new UpgradeResponseRenderer() {

			@Override
			public UpgradeResponse render(Decision decision, UpgradeRequest request) {
				UpgradeResponse ok = super.render(decision, MockUpgradeRequest.get("/x"));
				return new UpgradeResponse(ok.status(), ok.headers(), ok.contentType(), ok.body(), ok.contentLength());
			}

		};
		assertThat(bodyOnHead.renderOrFallBack(decision, head).contentType()).isEqualTo("text/plain;charset=UTF-8");
		assertThat(this.renderer.renderOrFallBack(decision, head).contentType())
			.isEqualTo("application/problem+json");
	}

	@Test
	void thePlainResponseKeepsTheRulesOwnHeadersThatCanBeSentAndTheRedirectItsVary() {
		UpgradeRequest request = MockUpgradeRequest.get("/x");
		Decision decision = decision(rule(Verdict.upgrade(null, null)
			.withHeader("Sec-WebSocket-Version", "13")
			.withHeader("Bad Name", "x")
			.withHeader("X-Split", "a\r\nX-Injected: 1")), request);
		UpgradeResponse response = UpgradeResponseRenderer.fallback(decision, request);
		assertThat(headers(response)).containsEntry("Sec-WebSocket-Version", "13")
			.doesNotContainKeys("Bad Name", "X-Split", "X-Injected");
		Decision read = decision(rule(Verdict.upgrade(null, null).withRedirect("https://example.com/x")), request);
		Decision redirect = new Decision(read.rejection(), read.deprecation(), read.sunset(), read.links(),
				List.of("User-Agent"));
		assertThat(headers(UpgradeResponseRenderer.fallback(redirect, request))).containsEntry("Vary", "User-Agent");
	}

	@Test
	void a426ToARequestOfUnknownProtocolStillNamesTheUpgrade() {
		UpgradeRequest request = MockUpgradeRequest.get("/x").protocol(null);
		Decision decision = decision(rule(Verdict.upgrade(null, null)), request);
		assertThat(headers(new UpgradeResponseRenderer().render(decision, request))).containsEntry("Upgrade",
				"Test/2, Test/1")
			.doesNotContainKey("Connection");
		assertThat(headers(UpgradeResponseRenderer.fallback(decision, request))).containsEntry("Upgrade",
				"Test/2, Test/1");
	}

	@Test
	void passHeadersThatThrowAreLeftOut() {
		UpgradeResponseRenderer throwing = new UpgradeResponseRenderer() {

			@Override
			public List<Header> passHeaders(Decision decision) {
				throw new IllegalStateException("broken");
			}

		};
		Decision warning = new Decision(null, Instant.EPOCH, null, List.of(), List.of("User-Agent"));
		assertThat(throwing.passHeadersOrNone(warning)).isEmpty();
		assertThat(this.renderer.passHeadersOrNone(warning)).extracting(Header::name).contains("Vary", "Deprecation");
	}

	@Test
	void aDecisionThatComesAgainIsAnsweredWithTheSameBytesAsTheFirstTime() {
		UpgradeRule rule = new FixedRule(Verdict.upgrade("2", "1").withDetail("Use <2> & more")
			.withHeader("Sec-WebSocket-Version", "13"), RuleSettings.builder().documentation("https://example.com/docs").build());
		UpgradeEngine engine = UpgradeEngine.builder((pattern) -> (path) -> true).rules(List.of(rule)).build();
		// One decision for every request the rule refuses with this verdict.
		Decision decision = engine.decide(MockUpgradeRequest.get("/"));
		assertThat(engine.decide(MockUpgradeRequest.get("/other"))).isSameAs(decision);
		List<String> paths = List.of("/x", "/a<b>\"c&d", "/caf\u00e9", "/" + "p".repeat(200), "/tab\there");
		List<HttpProtocol> protocols = new ArrayList<>(List.of(HttpProtocol.values()));
		protocols.add(null);
		List<String> accepts = new ArrayList<>(List.of("text/html", "text/plain", "application/json"));
		accepts.add(null);
		for (String path : paths) {
			for (HttpProtocol protocol : protocols) {
				for (String accept : accepts) {
					for (String method : List.of("GET", "HEAD")) {
						MockUpgradeRequest request = MockUpgradeRequest.get(path).method(method).protocol(protocol);
						if (accept != null) {
							request.header("Accept", accept);
						}
						// A renderer that has never seen the decision renders it from scratch.
						UpgradeResponse expected = new UpgradeResponseRenderer().render(decision, request);
						for (int i = 0; i < 3; i++) {
							UpgradeResponse response = this.renderer.render(decision, request);
							assertThat(response.status()).isEqualTo(expected.status());
							assertThat(response.headers()).isEqualTo(expected.headers());
							assertThat(response.contentType()).isEqualTo(expected.contentType());
							assertThat(response.body()).isEqualTo(expected.body());
							assertThat(response.contentLength()).isEqualTo(expected.contentLength());
						}
					}
				}
			}
		}
		// Prepared once: the page is the same array for every request that gets it.
		UpgradeRequest browser = MockUpgradeRequest.get("/x").header("Accept", "text/html");
		byte[] page = this.renderer.render(decision, browser).body();
		assertThat(this.renderer.render(decision, browser).body()).isSameAs(page);
		// Decisions made for one request each, rendered in between, do not push it out.
		UpgradeEngine perRequest = UpgradeEngine.builder((pattern) -> (path) -> true)
			.rules(List.of(new FixedRule(null, RuleSettings.defaults(), "per-request")))
			.build();
		for (int i = 0; i < 100; i++) {
			UpgradeRequest request = MockUpgradeRequest.get("/" + i);
			Decision own = perRequest.decide(request);
			assertThat(body(this.renderer.render(own, request))).contains("\"current\":\"/" + i + "\"");
		}
		assertThat(this.renderer.render(decision, browser).body()).isSameAs(page);
	}

	@Test
	void verdictsMadeFromOneTemplateShareThePageButEachNamesItsOwnVersion() {
		Verdict template = Verdict.upgrade("Chrome 120", null).withDetail("Please use a newer browser.");
		UpgradeEngine engine = UpgradeEngine.builder((pattern) -> (path) -> true)
			.rules(List.of(new UpgradeRule() {

				@Override
				public String name() {
					return "browsers";
				}

				@Override
				public List<String> upgrade() {
					return List.of("Chrome/120");
				}

				@Override
				public Verdict check(UpgradeRequest request) {
					return template.withCurrent(request.header("User-Agent"));
				}

			}))
			.build();
		byte[] firstPage = null;
		for (int i = 0; i < 40; i++) {
			MockUpgradeRequest request = MockUpgradeRequest.get("/web/").header("User-Agent", "Chrome " + (100 + i));
			request.header("Accept", (i % 2 == 0) ? "text/html" : "application/json");
			Decision decision = engine.decide(request);
			assertThat(decision.rejection().verdict().template()).isSameAs(template);
			// Expected: the same refusal from a verdict made without the template.
			Decision untemplated = new Decision(new Decision.Rejection(decision.rejection().rule(),
					Verdict.upgrade("Chrome 120", "Chrome " + (100 + i)).withDetail("Please use a newer browser."),
					decision.rejection().upgrade()), null, null, List.of(), decision.vary());
			UpgradeResponse expected = new UpgradeResponseRenderer().render(untemplated, request);
			UpgradeResponse response = this.renderer.renderOrFallBack(decision, request);
			assertThat(response.headers()).isEqualTo(expected.headers());
			assertThat(response.contentType()).isEqualTo(expected.contentType());
			assertThat(response.body()).isEqualTo(expected.body());
			if (i % 2 == 0) {
				// One page for every agent refused with the template.
				firstPage = (firstPage != null) ? firstPage : response.body();
				assertThat(response.body()).isSameAs(firstPage);
			}
			else {
				assertThat(json.readTree(body(response)).get("current").asString()).isEqualTo("Chrome " + (100 + i));
			}
		}
		// A page that shows the version sent is each request's own.
		UpgradeResponseRenderer showing = new UpgradeResponseRenderer("about:blank",
				new HtmlPage("<p>{{current}}</p>"));
		for (int i = 0; i < 3; i++) {
			MockUpgradeRequest request = MockUpgradeRequest.get("/web/").header("User-Agent", "Chrome " + i);
			request.header("Accept", "text/html");
			assertThat(body(showing.renderOrFallBack(engine.decide(request), request))).isEqualTo("<p>Chrome " + i + "</p>");
		}
	}

	@Test
	void twoRulesThatShareATemplateKeepTheirOwnPages() {
		Verdict shared = Verdict.upgrade("2", null).withDetail("Shared sentence.");
		List<UpgradeRule> rules = new ArrayList<>();
		for (String name : List.of("first", "second")) {
			rules.add(new UpgradeRule() {

				@Override
				public String name() {
					return name;
				}

				@Override
				public List<String> upgrade() {
					return List.of(name + "/2");
				}

				@Override
				public RuleSettings settings() {
					return RuleSettings.builder().paths(List.of("/" + name + "/**")).build();
				}

				@Override
				public Verdict check(UpgradeRequest request) {
					return shared.withCurrent(request.path());
				}

			});
		}
		UpgradeEngine engine = UpgradeEngine.builder((pattern) -> (path) -> path.startsWith(pattern.replace("**", "")))
			.rules(rules)
			.build();
		for (int i = 0; i < 4; i++) {
			for (String name : List.of("first", "second")) {
				MockUpgradeRequest request = MockUpgradeRequest.get("/" + name + "/" + i);
				request.header("Accept", "text/html");
				UpgradeResponse response = this.renderer.renderOrFallBack(engine.decide(request), request);
				assertThat(headers(response)).containsEntry("Upgrade", name + "/2");
				assertThat(body(response)).contains("rule " + name + "<").contains(name + "/2");
			}
		}
	}

	@Test
	void aVerdictWithAHeaderNoServerCouldSendGetsThePlainResponseEveryTime() {
		Verdict broken = Verdict.upgrade("2", "1").withHeader("X-Split", "a\r\nX-Injected: 1");
		Decision decision = decision(rule(broken));
		for (int i = 0; i < 4; i++) {
			UpgradeResponse response = this.renderer.renderOrFallBack(decision, MockUpgradeRequest.get("/x"));
			assertThat(response.contentType()).isEqualTo("text/plain;charset=UTF-8");
			assertThat(headers(response)).doesNotContainKey("X-Split").doesNotContainKey("X-Injected");
		}
	}

	private UpgradeResponse render(UpgradeRule rule, UpgradeRequest request) {
		return this.renderer.render(decision(rule, request), request);
	}

	private static Decision decision(UpgradeRule rule) {
		return decision(rule, MockUpgradeRequest.get("/"));
	}

	private static Decision decision(UpgradeRule rule, UpgradeRequest request) {
		return UpgradeEngine.builder((pattern) -> (path) -> true).rules(List.of(rule)).build().evaluate(request);
	}

	private static UpgradeRule rule(Verdict verdict) {
		return new FixedRule(verdict, RuleSettings.builder().documentation("https://example.com/docs").build());
	}

	private static Map<String, String> headers(UpgradeResponse response) {
		return response.headers().stream().collect(Collectors.toMap(Header::name, Header::value));
	}

	private static String body(UpgradeResponse response) {
		return new String(response.body(), StandardCharsets.UTF_8);
	}

	private record FixedRule(Verdict verdict, RuleSettings settings, String name) implements UpgradeRule {

		FixedRule(Verdict verdict, RuleSettings settings) {
			this(verdict, settings, "r");
		}

		@Override
		public List<String> upgrade() {
			return List.of("Test/2", "Test/1");
		}

		@Override
		public Verdict check(UpgradeRequest request) {
			// Without a verdict of its own, one for each request, naming its path.
			return (this.verdict != null) ? this.verdict : Verdict.upgrade("2", request.path());
		}

	}

}
