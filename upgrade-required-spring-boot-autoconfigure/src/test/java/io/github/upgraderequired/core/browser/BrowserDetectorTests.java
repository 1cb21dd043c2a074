package io.github.upgraderequired.core.browser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import io.github.upgraderequired.core.RuleSettings;
import io.github.upgraderequired.core.Verdict;
import io.github.upgraderequired.core.rule.BrowserRule;
import io.github.upgraderequired.test.MockUpgradeRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BrowserDetector}, and the modern preset's judgement of real agents.
 */
class BrowserDetectorTests {

	private final BrowserDetector detector = new BrowserDetector();

	private final BrowserRule modern = new BrowserRule("web", BrowserPreset.MODERN_2024.minimums(),
			BrowserPreset.MODERN_2024.blocked(), java.util.Set.of(), this.detector, List.of(), RuleSettings.defaults());

	static Stream<Arguments> agents() throws IOException {
		try (InputStream in = BrowserDetectorTests.class.getResourceAsStream("/browser/agents.psv")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> !line.isBlank() && !line.startsWith("#"))
				.map((line) -> Arguments.of((Object[]) line.split("\\|", 5)))
				.toList()
				.stream();
		}
	}

	@Test
	void theProjectKeepsMoreThanAHundredRealAgents() throws IOException {
		assertThat(agents().count()).isGreaterThanOrEqualTo(100);
		assertThat(agents().map((arguments) -> arguments.get()[1]).distinct()).contains("browser", "crawlers",
				"link-previews", "audits", "monitors", "libraries", "webviews", "unknown");
	}

	@ParameterizedTest(name = "{0} {1} {2} {3}: {4}")
	@MethodSource("agents")
	void detectsAndJudgesRealAgents(String judgement, String kind, String family, String major, String userAgent) {
		Agent agent = this.detector.detect(userAgent, null, null);
		assertThat(agent.kind().key()).isEqualTo(kind.equals("browser") ? "browsers" : kind);
		if (kind.equals("browser")) {
			assertThat(agent.family().key()).isEqualTo(family);
			assertThat(agent.version().major()).isEqualTo(Long.parseLong(major));
		}
		Verdict verdict = this.modern.check(MockUpgradeRequest.get("/").header("User-Agent", userAgent));
		assertThat(verdict.isPass() ? "pass" : "reject").isEqualTo(judgement);
	}

	@ParameterizedTest(name = "{0} / {1}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			'"Not_A Brand";v="8", "Chromium";v="120", "Google Chrome";v="120"' | null | CHROME | 120
			'"Chromium";v="119", "Not?A_Brand";v="24", "Google Chrome";v="119"' | null | CHROME | 119
			'"Not A(Brand";v="99", "Microsoft Edge";v="121", "Chromium";v="121"' | null | EDGE | 121
			'"Opera";v="106", "Chromium";v="120", "Not=A?Brand";v="24"'       | null | OPERA | 106
			'"Chromium";v="125", "Not.A/Brand";v="24"'                      | null | CHROME | 131
			null | '"Not_A Brand";v="8.0.0.0", "Chromium";v="120.0.6099.71", "Google Chrome";v="120.0.6099.71"' | CHROME | 120
			'"Google Chrome";v="100"' | '"Google Chrome";v="119.0.6045.199"' | CHROME | 119
			""")
	// "Chromium" alone names no family: the agent string's Chrome 131 stands.
	void clientHintsNameTheBrowserAndIgnoreGrease(String brands, String fullVersionList, BrowserFamily family,
			long major) {
		String userAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
				+ "Chrome/131.0.0.0 Safari/537.36";
		Agent agent = this.detector.detect(userAgent, brands, fullVersionList);
		assertThat(agent.kind()).isEqualTo(AgentKind.BROWSER);
		assertThat(agent.family()).isEqualTo(family);
		assertThat(agent.version().major()).isEqualTo(major);
	}

	@Test
	void cachedClientHintsAnswerAsTheFirstParseDid() {
		String chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
				+ "Chrome/131.0.0.0 Safari/537.36";
		String useless = "\"Not A(Brand\";v=\"99\"";
		String old = "\"Google Chrome\";v=\"100\", \"Chromium\";v=\"100\"";
		for (int i = 0; i < 3; i++) {
			assertThat(this.detector.detect(chrome, useless, null).version().major()).isEqualTo(131);
			assertThat(this.detector.detect(chrome, old, null).version().major()).isEqualTo(100);
			assertThat(new BrowserDetector(0).detect(chrome, old, null).version().major()).isEqualTo(100);
		}
	}

	@Test
	void clientHintsWinOverTheUserAgentButNotOverABot() {
		String reduced = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
				+ "Chrome/100.0.0.0 Safari/537.36";
		assertThat(this.detector.detect(reduced, "\"Google Chrome\";v=\"131\"", null).version().major()).isEqualTo(131);
		String bot = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
		assertThat(this.detector.detect(bot, "\"Google Chrome\";v=\"99\"", null).kind()).isEqualTo(AgentKind.CRAWLER);
	}

	@Test
	void hintsNeverTurnAnUnknownAgentOrAWebviewIntoChrome() {
		String yandex = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
				+ "Chrome/138.0.0.0 YaBrowser/25.8.0.0 Safari/537.36";
		assertThat(this.detector.detect(yandex, "\"Chromium\";v=\"138\", \"Google Chrome\";v=\"138\"", null).kind())
			.isEqualTo(AgentKind.UNKNOWN);
		String webview = "Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230901.001; wv) AppleWebKit/537.36 "
				+ "(KHTML, like Gecko) Version/4.0 Chrome/100.0.0.0 Mobile Safari/537.36";
		assertThat(this.detector.detect(webview, "\"Chromium\";v=\"100\"", null).kind()).isEqualTo(AgentKind.WEBVIEW);
	}

	@Test
	void operaForAndroidIsNotOpera() {
		String userAgent = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
				+ "Chrome/131.0.0.0 Mobile Safari/537.36 OPR/86.0.0.0";
		assertThat(this.detector.detect(userAgent, null, null).kind()).isEqualTo(AgentKind.UNKNOWN);
		assertThat(this.detector.detect(userAgent,
				"\"OperaMobile\";v=\"86\", \";Not A Brand\";v=\"99\", \"Opera\";v=\"115\", \"Chromium\";v=\"131\"",
				null)
			.kind()).isEqualTo(AgentKind.UNKNOWN);
	}

	@Test
	void clientHintsOfAnotherBrowserMakeItUnknown() {
		Agent agent = this.detector.detect(null, "\"Brave\";v=\"120\", \"Chromium\";v=\"120\", \"Not_A Brand\";v=\"24\"",
				null);
		assertThat(agent.kind()).isEqualTo(AgentKind.UNKNOWN);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			'garbage'
			'"Google Chrome";v='
			'"Google Chrome"'
			'"'
			',,,,'
			'"Google Chrome";v="<script>"'
			""")
	void malformedClientHintsFallBackToTheUserAgent(String brands) {
		String userAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
				+ "Chrome/120.0.0.0 Safari/537.36";
		Agent agent = this.detector.detect(userAgent, brands, null);
		assertThat(agent.family()).isEqualTo(BrowserFamily.CHROME);
		assertThat(agent.version().major()).isEqualTo(120);
	}

	@Test
	void hostileAgentsNeverThrow() {
		for (String agent : new String[] { "", " ", "(", "((((", ")))", "Mozilla/", "Mozilla/5.0 (", "Mozilla/5.0 (iPhone",
				"Mozilla/5.0 (iPhone; CPU iPhone OS 99999999999999999999_1 like Mac OS X) CriOS/1 Safari/1",
				"Mozilla/5.0 " + "(".repeat(5000), "Mozilla/5.0 Chrome/" + "9".repeat(7000), "\u0000\r\n<script>",
				"Mozilla/5.0 (Windows; MSIE 99999999999.0; Trident/99999.0)" }) {
			assertThat(this.detector.detect(agent, agent, agent)).isNotNull();
		}
	}

	@Test
	void theCacheIsBounded() throws Exception {
		BrowserDetector small = new BrowserDetector(100);
		for (int i = 0; i < 10_000; i++) {
			small.detect("Mozilla/5.0 (Windows NT 10.0) Chrome/" + i + ".0 Safari/537.36", null, null);
		}
		java.lang.reflect.Field cache = BrowserDetector.class.getDeclaredField("cache");
		cache.setAccessible(true);
		assertThat(((java.util.Map<?, ?>) cache.get(small))).hasSizeLessThanOrEqualTo(100);
	}

}
