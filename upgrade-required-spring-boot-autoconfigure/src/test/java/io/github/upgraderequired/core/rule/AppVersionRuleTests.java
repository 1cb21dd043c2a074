package io.github.upgraderequired.core.rule;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.upgraderequired.core.Header;
import io.github.upgraderequired.core.RuleSettings;
import io.github.upgraderequired.core.UnknownValuePolicy;
import io.github.upgraderequired.core.Verdict;
import io.github.upgraderequired.core.VersionNumber;
import io.github.upgraderequired.core.rule.AppVersionRule.Platform;
import io.github.upgraderequired.core.rule.AppVersionRule.Source;
import io.github.upgraderequired.test.MockUpgradeRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AppVersionRule}.
 */
class AppVersionRuleTests {

	private static final Source HEADERS = new Source("X-App-Platform", "X-App-Version",
			Pattern.compile("ExampleApp/(?<version>[^ ]+) \\((?<platform>iOS|Android)"));

	private final AppVersionRule rule = rule(null, UnknownValuePolicy.ALLOW);

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			ios      | 5.2.0          | pass
			ios      | 5.1.9          | upgrade
			iOS      | 5.1.9          | upgrade
			IOS      | v5.2.0         | pass
			ios      | 5.10.0         | pass
			ios      | 5.2.0-beta.1   | upgrade
			ios      | 5.2.0+build.7  | pass
			ios      | 5.3.1          | upgrade
			ios      | 5.3.1+7        | upgrade
			ios      | 5.3.2          | pass
			android  | 5.1.0          | pass
			android  | 5.0.99         | upgrade
			android  | 5.3.1          | pass
			windows  | 1.0            | unknown
			null     | 1.0            | unknown
			ios      | null           | unknown
			ios      | 1..2           | unknown
			ios      | -1             | unknown
			ios      | 99999999999999999999.0 | unknown
			ios      | '<script>'     | unknown
			""")
	void judgesEachPlatformByItsMinimumAndBlockedVersions(String platform, String version, String expected) {
		MockUpgradeRequest request = MockUpgradeRequest.get("/app");
		if (platform != null) {
			request.header("X-App-Platform", platform);
		}
		if (version != null) {
			request.header("X-App-Version", version);
		}
		assertThat(outcome(this.rule.check(request))).isEqualTo(expected);
	}

	@Test
	void aRejectionOffersTheProductAtTheMinimumAndPointsAtTheStore() {
		Verdict verdict = this.rule.check(MockUpgradeRequest.get("/").header("X-App-Platform", "ios")
			.header("X-App-Version", "5.1.9"));
		assertThat(verdict.upgrade()).containsExactly("ExampleApp/5.2.0");
		assertThat(verdict.minimum()).isEqualTo("5.2.0");
		assertThat(verdict.current()).isEqualTo("5.1.9");
		assertThat(verdict.upgradeUrl()).isEqualTo("https://apps.apple.com/app/id1");
		assertThat(verdict.headers())
			.containsExactly(new Header("Link", "<https://apps.apple.com/app/id1>; rel=\"latest-version\""));
	}

	@Test
	void aBlockedVersionIsSaidToBeBlocked() {
		Verdict verdict = this.rule.check(MockUpgradeRequest.get("/").header("X-App-Platform", "ios")
			.header("X-App-Version", "5.3.1"));
		assertThat(verdict.detail()).contains("5.3.1").contains("can no longer be used");
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			'ExampleApp/5.2.1 (iOS 17.4)'                      | pass
			'ExampleApp/5.1.0 (iOS 17.4)'                      | upgrade
			'ExampleApp/5.1.0 (Android 14; Pixel 8)'           | pass
			'ExampleApp/5.0.0 (Android 14; Pixel 8)'           | upgrade
			'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)' | unknown
			'ExampleApp/garbage (iOS 17.4)'                    | unknown
			""")
	void readsTheUserAgentWhenTheHeadersAreAbsent(String userAgent, String expected) {
		assertThat(outcome(this.rule.check(MockUpgradeRequest.get("/").header("User-Agent", userAgent))))
			.isEqualTo(expected);
	}

	@Test
	void theHeadersWinOverTheUserAgent() {
		MockUpgradeRequest request = MockUpgradeRequest.get("/").header("User-Agent", "ExampleApp/1.0.0 (iOS 17.4)")
			.header("X-App-Platform", "ios")
			.header("X-App-Version", "5.2.0");
		assertThat(this.rule.check(request).isPass()).isTrue();
	}

	@Test
	void aPatternThatBacktracksForeverIsCutShort() {
		Source catastrophic = new Source(null, null, Pattern.compile("^(?<version>(a+)+)b$"));
		AppVersionRule slow = new AppVersionRule("app", "ExampleApp", Map.of(), platform("1.0", null), UnknownValuePolicy.ALLOW,
				catastrophic, List.of(), RuleSettings.defaults());
		long started = System.nanoTime();
		Verdict verdict = slow.check(MockUpgradeRequest.get("/").header("User-Agent", "a".repeat(400) + "c"));
		assertThat(verdict.isUnknown()).isTrue();
		// Not a timing assertion on speed: without the budget this would not return for ages.
		assertThat(System.nanoTime() - started).isLessThan(30_000_000_000L);
	}

	@Test
	void anUnconfiguredPlatformFallsBackToTheRulesMinimum() {
		AppVersionRule withFallback = rule(platform("4.0.0", null), UnknownValuePolicy.ALLOW);
		assertThat(outcome(withFallback.check(app("windows", "3.9")))).isEqualTo("upgrade");
		assertThat(outcome(withFallback.check(app("windows", "4.0")))).isEqualTo("pass");
		assertThat(outcome(withFallback.check(MockUpgradeRequest.get("/").header("X-App-Version", "3.0")))).isEqualTo("upgrade");
	}

	@Test
	void anUnconfiguredPlatformCanBeRejected() {
		AppVersionRule strict = rule(null, UnknownValuePolicy.REJECT);
		Verdict verdict = strict.check(app("windows", "9.9"));
		assertThat(outcome(verdict)).isEqualTo("upgrade");
		assertThat(verdict.current()).isEqualTo("windows");
		assertThat(strict.upgrade()).containsExactly("ExampleApp");
	}

	@Test
	void aPlatformTooLongToBeConfiguredIsAnUnconfiguredOneNotAMissingOne() {
		// Found by DecisionPropertyTests: a 33-character platform was taken for no platform,
		// and so let through by a rule that rejects unconfigured platforms.
		AppVersionRule strict = rule(null, UnknownValuePolicy.REJECT);
		Verdict verdict = strict.check(app("ios".repeat(11), "9.9"));
		assertThat(outcome(verdict)).isEqualTo("upgrade");
		assertThat(verdict.current()).hasSize(33).startsWith("iosios").endsWith("\u2026");
		assertThat(outcome(strict.check(app("\uD83D\uDE00".repeat(20), "9.9")))).isEqualTo("upgrade");
		assertThat(outcome(strict.check(app(" \t\u0001 ", "9.9")))).isEqualTo("unknown");
	}

	@Test
	void theHeadersReadAreNamedForVary() {
		assertThat(this.rule.readHeaders()).containsExactly("X-App-Platform", "X-App-Version", "User-Agent");
	}

	private static MockUpgradeRequest app(String platform, String version) {
		return MockUpgradeRequest.get("/").header("X-App-Platform", platform).header("X-App-Version", version);
	}

	private static AppVersionRule rule(Platform fallback, UnknownValuePolicy unknownPlatform) {
		Platform ios = new Platform(VersionNumber.parse("5.2.0"), Set.of(VersionNumber.parse("5.3.1")),
				"https://apps.apple.com/app/id1");
		Platform android = platform("5.1.0", "https://play.google.com/store/apps/details?id=example");
		return new AppVersionRule("app", "ExampleApp", Map.of("ios", ios, "android", android), fallback,
				unknownPlatform, HEADERS, List.of(), RuleSettings.defaults());
	}

	private static Platform platform(String minimum, String storeUrl) {
		return new Platform(VersionNumber.parse(minimum), Set.of(), storeUrl);
	}

	private static String outcome(Verdict verdict) {
		return verdict.isPass() ? "pass" : verdict.isUnknown() ? "unknown" : "upgrade";
	}

}
