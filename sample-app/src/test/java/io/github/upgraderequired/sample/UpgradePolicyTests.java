package io.github.upgraderequired.sample;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.github.upgraderequired.core.HttpProtocol;
import io.github.upgraderequired.test.MockUpgradeRequest;
import io.github.upgraderequired.test.UpgradeRequiredTester;
import io.github.upgraderequired.test.UpgradeResult;
import io.github.upgraderequired.web.UpgradePipeline;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = SampleApplication.class)
@Import(UpgradePolicyTests.LastDayOfTheBeta.class)
class UpgradePolicyTests {

	@Autowired
	private UpgradePipeline pipeline;

	@Test
	void anIosAppBelowItsMinimumIsSentToTheStore() {
		UpgradeResult result = UpgradeRequiredTester.of(this.pipeline)
			.process(MockUpgradeRequest.get("/app/hello")
				.header("X-App-Platform", "ios")
				.header("X-App-Version", "5.1.0"));
		assertThat(result.status()).isEqualTo(426);
		assertThat(result.refusingRule()).isEqualTo("mobile-app");
		assertThat(result.header("Upgrade")).isEqualTo("ExampleApp/5.2.0");
		assertThat(result.body()).contains("\"upgradeUrl\":\"https://apps.apple.com/app/example-app/id0000000001\"");
	}

	@Test
	void http10IsToldToUpgradeEverywhere() {
		UpgradeResult result = UpgradeRequiredTester.of(this.pipeline)
			.process(MockUpgradeRequest.get("/").protocol(HttpProtocol.HTTP_1_0));
		assertThat(result.status()).isEqualTo(426);
		assertThat(result.header("Upgrade")).isEqualTo("HTTP/1.1");
	}

	@Test
	void theBetaAppRuleStillOnlyWarnsOnItsLastDay() {
		UpgradeResult result = UpgradeRequiredTester.of(this.pipeline)
			.process(MockUpgradeRequest.get("/beta/hello")
				.header("X-App-Platform", "ios")
				.header("X-App-Version", "5.9.0"));
		assertThat(result.isRefused()).isFalse();
		assertThat(result.isWarned()).isTrue();
		assertThat(result.header("Deprecation")).isEqualTo("@1767225600");
		assertThat(result.header("Sunset")).isEqualTo("Thu, 01 Jan 2099 00:00:00 GMT");
	}

	/**
	 * The starter reads its rules' schedules with the application's {@link Clock} bean,
	 * when there is one.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class LastDayOfTheBeta {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2098-12-31T12:00:00Z"), ZoneOffset.UTC);
		}

	}

}
