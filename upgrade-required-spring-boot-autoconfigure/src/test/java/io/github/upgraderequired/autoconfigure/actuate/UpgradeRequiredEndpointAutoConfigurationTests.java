package io.github.upgraderequired.autoconfigure.actuate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.upgraderequired.actuate.UpgradeRequiredEndpoint;
import io.github.upgraderequired.actuate.UpgradeRequiredEndpointWebExtension;
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
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationType;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.WebEndpointsSupplier;
import org.springframework.boot.actuate.endpoint.web.WebOperation;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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
	void isReadOnlyUnlessWriteAccessIsGranted() {
		this.runner.run((context) -> assertThat(operations(context)).containsExactlyInAnyOrder(OperationType.READ,
				OperationType.READ));
		this.runner.withPropertyValues("management.endpoint.upgraderequired.access=UNRESTRICTED")
			.run((context) -> assertThat(operations(context)).containsExactlyInAnyOrder(OperationType.READ,
					OperationType.READ, OperationType.WRITE, OperationType.DELETE));
		this.runner
			.withPropertyValues("management.endpoint.upgraderequired.access=UNRESTRICTED",
					"management.endpoints.access.max-permitted=READ_ONLY")
			.run((context) -> assertThat(operations(context)).containsOnly(OperationType.READ));
	}

	@Test
	@SuppressWarnings("unchecked")
	void anOverrideIsSetDescribedAuditedAndCleared() {
		this.runner.withBean(AuditEvents.class).run((context) -> {
			UpgradeRequiredEndpoint endpoint = context.getBean(UpgradeRequiredEndpoint.class);
			Map<String, Object> set = endpoint.setOverride("legacy", "Report", null, SecurityContext.NONE);
			assertThat(set).containsEntry("mode", "enforce").containsEntry("modeNow", "report");
			assertThat((Map<String, Object>) set.get("override")).containsEntry("mode", "report")
				.containsKey("since")
				.doesNotContainKeys("until", "by");
			assertThat(context.getBean(UpgradePipeline.class)
				.process(MockUpgradeRequest.get("/").protocol(HttpProtocol.HTTP_1_0))
				.refusal()).isNull();
			Map<String, Object> cleared = endpoint.clearOverride("legacy", SecurityContext.NONE);
			assertThat(cleared).containsEntry("modeNow", "enforce").doesNotContainKey("override");
			// Clearing what is not set changes nothing and is not audited.
			endpoint.clearOverride("legacy", SecurityContext.NONE);
			List<AuditApplicationEvent> events = context.getBean(AuditEvents.class).events;
			assertThat(events).extracting((event) -> event.getAuditEvent().getType())
				.containsExactly(UpgradeRequiredEndpoint.OVERRIDE_SET, UpgradeRequiredEndpoint.OVERRIDE_CLEARED);
			assertThat(events.get(0).getAuditEvent().getPrincipal()).isEmpty();
			assertThat(events.get(0).getAuditEvent().getData()).containsEntry("rule", "legacy")
				.containsEntry("mode", "report");
			assertThat(events.get(1).getAuditEvent().getData()).containsEntry("rule", "legacy")
				.containsKey("previous");
		});
	}

	@Test
	void badRequestsAreRefusedWithTheReason() {
		this.runner.run((context) -> {
			UpgradeRequiredEndpoint endpoint = context.getBean(UpgradeRequiredEndpoint.class);
			assertThatExceptionOfType(InvalidEndpointRequestException.class)
				.isThrownBy(() -> endpoint.setOverride("nope", "warn", null, SecurityContext.NONE))
				.satisfies((ex) -> assertThat(ex.getReason())
					.isEqualTo("There is no rule named 'nope'; the rules are: legacy, soon"));
			assertThatExceptionOfType(InvalidEndpointRequestException.class)
				.isThrownBy(() -> endpoint.setOverride("legacy", "relax", null, SecurityContext.NONE))
				.satisfies((ex) -> assertThat(ex.getReason())
					.isEqualTo("Unknown mode 'relax'; use one of enforce, warn, report, off"));
			assertThatExceptionOfType(InvalidEndpointRequestException.class)
				.isThrownBy(() -> endpoint.setOverride("legacy", "warn", "2020-01-01T00:00:00+01:00",
						SecurityContext.NONE))
				.satisfies((ex) -> assertThat(ex.getReason())
					.startsWith("'until' (2019-12-31T23:00:00Z) is not in the future; it is now "));
			assertThatExceptionOfType(InvalidEndpointRequestException.class)
				.isThrownBy(() -> endpoint.clearOverride("nope", SecurityContext.NONE));
			assertThat(context.getBean(UpgradePipeline.class).engine().overrides()).isEmpty();
		});
	}

	@Test
	void theWebExtensionAnswersBadRequestsWith400AndTheReason() {
		this.runner.withPropertyValues("management.endpoint.upgraderequired.access=UNRESTRICTED").run((context) -> {
			UpgradeRequiredEndpointWebExtension extension = context.getBean(UpgradeRequiredEndpointWebExtension.class);
			WebEndpointResponse<Map<String, Object>> refused = extension.setOverride("legacy", "later", null,
					SecurityContext.NONE);
			assertThat(refused.getStatus()).isEqualTo(400);
			assertThat(refused.getBody()).containsEntry("message",
					"Unknown mode 'later'; use one of enforce, warn, report, off");
			WebEndpointResponse<Map<String, Object>> set = extension.setOverride("legacy", "warn",
					"2099-01-01T00:00:00Z", SecurityContext.NONE);
			assertThat(set.getStatus()).isEqualTo(200);
			assertThat(set.getBody()).containsEntry("modeNow", "warn");
		});
	}

	@Test
	void aFixedEngineCannotBeChanged() {
		UpgradeRequiredEndpoint endpoint = new UpgradeRequiredEndpoint(
				UpgradeEngine.builder((pattern) -> (path) -> true).build(), null);
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> endpoint.setOverride("legacy", "warn", null, SecurityContext.NONE));
	}

	private static List<OperationType> operations(AssertableWebApplicationContext context) {
		return context.getBean(WebEndpointsSupplier.class)
			.getEndpoints()
			.stream()
			.filter((endpoint) -> endpoint.getEndpointId().toString().equals("upgraderequired"))
			.flatMap((endpoint) -> endpoint.getOperations().stream())
			.map(WebOperation::getType)
			.toList();
	}

	/**
	 * The audit events published.
	 */
	static class AuditEvents {

		final List<AuditApplicationEvent> events = new ArrayList<>();

		@EventListener
		void on(AuditApplicationEvent event) {
			this.events.add(event);
		}

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
