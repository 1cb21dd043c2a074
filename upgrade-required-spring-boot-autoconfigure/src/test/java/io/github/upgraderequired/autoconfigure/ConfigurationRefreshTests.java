package io.github.upgraderequired.autoconfigure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.upgraderequired.core.HttpProtocol;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.event.UpgradeRequiredPolicyEvent;
import io.github.upgraderequired.metrics.UpgradeRequiredMetrics;
import io.github.upgraderequired.test.MockUpgradeRequest;
import io.github.upgraderequired.test.UpgradeRequiredTester;
import io.github.upgraderequired.web.UpgradePipeline;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.runner.AbstractApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConfigurationRefresh}: a change of {@code upgrade-required.*} while the
 * application runs, as Spring Cloud announces it, on both stacks.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationRefreshTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(
			UpgradeRequiredAutoConfiguration.class, UpgradeRequiredRefreshAutoConfiguration.class,
			MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
			SimpleMetricsExportAutoConfiguration.class,
			io.github.upgraderequired.autoconfigure.metrics.UpgradeRequiredMetricsAutoConfiguration.class);

	private static final String[] LEGACY = { "upgrade-required.rules.legacy.type=http-version",
			"upgrade-required.rules.legacy.minimum=1.1" };

	private final List<UpgradeRequiredPolicyEvent> events = new ArrayList<>();

	@Test
	void aChangeOnMvcIsCompiledAndPutInForce() {
		servlet().run(this::aChangeIsCompiledAndPutInForce);
	}

	@Test
	void aChangeOnWebFluxIsCompiledAndPutInForce() {
		reactive().run(this::aChangeIsCompiledAndPutInForce);
	}

	private void aChangeIsCompiledAndPutInForce(ApplicationContext context) {
		UpgradePipeline pipeline = context.getBean(UpgradePipeline.class);
		UpgradeEngine before = pipeline.engine();
		assertThat(http10(pipeline)).isTrue();
		change(context, Map.of("upgrade-required.rules.legacy.minimum", "1.0", "upgrade-required.rules.secure.type",
				"https"));
		assertThat(pipeline.engine()).isNotSameAs(before);
		assertThat(http10(pipeline)).isFalse();
		assertThat(UpgradeRequiredTester.of(pipeline).process(MockUpgradeRequest.get("/a")).refusingRule())
			.isEqualTo("secure");
		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.isApplied()).isTrue();
			assertThat(event.getAdded()).containsExactly("secure");
			assertThat(event.getChanged()).containsExactly("legacy");
			assertThat(event.getRemoved()).isEmpty();
		});
		assertThat(changes(context, "applied")).isEqualTo(1);
	}

	@Test
	void aRemovedRuleGoesAwayWithItsCounters() {
		servlet().run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find(UpgradeRequiredMetrics.REQUESTS).tag("rule", "legacy").counters()).isNotEmpty();
			change(context, Map.of("upgrade-required.rules.legacy.mode", "off", "upgrade-required.rules.secure.type",
					"https"));
			// A rule turned off stays a rule, with its counters.
			assertThat(registry.find(UpgradeRequiredMetrics.REQUESTS).tag("rule", "legacy").counters()).isNotEmpty();
			assertThat(registry.find(UpgradeRequiredMetrics.REQUESTS).tag("rule", "secure").counters()).isNotEmpty();
			replaceRules(context, "upgrade-required.rules.secure.type", "https");
			assertThat(context.getBean(UpgradePipeline.class).engine().rules()).extracting((rule) -> rule.name())
				.containsExactly("secure");
			assertThat(registry.find(UpgradeRequiredMetrics.REQUESTS).tag("rule", "legacy").counters()).isEmpty();
			assertThat(this.events).last().satisfies((event) -> assertThat(event.getRemoved()).containsExactly("legacy"));
		});
	}

	@Test
	void aBrokenChangeLeavesTheLastGoodPolicyAndSaysWhy(CapturedOutput output) {
		reactive().run((context) -> {
			UpgradePipeline pipeline = context.getBean(UpgradePipeline.class);
			UpgradeEngine before = pipeline.engine();
			change(context, Map.of("upgrade-required.rules.legacy.minimum", "1.7"));
			assertThat(pipeline.engine()).isSameAs(before);
			assertThat(http10(pipeline)).isTrue();
			change(context, Map.of("upgrade-required.rules.legacy.minimun", "1.0"));
			assertThat(pipeline.engine()).isSameAs(before);
			assertThat(this.events).hasSize(2).noneMatch(UpgradeRequiredPolicyEvent::isApplied);
			assertThat(this.events.get(1).getFailure()).contains("upgrade-required.rules.legacy.minimun")
				.contains("minimum");
			assertThat(changes(context, "rejected")).isEqualTo(2);
			assertThat(changes(context, "applied")).isZero();
			assertThat(output).contains("the changed configuration is not applied")
				.contains("upgrade-required.rules.legacy.minimum");
		});
	}

	@Test
	void aChangeToASettingReadAtStartUpIsLoggedAsSuch(CapturedOutput output) {
		servlet().run((context) -> {
			UpgradeEngine before = context.getBean(UpgradePipeline.class).engine();
			change(context, Map.of("upgrade-required.before-security", "true"));
			assertThat(output).contains("[upgrade-required.before-security] changed; these take effect when the "
					+ "application restarts");
			// Nothing else changed: nothing is compiled, applied or counted.
			assertThat(context.getBean(UpgradePipeline.class).engine()).isSameAs(before);
			assertThat(this.events).isEmpty();
			change(context, Map.of("upgrade-required.filter-order", "5", "upgrade-required.rules.legacy.minimum", "1.0"));
			assertThat(output).contains("[upgrade-required.filter-order] changed");
			assertThat(this.events).singleElement().satisfies((event) -> {
				assertThat(event.isApplied()).isTrue();
				assertThat(event.getKeys()).containsExactlyInAnyOrder("upgrade-required.filter-order",
						"upgrade-required.rules.legacy.minimum");
			});
		});
	}

	@Test
	void aValueThatCannotBeBoundIsRejectedWithSpringBootsAnalysis(CapturedOutput output) {
		servlet().run((context) -> {
			UpgradeEngine before = context.getBean(UpgradePipeline.class).engine();
			change(context, Map.of("upgrade-required.rules.legacy.warn-from", "next tuesday"));
			assertThat(context.getBean(UpgradePipeline.class).engine()).isSameAs(before);
			assertThat(this.events).singleElement().satisfies((event) -> {
				assertThat(event.isApplied()).isFalse();
				assertThat(event.getFailure()).startsWith("Description:")
					.contains("upgrade-required.rules.legacy.warn-from")
					.contains("next tuesday");
			});
			assertThat(output).contains("the changed configuration is not applied");
		});
	}

	@Test
	void aRuleThatStaysKeepsCountingWhereItWas() {
		servlet().run((context) -> {
			UpgradePipeline pipeline = context.getBean(UpgradePipeline.class);
			assertThat(http10(pipeline)).isTrue();
			change(context, Map.of("upgrade-required.rules.secure.type", "https"));
			assertThat(http10(pipeline)).isTrue();
			assertThat(context.getBean(MeterRegistry.class)
				.get(UpgradeRequiredMetrics.REQUESTS)
				.tags("rule", "legacy", "outcome", "rejected")
				.counter()
				.count()).isEqualTo(2);
		});
	}

	@Test
	void aChangeAnnouncedByAnotherContextIsLeftToThatContext() {
		servlet().run((context) -> {
			UpgradeEngine before = context.getBean(UpgradePipeline.class).engine();
			real(context).getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("changed", Map.of("upgrade-required.rules.legacy.minimum", "1.0")));
			real(context).publishEvent(
					new EnvironmentChangeEvent(new Object(), Set.of("upgrade-required.rules.legacy.minimum")));
			assertThat(context.getBean(UpgradePipeline.class).engine()).isSameAs(before);
			assertThat(this.events).isEmpty();
		});
	}

	@Test
	void keysOfOthersChangeNothing() {
		servlet().run((context) -> {
			UpgradeEngine before = context.getBean(UpgradePipeline.class).engine();
			change(context, Map.of("spring.application.name", "other"));
			assertThat(context.getBean(UpgradePipeline.class).engine()).isSameAs(before);
			assertThat(this.events).isEmpty();
		});
	}

	@Test
	void anEnvironmentVariableOfOursIsOurs() {
		servlet().run((context) -> {
			UpgradePipeline pipeline = context.getBean(UpgradePipeline.class);
			real(context).getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("variables",
						Map.of("UPGRADE_REQUIRED_RULES_LEGACY_MINIMUM", "1.0")));
			announce(context, "UPGRADE_REQUIRED_RULES_LEGACY_MINIMUM");
			assertThat(http10(pipeline)).isFalse();
			assertThat(this.events).singleElement().satisfies((event) -> assertThat(event.getChanged()).containsExactly("legacy"));
		});
	}

	@Test
	void withoutSpringCloudWhenTurnedOffOrWithAnEngineOfTheApplicationsOwnThereIsNoRefresh() {
		servlet().withClassLoader(new FilteredClassLoader(EnvironmentChangeEvent.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ConfigurationRefresh.class));
		servlet().withPropertyValues("upgrade-required.refresh.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ConfigurationRefresh.class));
		servlet().run((context) -> assertThat(context).hasSingleBean(ConfigurationRefresh.class));
		for (String name : new String[] { "ownEngine", "upgradeEngine" }) {
			servlet().withBean(name, UpgradeEngine.class, () -> UpgradeEngine.builder((pattern) -> (path) -> true).build())
				.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ConfigurationRefresh.class));
		}
	}

	private WebApplicationContextRunner servlet() {
		return configure(new WebApplicationContextRunner());
	}

	private ReactiveWebApplicationContextRunner reactive() {
		return configure(new ReactiveWebApplicationContextRunner());
	}

	private <R extends AbstractApplicationContextRunner<R, ?, ?>> R configure(R runner) {
		return runner.withConfiguration(CONFIGURATIONS)
			.withPropertyValues(LEGACY)
			.withBean("policyEvents", PolicyEvents.class, () -> new PolicyEvents(this.events));
	}

	/**
	 * Return whether the rule 'legacy' refuses HTTP/1.0.
	 */
	/**
	 * Collects the policy events.
	 */
	static final class PolicyEvents implements ApplicationListener<UpgradeRequiredPolicyEvent> {

		private final List<UpgradeRequiredPolicyEvent> events;

		PolicyEvents(List<UpgradeRequiredPolicyEvent> events) {
			this.events = events;
		}

		@Override
		public void onApplicationEvent(UpgradeRequiredPolicyEvent event) {
			this.events.add(event);
		}

	}

	/**
	 * Return whether the rule 'legacy' refuses HTTP/1.0 (over HTTPS, which a rule 'secure'
	 * lets through).
	 */
	private static boolean http10(UpgradePipeline pipeline) {
		return "legacy".equals(UpgradeRequiredTester.of(pipeline)
			.process(MockUpgradeRequest.get("/a").protocol(HttpProtocol.HTTP_1_0).secure(true))
			.refusingRule());
	}

	/**
	 * Change properties as a refreshed property source would, and announce the change as
	 * Spring Cloud does.
	 */
	private static void change(ApplicationContext context, Map<String, Object> properties) {
		MutablePropertySources sources = real(context).getEnvironment().getPropertySources();
		Map<String, Object> changed = new HashMap<>(properties);
		if (sources.get("changed") instanceof MapPropertySource earlier) {
			changed.putAll(earlier.getSource());
			sources.remove("changed");
		}
		sources.addFirst(new MapPropertySource("changed", changed));
		announce(context, properties.keySet().toArray(String[]::new));
	}

	/**
	 * Announce changed keys as Spring Cloud does, from the application's own context.
	 */
	private static void announce(ApplicationContext context, String... keys) {
		ConfigurableApplicationContext real = real(context);
		real.publishEvent(new EnvironmentChangeEvent(real, Set.of(keys)));
	}

	/**
	 * Return the application context a test's context stands for.
	 */
	private static ConfigurableApplicationContext real(ApplicationContext context) {
		return (context instanceof ApplicationContextAssertProvider<?> provider)
				? (ConfigurableApplicationContext) provider.getSourceApplicationContext()
				: (ConfigurableApplicationContext) context;
	}

	/**
	 * Replace every property with the given rule, as a new configuration file would.
	 */
	private static void replaceRules(ApplicationContext context, String key, String value) {
		MutablePropertySources sources = real(context).getEnvironment().getPropertySources();
		List<String> names = new ArrayList<>();
		sources.forEach((source) -> names.add(source.getName()));
		names.stream().filter((name) -> !name.startsWith("system")).forEach(sources::remove);
		sources.addFirst(new MapPropertySource("replaced", Map.of(key, value)));
		announce(context, key, LEGACY[0].split("=")[0]);
	}

	private static double changes(ApplicationContext context, String result) {
		return context.getBean(MeterRegistry.class)
			.get(UpgradeRequiredMetrics.POLICY_CHANGES)
			.tag(UpgradeRequiredMetrics.TAG_RESULT, result)
			.counter()
			.count();
	}

}
