package io.github.upgraderequired.autoconfigure.actuate;

import java.util.List;
import java.util.Map;

import io.github.upgraderequired.actuate.UpgradeRequiredEndpoint;
import io.github.upgraderequired.autoconfigure.UpgradeRequiredAutoConfiguration;
import io.github.upgraderequired.autoconfigure.metrics.UpgradeRequiredMetricsAutoConfiguration;
import io.github.upgraderequired.core.HttpProtocol;
import io.github.upgraderequired.core.RuleSettings;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.core.UpgradeRequest;
import io.github.upgraderequired.core.UpgradeRule;
import io.github.upgraderequired.core.Verdict;
import io.github.upgraderequired.core.rule.HttpVersionRule;
import io.github.upgraderequired.test.MockUpgradeRequest;
import io.github.upgraderequired.web.UpgradePipeline;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UpgradeRequiredEndpointAutoConfiguration} and the endpoint it makes.
 */
class UpgradeRequiredEndpointAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class,
				UpgradeRequiredAutoConfiguration.class, UpgradeRequiredEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=upgraderequired",
				"upgrade-required.rules.legacy.type=http-version",
				"upgrade-required.rules.soon.type=https", "upgrade-required.rules.soon.paths=/secure/**",
				"upgrade-required.rules.soon.warn-from=2020-01-01T00:00:00Z",
				"upgrade-required.rules.soon.enforce-from=2099-01-01T00:00:00Z",
				"upgrade-required.rules.soon.exempt.header.name=X-Key",
				"upgrade-required.rules.soon.exempt.header.value=secret");

	@Test
	@SuppressWarnings("unchecked")
	void describesEveryRuleWithoutCountsWhenThereAreNoMetrics() {
		this.runner.run((context) -> {
			Map<String, Object> report = context.getBean(UpgradeRequiredEndpoint.class).rules();
			List<Map<String, Object>> rules = (List<Map<String, Object>>) report.get("rules");
			assertThat(rules).extracting((rule) -> rule.get("name")).containsExactly("legacy", "soon");
			Map<String, Object> legacy = rules.get(0);
			assertThat(legacy).containsEntry("type", "http-version")
				.containsEntry("mode", "enforce")
				.containsEntry("modeNow", "enforce")
				.containsEntry("minimum", "HTTP/1.1")
				.containsEntry("upgrade", List.of("HTTP/1.1"))
				.containsEntry("paths", List.of("/**"))
				.doesNotContainKey("counts");
			Map<String, Object> soon = rules.get(1);
			assertThat(soon).containsEntry("modeNow", "warn")
				.containsEntry("warnFrom", "2020-01-01T00:00:00Z")
				.containsEntry("enforceFrom", "2099-01-01T00:00:00Z")
				.containsEntry("paths", List.of("/secure/**"))
				.containsEntry("exempt", Map.of("header", "X-Key"));
			assertThat(soon.toString()).doesNotContain("secret");
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void includesCountsWithMetrics() {
		this.runner
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
					UpgradeRequiredMetricsAutoConfiguration.class))
			.run((context) -> {
				UpgradeEngine engine = context.getBean(UpgradeEngine.class);
				engine.evaluate(MockUpgradeRequest.get("/").protocol(HttpProtocol.HTTP_1_0));
				engine.evaluate(MockUpgradeRequest.get("/").protocol(HttpProtocol.HTTP_1_0));
				engine.evaluate(MockUpgradeRequest.get("/secure/a"));
				assertThat(context).hasSingleBean(MeterRegistry.class);
				UpgradeRequiredEndpoint endpoint = context.getBean(UpgradeRequiredEndpoint.class);
				assertThat(endpoint.rule("legacy").get("counts"))
					.isEqualTo(Map.of("rejected", 2L, "warned", 0L, "reported", 0L, "error", 0L));
				assertThat((Map<String, Long>) endpoint.rule("soon").get("counts")).containsEntry("warned", 1L);
				assertThat(endpoint.rule("nope")).isNull();
			});
	}

	@Test
	@SuppressWarnings("unchecked")
	void describesThePolicyInForceAfterASwap() {
		this.runner.run((context) -> {
			UpgradeRequiredEndpoint endpoint = context.getBean(UpgradeRequiredEndpoint.class);
			UpgradeEngine swapped = UpgradeEngine.builder((pattern) -> (path) -> true)
				.rules(List.of(new HttpVersionRule("http-2-only", HttpProtocol.HTTP_2, List.of(),
						RuleSettings.defaults())))
				.build();
			context.getBean(UpgradePipeline.class).swap(swapped);
			List<Map<String, Object>> rules = (List<Map<String, Object>>) endpoint.rules().get("rules");
			assertThat(rules).extracting((rule) -> rule.get("name")).containsExactly("http-2-only");
			assertThat(endpoint.rule("legacy")).isNull();
			assertThat(endpoint.rule("http-2-only")).containsEntry("minimum", "HTTP/2.0");
		});
	}

	@Test
	void aRulesOwnDetailsCannotReplaceWhatEveryRuleReports() {
		this.runner.withBean("custom", UpgradeRule.class, Impostor::new).run((context) -> {
			Map<String, Object> custom = context.getBean(UpgradeRequiredEndpoint.class).rule("custom");
			assertThat(custom).containsEntry("name", "custom")
				.containsEntry("type", "custom")
				.containsEntry("modeNow", "enforce")
				.containsEntry("flavour", "vanilla");
		});
	}

	/**
	 * A rule whose details try to pass for something else.
	 */
	static final class Impostor implements UpgradeRule {

		@Override
		public String name() {
			return "custom";
		}

		@Override
		public List<String> upgrade() {
			return List.of("Custom/2");
		}

		@Override
		public Map<String, Object> details() {
			return Map.of("name", "legacy", "type", "http-version", "modeNow", "off", "flavour", "vanilla");
		}

		@Override
		public Verdict check(UpgradeRequest request) {
			return Verdict.pass();
		}

	}

	@Test
	void isNotCreatedWhenNotExposed() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class,
					UpgradeRequiredAutoConfiguration.class, UpgradeRequiredEndpointAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(UpgradeRequiredEndpoint.class));
	}

	@Test
	void isNotCreatedWhenItsAccessIsNone() {
		this.runner.withPropertyValues("management.endpoint.upgraderequired.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(UpgradeRequiredEndpoint.class));
	}

	@Test
	void isNotCreatedWithoutActuator() {
		this.runner.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasSingleBean(UpgradeEngine.class)
				.doesNotHaveBean(UpgradeRequiredEndpoint.class));
	}

	@Test
	void isNotCreatedWhenDisabled() {
		this.runner.withPropertyValues("upgrade-required.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(UpgradeRequiredEndpoint.class));
	}

	@Test
	void usesUserProvidedEndpoint() {
		this.runner.withBean("userEndpoint", UpgradeRequiredEndpoint.class,
				() -> new UpgradeRequiredEndpoint(UpgradeEngine.builder((pattern) -> (path) -> true).build(), null))
			.run((context) -> assertThat(context).getBean(UpgradeRequiredEndpoint.class)
				.isSameAs(context.getBean("userEndpoint")));
	}

}
