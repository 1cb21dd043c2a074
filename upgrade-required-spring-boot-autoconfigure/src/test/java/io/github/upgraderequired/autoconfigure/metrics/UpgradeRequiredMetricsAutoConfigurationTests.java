package io.github.upgraderequired.autoconfigure.metrics;

import java.util.List;

import io.github.upgraderequired.autoconfigure.UpgradeRequiredAutoConfiguration;
import io.github.upgraderequired.core.HttpProtocol;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.core.UpgradeRequest;
import io.github.upgraderequired.core.UpgradeRule;
import io.github.upgraderequired.core.Verdict;
import io.github.upgraderequired.metrics.MeterDecisionListener;
import io.github.upgraderequired.test.MockUpgradeRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UpgradeRequiredMetricsAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class UpgradeRequiredMetricsAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				UpgradeRequiredAutoConfiguration.class, UpgradeRequiredMetricsAutoConfiguration.class))
		.withPropertyValues("upgrade-required.rules.http.type=http-version",
				"upgrade-required.rules.secure.type=https", "upgrade-required.rules.secure.paths=/secure/**");

	@Test
	void countsOutcomesByRuleTypeAndOutcome() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(MeterDecisionListener.class);
			UpgradeEngine engine = context.getBean(UpgradeEngine.class);
			engine.evaluate(MockUpgradeRequest.get("/").protocol(HttpProtocol.HTTP_1_0));
			engine.evaluate(MockUpgradeRequest.get("/secure/a"));
			engine.evaluate(MockUpgradeRequest.get("/secure/b"));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(count(registry, "http", "http-version", "rejected")).isEqualTo(1);
			assertThat(count(registry, "secure", "https", "rejected")).isEqualTo(2);
		});
	}

	@Test
	void aRuleOfOnesOwnCannotNameUnboundedClients(CapturedOutput output) {
		this.runner.withBean("fromTheRequest", UpgradeRule.class, ClientFromTheRequest::new).run((context) -> {
			UpgradeEngine engine = context.getBean(UpgradeEngine.class);
			for (int i = 0; i < 100; i++) {
				engine.evaluate(MockUpgradeRequest.get("/custom/" + i));
			}
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			List<String> clients = registry.find("upgrade.required.requests")
				.tags("rule", "fromTheRequest", "outcome", "rejected")
				.counters()
				.stream()
				.map((counter) -> counter.getId().getTag("client"))
				.toList();
			assertThat(clients).hasSize(MeterDecisionListener.MAX_CLIENTS_PER_RULE).contains("other");
			assertThat(registry.find("upgrade.required.requests")
				.tags("rule", "fromTheRequest", "outcome", "rejected")
				.counters()
				.stream()
				.mapToDouble(Counter::count)
				.sum()).isEqualTo(100);
			assertThat(output).containsOnlyOnce("Rule 'fromTheRequest' named more than 32 distinct clients");
		});
	}

	/**
	 * A rule that, against the advice, tags each rejection with a value from the request.
	 */
	static final class ClientFromTheRequest implements UpgradeRule {

		@Override
		public String name() {
			return "fromTheRequest";
		}

		@Override
		public List<String> upgrade() {
			return List.of("Custom/2");
		}

		@Override
		public Verdict check(UpgradeRequest request) {
			return Verdict.upgrade("2", "1").withClient(request.path());
		}

	}

	@Test
	void everyRulesCountersArePublishedAtZero() {
		this.runner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			for (String outcome : new String[] { "rejected", "warned", "reported", "error" }) {
				assertThat(count(registry, "http", "http-version", outcome)).isZero();
				assertThat(count(registry, "secure", "https", outcome)).isZero();
			}
			assertThat(registry.find("upgrade.required.requests").counters()).hasSize(8);
		});
	}

	@Test
	void reactiveApplicationsAreCountedToo() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
					UpgradeRequiredAutoConfiguration.class, UpgradeRequiredMetricsAutoConfiguration.class))
			.withPropertyValues("upgrade-required.rules.secure.type=https")
			.run((context) -> {
				context.getBean(UpgradeEngine.class).evaluate(MockUpgradeRequest.get("/"));
				assertThat(count(context.getBean(MeterRegistry.class), "secure", "https", "rejected")).isEqualTo(1);
			});
	}

	@Test
	void nonWebApplicationsAreNotCounted() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
					UpgradeRequiredAutoConfiguration.class, UpgradeRequiredMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(MeterRegistry.class)
				.doesNotHaveBean(MeterDecisionListener.class));
	}

	@Test
	void withoutARegistryNothingIsCounted() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(UpgradeRequiredAutoConfiguration.class,
					UpgradeRequiredMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(UpgradeEngine.class)
				.doesNotHaveBean(MeterDecisionListener.class));
	}

	@Test
	void withoutMicrometerNothingIsCounted() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(UpgradeRequiredAutoConfiguration.class,
					UpgradeRequiredMetricsAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasSingleBean(UpgradeEngine.class)
				.doesNotHaveBean(MeterDecisionListener.class));
	}

	@Test
	void whenDisabledNothingIsCounted() {
		this.runner.withPropertyValues("upgrade-required.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MeterDecisionListener.class));
	}

	@Test
	void usesUserProvidedListener() {
		SimpleMeterRegistry own = new SimpleMeterRegistry();
		this.runner.withBean("userListener", MeterDecisionListener.class, () -> new MeterDecisionListener(own))
			.run((context) -> {
				assertThat(context).hasSingleBean(MeterDecisionListener.class);
				context.getBean(UpgradeEngine.class).evaluate(MockUpgradeRequest.get("/secure/x"));
				assertThat(count(own, "secure", "https", "rejected")).isEqualTo(1);
			});
	}

	private static double count(MeterRegistry registry, String rule, String type, String outcome) {
		return registry.get("upgrade.required.requests")
			.tags("rule", rule, "type", type, "outcome", outcome)
			.counter()
			.count();
	}

}
