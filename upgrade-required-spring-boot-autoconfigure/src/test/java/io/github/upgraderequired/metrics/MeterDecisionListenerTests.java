package io.github.upgraderequired.metrics;

import java.util.List;

import io.github.upgraderequired.core.HttpProtocol;
import io.github.upgraderequired.core.Outcome;
import io.github.upgraderequired.core.RuleDescriptor;
import io.github.upgraderequired.core.RuleSettings;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.core.UpgradeRule;
import io.github.upgraderequired.core.rule.HttpVersionRule;
import io.github.upgraderequired.core.rule.HttpsRule;
import io.github.upgraderequired.test.MockUpgradeRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MeterDecisionListener} when the policy in force is replaced.
 */
class MeterDecisionListenerTests {

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final MeterDecisionListener listener = new MeterDecisionListener(this.registry);

	@Test
	void aRuleThatStaysKeepsItsCountsAndARemovedRuleLosesItsMetersForGood() {
		List<RuleDescriptor> before = rules(http11("legacy"), https("secure"));
		this.listener.register(before);
		this.listener.onOutcome(before.get(0), Outcome.REJECTED, "other", MockUpgradeRequest.get("/"));
		List<RuleDescriptor> after = rules(http11("legacy"));
		this.listener.retain(after);
		this.listener.onOutcome(after.get(0), Outcome.REJECTED, "other", MockUpgradeRequest.get("/"));
		assertThat(count("legacy")).isEqualTo(2);
		assertThat(this.registry.find(UpgradeRequiredMetrics.REQUESTS).tag("rule", "secure").counters()).isEmpty();
		// Requests the old policy decided, counted after the swap: with the rule that stays,
		// or nowhere, so that the removed rule's meters do not come back.
		this.listener.onOutcome(before.get(0), Outcome.REJECTED, "other", MockUpgradeRequest.get("/"));
		this.listener.onOutcome(before.get(1), Outcome.REJECTED, "other", MockUpgradeRequest.get("/"));
		assertThat(count("legacy")).isEqualTo(3);
		assertThat(this.registry.find(UpgradeRequiredMetrics.REQUESTS).tag("rule", "secure").counters()).isEmpty();
	}

	@Test
	void aRuleWhoseTypeChangedStartsOver() {
		this.listener.register(rules(http11("rule")));
		List<RuleDescriptor> after = rules(https("rule"));
		this.listener.retain(after);
		assertThat(this.registry.find(UpgradeRequiredMetrics.REQUESTS).tag("type", "http-version").counters())
			.isEmpty();
		assertThat(this.registry.find(UpgradeRequiredMetrics.REQUESTS).tag("type", "https").counters()).isNotEmpty();
	}

	private double count(String rule) {
		return this.registry.get(UpgradeRequiredMetrics.REQUESTS)
			.tags("rule", rule, "outcome", "rejected")
			.counter()
			.count();
	}

	private static List<RuleDescriptor> rules(UpgradeRule... rules) {
		return UpgradeEngine.builder((pattern) -> (path) -> true).rules(List.of(rules)).build().rules();
	}

	private static UpgradeRule http11(String name) {
		return new HttpVersionRule(name, HttpProtocol.HTTP_1_1, List.of(), RuleSettings.defaults());
	}

	private static UpgradeRule https(String name) {
		return new HttpsRule(name, List.of(), RuleSettings.defaults(), false, 443);
	}

}
