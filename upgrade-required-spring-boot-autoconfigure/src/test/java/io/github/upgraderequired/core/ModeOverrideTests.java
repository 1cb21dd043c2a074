package io.github.upgraderequired.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.upgraderequired.core.TestRules.Rule;
import io.github.upgraderequired.test.MockUpgradeRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for operators' overrides of rules' modes ({@link ModeOverride},
 * {@link UpgradeEngine#withOverrides(Map)}): what a rule does while an override lasts and
 * after it, what it sends when it warns because of one, and that off in the
 * configuration wins.
 */
class ModeOverrideTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private static final Instant WARN_FROM = Instant.parse("2026-03-01T00:00:00Z");

	private static final Instant ENFORCE_FROM = Instant.parse("2027-06-01T00:00:00Z");

	private final TestRules.MutableClock clock = new TestRules.MutableClock(NOW);

	@Test
	void anOverrideReplacesTheConfiguredModeAndAnEngineWithoutItDecidesAsBefore() {
		Rule rule = TestRules.rejecting("r", RuleSettings.builder().mode(Mode.REPORT).build());
		UpgradeEngine configured = engine(rule);
		UpgradeEngine overridden = configured.withOverrides(Map.of("r", override(Mode.ENFORCE, null)));
		assertThat(overridden.evaluate(MockUpgradeRequest.get("/")).isRejected()).isTrue();
		assertThat(overridden.modeAt("r", NOW)).isEqualTo(Mode.ENFORCE);
		assertThat(configured.evaluate(MockUpgradeRequest.get("/")).isRejected()).isFalse();
		assertThat(configured.overrides()).isEmpty();
		UpgradeEngine cleared = overridden.withOverrides(Map.of());
		assertThat(cleared.evaluate(MockUpgradeRequest.get("/")).isRejected()).isFalse();
		assertThat(cleared.modeAt("r", NOW)).isEqualTo(Mode.REPORT);
	}

	@Test
	void aRuleWithoutDatesThatWarnsBecauseOfAnOverrideSendsTheOverridesInstantAndNoSunset() {
		Instant since = NOW.minusSeconds(60);
		UpgradeEngine engine = engine(TestRules.rejecting("r", RuleSettings.defaults()))
			.withOverrides(Map.of("r", new ModeOverride(Mode.WARN, null, since, "alice")));
		Decision decision = engine.evaluate(MockUpgradeRequest.get("/"));
		assertThat(decision.isRejected()).isFalse();
		assertThat(decision.deprecation()).isEqualTo(since);
		assertThat(decision.sunset()).isNull();
		// An override without an end never reads the clock.
		assertThat(this.clock.reads).isZero();
	}

	@Test
	void aConfiguredDeprecationInstantIsSentWhileAnOverrideWarns() {
		Instant deprecation = Instant.parse("2026-01-01T00:00:00Z");
		UpgradeEngine engine = engine(TestRules.rejecting("r", RuleSettings.builder().deprecation(deprecation).build()))
			.withOverrides(Map.of("r", override(Mode.WARN, null)));
		assertThat(engine.evaluate(MockUpgradeRequest.get("/")).deprecation()).isEqualTo(deprecation);
	}

	@Test
	void anOverrideWithAnEndWarnsUntilThenWithThatEndAsSunsetAndTheScheduleDecidesAfter() {
		Instant until = NOW.plusSeconds(3600);
		UpgradeEngine engine = engine(TestRules.rejecting("r", RuleSettings.defaults()))
			.withOverrides(Map.of("r", override(Mode.WARN, until)));
		Decision warned = engine.evaluate(MockUpgradeRequest.get("/"));
		assertThat(warned.isRejected()).isFalse();
		assertThat(warned.sunset()).isEqualTo(until);
		this.clock.now = until.minusNanos(1);
		assertThat(engine.evaluate(MockUpgradeRequest.get("/")).isRejected()).isFalse();
		this.clock.now = until;
		assertThat(engine.evaluate(MockUpgradeRequest.get("/")).isRejected()).isTrue();
		assertThat(engine.modeAt("r", until)).isEqualTo(Mode.ENFORCE);
	}

	@Test
	void whenTheScheduleStillWarnsAfterTheOverrideTheSunsetIsTheScheduledEnforcement() {
		Instant until = NOW.plusSeconds(3600);
		UpgradeEngine engine = engine(TestRules.rejecting("r",
				RuleSettings.builder().schedule(new Schedule(Mode.ENFORCE, WARN_FROM, ENFORCE_FROM)).build()))
			.withOverrides(Map.of("r", override(Mode.WARN, until)));
		assertThat(engine.evaluate(MockUpgradeRequest.get("/")).sunset()).isEqualTo(ENFORCE_FROM);
		assertThat(engine.evaluate(MockUpgradeRequest.get("/")).deprecation()).isEqualTo(WARN_FROM);
	}

	@Test
	void anOverrideToEnforceOverTheScheduleAndAfterItsEndTheScheduleAgain() {
		Instant until = NOW.plusSeconds(60);
		UpgradeEngine engine = engine(TestRules.rejecting("r",
				RuleSettings.builder().schedule(new Schedule(Mode.ENFORCE, WARN_FROM, ENFORCE_FROM)).build()))
			.withOverrides(Map.of("r", override(Mode.ENFORCE, until)));
		assertThat(engine.evaluate(MockUpgradeRequest.get("/")).isRejected()).isTrue();
		this.clock.now = until;
		Decision afterwards = engine.evaluate(MockUpgradeRequest.get("/"));
		assertThat(afterwards.isRejected()).isFalse();
		assertThat(afterwards.sunset()).isEqualTo(ENFORCE_FROM);
	}

	@Test
	void anOverrideToOffStopsTheRuleFromBeingCheckedUntilItEnds() {
		Rule rule = TestRules.rejecting("r", RuleSettings.defaults());
		Instant until = NOW.plusSeconds(60);
		UpgradeEngine engine = engine(rule).withOverrides(Map.of("r", override(Mode.OFF, until)));
		assertThat(engine.evaluate(MockUpgradeRequest.get("/"))).isSameAs(Decision.PASS);
		assertThat(rule.checks).hasValue(0);
		this.clock.now = until;
		assertThat(engine.evaluate(MockUpgradeRequest.get("/")).isRejected()).isTrue();
		assertThat(rule.checks).hasValue(1);
	}

	@Test
	void offInTheConfigurationWinsAndTheOverrideIsKept() {
		Rule rule = TestRules.rejecting("r", RuleSettings.builder().mode(Mode.OFF).build());
		ModeOverride override = override(Mode.ENFORCE, null);
		UpgradeEngine engine = engine(rule).withOverrides(Map.of("r", override));
		assertThat(engine.evaluate(MockUpgradeRequest.get("/"))).isSameAs(Decision.PASS);
		assertThat(rule.checks).hasValue(0);
		assertThat(engine.modeAt("r", NOW)).isEqualTo(Mode.OFF);
		assertThat(engine.overrides()).containsExactly(Map.entry("r", override));
	}

	@Test
	void overridesAreGivenInTheRulesOrderAndOnlyForRulesThatExist() {
		UpgradeEngine engine = engine(TestRules.rejecting("a", RuleSettings.defaults()),
				TestRules.rejecting("b", RuleSettings.defaults()));
		ModeOverride report = override(Mode.REPORT, null);
		assertThat(engine.withOverrides(Map.of("b", report, "a", report)).overrides().keySet()).containsExactly("a",
				"b");
		assertThatIllegalArgumentException().isThrownBy(() -> engine.withOverrides(Map.of("c", report)))
			.withMessage("There is no rule named 'c'");
		assertThatIllegalArgumentException().isThrownBy(() -> engine.modeAt("c", NOW))
			.withMessage("There is no rule named 'c'");
	}

	@Test
	void anOverrideEndsAfterItStarts() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ModeOverride(Mode.WARN, NOW, NOW, null))
			.withMessageContaining("is not after");
		ModeOverride override = new ModeOverride(Mode.WARN, NOW.plusSeconds(1), NOW, null);
		assertThat(override.isActiveAt(NOW)).isTrue();
		assertThat(override.isActiveAt(NOW.plusSeconds(1))).isFalse();
		assertThat(new ModeOverride(Mode.WARN, null, NOW, null).isActiveAt(null)).isTrue();
	}

	@Test
	void anOverrideToOffMeansTheApplicationsApiVersionIsNotAskedFor() {
		Rule rule = TestRules.rejecting("r", RuleSettings.defaults()).readingApplicationApiVersion();
		UpgradeEngine engine = engine(rule);
		assertThat(engine.readsApplicationApiVersion(MockUpgradeRequest.get("/"))).isTrue();
		assertThat(engine.withOverrides(Map.of("r", override(Mode.OFF, null)))
			.readsApplicationApiVersion(MockUpgradeRequest.get("/"))).isFalse();
	}

	private ModeOverride override(Mode mode, Instant until) {
		return new ModeOverride(mode, until, NOW, "ops");
	}

	private UpgradeEngine engine(UpgradeRule... rules) {
		return UpgradeEngine.builder(TestRules.PATHS).rules(List.of(rules)).clock(this.clock).build();
	}

}
