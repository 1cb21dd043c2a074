package io.github.upgraderequired.core.rule;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.upgraderequired.core.RuleSettings;
import io.github.upgraderequired.core.Verdict;
import io.github.upgraderequired.core.VersionNumber;
import io.github.upgraderequired.core.browser.AgentKind;
import io.github.upgraderequired.core.browser.BrowserDetector;
import io.github.upgraderequired.core.browser.BrowserFamily;
import io.github.upgraderequired.core.browser.BrowserPreset;
import io.github.upgraderequired.test.MockUpgradeRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BrowserRule}: judged kinds, blocked families, minimums, and what a
 * rejection says.
 */
class BrowserRuleTests {

	private static final String GOOGLEBOT_SMARTPHONE = "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) "
			+ "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%s Mobile Safari/537.36 (compatible; Googlebot/2.1; "
			+ "+http://www.google.com/bot.html)";

	@ParameterizedTest(name = "judging {0}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			crawlers      | pass    | Chrome 140        | Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.7339.207 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)
			crawlers      | reject  | Chrome 41.0.2272.96 | Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/41.0.2272.96 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)
			crawlers      | reject  | unknown           | Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)
			audits        | reject  | Chrome 109.0.0.0  | Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Mobile Safari/537.36 Chrome-Lighthouse
			link-previews | reject  | Safari 9.0.1      | Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like Gecko) Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0
			webviews      | reject  | webview (Chrome 99.0.4844.88) | Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230901.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/99.0.4844.88 Mobile Safari/537.36
			webviews      | pass    | webview           | Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP1A.240405.002; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/131.0.6778.81 Mobile Safari/537.36
			webviews      | reject  | webview on iOS 15.7 | Mozilla/5.0 (iPhone; CPU iPhone OS 15_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 305.0.0.15.103
			webviews      | pass    | webview on iOS 18.6 | Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 305.0.0.15.103
			libraries     | reject  | unknown           | curl/8.5.0
			unknown       | reject  | unknown           | ExampleAgent/1.0
			""")
	void aJudgedKindIsJudgedByTheBrowserItEmbedsOrRefusedWithoutOne(String kind, String expected, String current,
			String userAgent) {
		BrowserRule rule = modern(EnumSet.of(AgentKind.of(kind)));
		Verdict verdict = rule.check(MockUpgradeRequest.get("/").header("User-Agent", userAgent));
		assertThat(verdict.isPass() ? "pass" : "reject").isEqualTo(expected);
		if (!verdict.isPass()) {
			assertThat(verdict.current()).isEqualTo(current);
			// Counted by its kind, not by the browser it embeds.
			assertThat(verdict.client()).isEqualTo(kind);
		}
		// Not judged, every one of them passes.
		MockUpgradeRequest request = MockUpgradeRequest.get("/").header("User-Agent", userAgent);
		assertThat(modern(Set.of()).check(request).isPass()).isTrue();
	}

	@Test
	void googlebotSmartphoneClaimingAnOldChromePassesByDefault() {
		String agent = String.format(GOOGLEBOT_SMARTPHONE, "41.0.2272.96");
		assertThat(modern(Set.of()).check(MockUpgradeRequest.get("/").header("User-Agent", agent)).isPass()).isTrue();
	}

	@Test
	void aBlockedFamilyIsRefusedWithTheListOfWhatIsSupported() {
		BrowserRule rule = new BrowserRule("web", BrowserPreset.MODERN_2024.minimums(),
				EnumSet.of(BrowserFamily.INTERNET_EXPLORER, BrowserFamily.OPERA), Set.of(), new BrowserDetector(),
				List.of(), RuleSettings.defaults());
		Verdict verdict = rule.check(MockUpgradeRequest.get("/").header("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) "
				+ "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0"));
		assertThat(verdict.isPass()).isFalse();
		assertThat(verdict.detail()).startsWith("Opera is not supported.").contains("Chrome 120");
		assertThat(verdict.upgrade()).isNull();
		assertThat(rule.upgrade()).contains("Chrome/120", "Safari/17.2", "SamsungInternet/25");
		assertThat(verdict.client()).isEqualTo("opera");
	}

	@Test
	void aFamilyWithoutMinimumPasses() {
		BrowserRule rule = new BrowserRule("web", Map.of(BrowserFamily.FIREFOX, VersionNumber.parse("128")), Set.of(),
				Set.of(), new BrowserDetector(), List.of(), RuleSettings.defaults());
		String chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
				+ "Chrome/60.0.0.0 Safari/537.36";
		assertThat(rule.check(MockUpgradeRequest.get("/").header("User-Agent", chrome)).isPass()).isTrue();
		Verdict firefox = rule.check(MockUpgradeRequest.get("/").header("User-Agent",
				"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:115.0) Gecko/20100101 Firefox/115.0"));
		assertThat(firefox.upgrade()).containsExactly("Firefox/128");
		assertThat(firefox.minimum()).isEqualTo("Firefox 128");
	}

	@Test
	void describesItsRequirements() {
		assertThat(modern(EnumSet.of(AgentKind.WEBVIEW)).details()).containsEntry("blocked", List.of("internet-explorer"))
			.containsEntry("judged", List.of("webviews"));
	}

	private static BrowserRule modern(Set<AgentKind> judged) {
		return new BrowserRule("web", BrowserPreset.MODERN_2024.minimums(), BrowserPreset.MODERN_2024.blocked(), judged,
				new BrowserDetector(), List.of(), RuleSettings.defaults());
	}

}
