package io.github.upgraderequired.sample;

import io.github.upgraderequired.core.HttpProtocol;
import io.github.upgraderequired.test.MockUpgradeRequest;
import io.github.upgraderequired.test.UpgradeRequiredTester;
import io.github.upgraderequired.test.UpgradeResult;
import io.github.upgraderequired.web.UpgradePipeline;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's own rules, as its {@code application.yml} configures them, through the
 * starter's pipeline without a server: what docs/testing.md shows an application doing.
 */
@SpringBootTest(classes = SampleApplication.class)
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
	void theBetaAppRuleOnlyWarnsUntilItsDate() {
		UpgradeResult result = UpgradeRequiredTester.of(this.pipeline)
			.process(MockUpgradeRequest.get("/beta/hello")
				.header("X-App-Platform", "ios")
				.header("X-App-Version", "5.9.0"));
		assertThat(result.isRefused()).isFalse();
		assertThat(result.isWarned()).isTrue();
		assertThat(result.header("Deprecation")).isEqualTo("@1767225600");
		assertThat(result.header("Sunset")).isEqualTo("Thu, 01 Jan 2099 00:00:00 GMT");
	}

}
