package io.github.upgraderequired.test.example;

import io.github.upgraderequired.core.Decision;
import io.github.upgraderequired.test.MockUpgradeRequest;
import io.github.upgraderequired.test.UpgradeRequiredTester;
import io.github.upgraderequired.test.UpgradeResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientBuildRuleTests {

	private final UpgradeRequiredTester tester = UpgradeRequiredTester.forRule(new ClientBuildRule());

	@Test
	void anOldBuildIsToldToUpgrade() {
		UpgradeResult result = this.tester
			.process(MockUpgradeRequest.get("/api/orders").header("X-Client-Build", "1187"));
		assertThat(result.status()).isEqualTo(426);
		assertThat(result.header("Upgrade")).isEqualTo("ExampleClient/1200");
		assertThat(result.header("Vary")).isEqualTo("Accept, X-Client-Build");
		assertThat(result.contentType()).isEqualTo("application/problem+json");
		assertThat(result.body()).contains("\"rule\":\"client-build\"", "\"minimum\":\"1200\"",
				"\"current\":\"1187\"");
	}

	@Test
	void aCurrentBuildGoesThrough() {
		UpgradeResult result = this.tester
			.process(MockUpgradeRequest.get("/api/orders").header("X-Client-Build", "1200"));
		assertThat(result.isRefused()).isFalse();
		assertThat(result.header("Vary")).isEqualTo("X-Client-Build");
	}

	@Test
	void aBuildNumberThatIsNotOneIsUnknownAndLetThrough() {
		MockUpgradeRequest request = MockUpgradeRequest.get("/api/orders").header("X-Client-Build", "12a");
		assertThat(new ClientBuildRule().check(request).isUnknown()).isTrue();
		assertThat(this.tester.process(request).isRefused()).isFalse();
	}

	@Test
	void pathsOutsideTheApiAreNotJudged() {
		UpgradeResult result = this.tester.process(MockUpgradeRequest.get("/health").header("X-Client-Build", "1"));
		assertThat(result.decision()).isSameAs(Decision.PASS);
	}

}
