package io.github.upgraderequired.autoconfigure;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.github.upgraderequired.core.Decision;
import io.github.upgraderequired.core.HttpProtocol;
import io.github.upgraderequired.core.Mode;
import io.github.upgraderequired.core.RuleDescriptor;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.core.UpgradeRequest;
import io.github.upgraderequired.core.UpgradeRule;
import io.github.upgraderequired.core.Verdict;
import io.github.upgraderequired.render.UpgradeResponse;
import io.github.upgraderequired.render.UpgradeResponseRenderer;
import io.github.upgraderequired.test.MockUpgradeRequest;
import io.github.upgraderequired.web.PipelineResult;
import io.github.upgraderequired.web.UpgradePipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UpgradeRequiredAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class UpgradeRequiredAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(UpgradeRequiredAutoConfiguration.class));

	@Test
	void withoutPropertiesTheEngineHasNoRulesAndPassesEverything() {
		this.runner.run((context) -> {
			UpgradeEngine engine = context.getBean(UpgradeEngine.class);
			assertThat(engine.rules()).isEmpty();
			assertThat(engine.evaluate(MockUpgradeRequest.get("/").protocol(HttpProtocol.HTTP_1_0)))
				.isSameAs(Decision.PASS);
			assertThat(context).hasSingleBean(UpgradeResponseRenderer.class).hasSingleBean(UpgradePipeline.class);
		});
	}

	@Test
	void thePipelineDecidesWithTheEngineAndAnswersWithTheRenderer() {
		this.runner
			.withPropertyValues("upgrade-required.rules.secure.type=https", "upgrade-required.rules.secure.paths=/s/**",
					"upgrade-required.response.problem-type=https://example.com/problems/upgrade")
			.run((context) -> {
				UpgradeResponse refusal = context.getBean(UpgradePipeline.class)
					.process(MockUpgradeRequest.get("/s/a"))
					.refusal();
				assertThat(refusal).isNotNull();
				assertThat(refusal.status()).isEqualTo(426);
				assertThat(new String(refusal.body())).contains("\"type\":\"https://example.com/problems/upgrade\"");
				assertThat(context.getBean(UpgradePipeline.class).process(MockUpgradeRequest.get("/other")))
					.isSameAs(PipelineResult.PASS);
			});
	}

	@Test
	void whenDisabledNothingIsCreated() {
		this.runner.withPropertyValues("upgrade-required.enabled=false", "upgrade-required.rules.a.type=https")
			.run((context) -> assertThat(context).doesNotHaveBean(UpgradeEngine.class)
				.doesNotHaveBean(UpgradeResponseRenderer.class)
				.doesNotHaveBean(UpgradePipeline.class));
	}

	@Test
	void reactiveApplicationsGetTheEngineToo() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(UpgradeRequiredAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(UpgradeEngine.class));
	}

	@Test
	void reactiveApplicationsRestrictNettysForwardingOnlyWhenAsked() {
		ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(UpgradeRequiredAutoConfiguration.class));
		reactive.run((context) -> assertThat(context).doesNotHaveBean(TrustedForwardingNettyCustomizer.class));
		reactive.withPropertyValues("upgrade-required.proxy.restrict-netty-forwarding=true")
			.run((context) -> assertThat(context).hasSingleBean(TrustedForwardingNettyCustomizer.class));
		reactive.withPropertyValues("upgrade-required.proxy.restrict-netty-forwarding=true")
			.withClassLoader(new FilteredClassLoader("reactor.netty"))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(TrustedForwardingNettyCustomizer.class));
		this.runner.withPropertyValues("upgrade-required.proxy.restrict-netty-forwarding=true")
			.run((context) -> assertThat(context).doesNotHaveBean(TrustedForwardingNettyCustomizer.class));
	}

	@Test
	void aBadTrustedAddressFailsStartUpOnNettyToo() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(UpgradeRequiredAutoConfiguration.class))
			.withPropertyValues("upgrade-required.proxy.restrict-netty-forwarding=true",
					"upgrade-required.proxy.trusted-addresses=10.0.0.0/99")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(UpgradeRequiredConfigurationException.class)
				.hasMessageContaining("upgrade-required.proxy.trusted-addresses"));
	}

	@Test
	void nonWebApplicationsGetNothing() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(UpgradeRequiredAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(UpgradeEngine.class));
	}

	@Test
	void withoutTomcatNoValveIsInstalled() {
		this.runner.withClassLoader(new FilteredClassLoader("org.apache.catalina"))
			.run((context) -> assertThat(context).hasSingleBean(UpgradeEngine.class)
				.doesNotHaveBean(ConnectionRecordingValveCustomizer.class));
	}

	@Test
	void withoutSpringWebNothingIsCreated() {
		this.runner.withClassLoader(new FilteredClassLoader(PathPatternParser.class))
			.run((context) -> assertThat(context).doesNotHaveBean(UpgradeEngine.class));
	}

	@Test
	void usesUserProvidedPipeline() {
		this.runner
			.withBean("userPipeline", UpgradePipeline.class,
					() -> new UpgradePipeline(UpgradeEngine.builder((pattern) -> (path) -> true).build(),
							new UpgradeResponseRenderer()))
			.run((context) -> assertThat(context).getBean(UpgradePipeline.class)
				.isSameAs(context.getBean("userPipeline")));
	}

	@Test
	void usesUserProvidedEngineAndRenderer() {
		this.runner.withUserConfiguration(UserBeans.class).run((context) -> {
			assertThat(context).getBean(UpgradeEngine.class).isSameAs(context.getBean("userEngine"));
			assertThat(context).getBean(UpgradeResponseRenderer.class).isSameAs(context.getBean("userRenderer"));
		});
	}

	@Test
	void propertyRulesComeInTheOrderWrittenThenRuleBeansByOrder() {
		this.runner.withUserConfiguration(RuleBeans.class)
			.withPropertyValues("upgrade-required.rules.zeta.type=https", "upgrade-required.rules.alpha.type=http-version")
			.run((context) -> assertThat(context.getBean(UpgradeEngine.class).rules()).extracting(RuleDescriptor::name)
				.containsExactly("zeta", "alpha", "first-bean", "second-bean"));
	}

	// As Spring Boot binds a map from several files: a profile's file, which wins over
	// application.yml, puts its rules first; each file keeps its own order.
	@Test
	void rulesFromSeveralFilesComeFromTheWinningFileFirst() {
		this.runner.withInitializer((context) -> {
			context.getEnvironment().getPropertySources().addFirst(yaml("application.yml", """
					upgrade-required:
					  rules:
					    zeta:
					      type: https
					    alpha:
					      type: http-version
					"""));
			context.getEnvironment().getPropertySources().addFirst(yaml("application-tls.yml", """
					upgrade-required:
					  rules:
					    strict:
					      type: tls-version
					    beta:
					      type: http2
					"""));
		})
			.run((context) -> assertThat(context.getBean(UpgradeEngine.class).rules()).extracting(RuleDescriptor::name)
				.containsExactly("strict", "beta", "zeta", "alpha"));
	}

	@Test
	void rulesFromPropertiesHaveTheirSettings() {
		this.runner.withPropertyValues("upgrade-required.rules.legacy.type=http-version",
				"upgrade-required.rules.legacy.minimum=2", "upgrade-required.rules.legacy.paths=/api/**",
				"upgrade-required.rules.legacy.methods=get,post", "upgrade-required.rules.legacy.status=406",
				"upgrade-required.rules.legacy.mode=warn", "upgrade-required.rules.legacy.unknown=reject",
				"upgrade-required.rules.legacy.deprecation=2026-01-01T00:00:00Z",
				"upgrade-required.rules.legacy.documentation=https://example.com/docs")
			.run((context) -> {
				RuleDescriptor rule = context.getBean(UpgradeEngine.class).rules().get(0);
				assertThat(rule.type()).isEqualTo("http-version");
				assertThat(rule.upgrade()).containsExactly("HTTP/2.0");
				assertThat(rule.settings().paths()).containsExactly("/api/**");
				assertThat(rule.settings().methods()).containsExactly("GET", "POST");
				assertThat(rule.settings().status()).isEqualTo(406);
				assertThat(rule.settings().schedule().mode()).isEqualTo(Mode.WARN);
				assertThat(rule.settings().documentation()).isEqualTo("https://example.com/docs");
				assertThat(rule.settings().deprecation()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
			});
	}

	@Test
	void everyRuleTypeCanBeConfigured() {
		this.runner
			.withPropertyValues("upgrade-required.rules.a.type=http-version", "upgrade-required.rules.b.type=https",
					"upgrade-required.rules.c.type=tls-version", "upgrade-required.rules.d.type=http2",
					"upgrade-required.rules.e.type=websocket", "upgrade-required.proxy.trusted-addresses=10.0.0.0/8",
					"upgrade-required.proxy.tls-version-header=X-Tls")
			.run((context) -> {
				List<RuleDescriptor> rules = context.getBean(UpgradeEngine.class).rules();
				assertThat(rules).extracting(RuleDescriptor::type)
					.containsExactly("http-version", "https", "tls-version", "http2", "websocket");
				assertThat(rules).extracting(RuleDescriptor::upgrade)
					.containsExactly(List.of("HTTP/1.1"), List.of("TLS/1.3", "TLS/1.2"), List.of("TLS/1.2"),
							List.of("h2c", "HTTP/2.0"), List.of("websocket"));
				assertThat(context).hasSingleBean(TlsVersionVisibility.class)
					.hasSingleBean(ConnectionRecordingValveCustomizer.class);
			});
	}

	@Test
	void yamlOffAndTimestampsBindAsModeAndInstants() {
		this.runner.withInitializer((context) -> context.getEnvironment().getPropertySources().addFirst(yaml("""
				upgrade-required:
				  rules:
				    legacy:
				      type: https
				      mode: off
				    dated:
				      type: https
				      warn-from: 2026-03-01T00:00:00Z
				      enforce-from: 2026-06-01T00:00:00Z
				""")))
			.run((context) -> {
				List<RuleDescriptor> rules = context.getBean(UpgradeEngine.class).rules();
				assertThat(rules.get(0).settings().schedule().mode()).isEqualTo(Mode.OFF);
				assertThat(rules.get(1).settings().schedule().warnFrom())
					.isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
				assertThat(rules.get(1).modeAt(Instant.parse("2026-07-01T00:00:00Z"))).isEqualTo(Mode.ENFORCE);
			});
	}

	@Test
	void aUniqueClockBeanDrivesTheSchedules() {
		this.runner.withBean(Clock.class, () -> Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"), ZoneOffset.UTC))
			.withPropertyValues("upgrade-required.rules.dated.type=https",
					"upgrade-required.rules.dated.warn-from=2026-03-01T00:00:00Z",
					"upgrade-required.rules.dated.enforce-from=2026-06-01T00:00:00Z")
			.run((context) -> {
				Decision decision = context.getBean(UpgradeEngine.class).evaluate(MockUpgradeRequest.get("/"));
				assertThat(decision.isRejected()).isFalse();
				assertThat(decision.sunset()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
			});
	}

	@Test
	void actuatorAndErrorPathsAreExcluded() {
		this.runner.withPropertyValues("upgrade-required.rules.all.type=https").run((context) -> {
			UpgradeEngine engine = context.getBean(UpgradeEngine.class);
			assertThat(engine.evaluate(MockUpgradeRequest.get("/actuator/health"))).isSameAs(Decision.PASS);
			assertThat(engine.evaluate(MockUpgradeRequest.get("/actuator"))).isSameAs(Decision.PASS);
			assertThat(engine.evaluate(MockUpgradeRequest.get("/error"))).isSameAs(Decision.PASS);
			assertThat(engine.evaluate(MockUpgradeRequest.get("/actuatorx")).isRejected()).isTrue();
		});
	}

	@Test
	void customActuatorErrorAndExtraExclusionsAreExcluded() {
		this.runner
			.withPropertyValues("upgrade-required.rules.all.type=https", "management.endpoints.web.base-path=/manage/",
					"management.server.base-path=/ops", "server.error.path=/oops",
					"upgrade-required.exclude-paths=/public/**")
			.run((context) -> {
				UpgradeEngine engine = context.getBean(UpgradeEngine.class);
				for (String path : List.of("/manage/health", "/ops/manage/health", "/oops", "/public/a")) {
					assertThat(engine.evaluate(MockUpgradeRequest.get(path))).as(path).isSameAs(Decision.PASS);
				}
				assertThat(engine.evaluate(MockUpgradeRequest.get("/actuator/health")).isRejected()).isTrue();
			});
	}

	@Test
	void withActuatorAtTheRootTheHealthEndpointIsStillExcluded(CapturedOutput output) {
		this.runner
			.withPropertyValues("upgrade-required.rules.all.type=https", "management.endpoints.web.base-path=/",
					"management.endpoints.web.path-mapping.health=healthz")
			.run((context) -> {
				UpgradeEngine engine = context.getBean(UpgradeEngine.class);
				assertThat(engine.evaluate(MockUpgradeRequest.get("/healthz"))).isSameAs(Decision.PASS);
				assertThat(engine.evaluate(MockUpgradeRequest.get("/healthz/liveness"))).isSameAs(Decision.PASS);
				assertThat(engine.evaluate(MockUpgradeRequest.get("/info")).isRejected()).isTrue();
				assertThat(output).contains("only /healthz is excluded");
			});
	}

	@Test
	void aConfiguredPageReplacesTheBuiltInOne() {
		this.runner
			.withPropertyValues("upgrade-required.rules.all.type=https",
					"upgrade-required.response.page=classpath:custom-upgrade-page.html")
			.run((context) -> assertThat(htmlBody(context.getBean(UpgradeEngine.class),
					context.getBean(UpgradeResponseRenderer.class)))
				.isEqualTo("<p>Custom: TLS/1.3, TLS/1.2</p>\n"));
	}

	@Test
	void aMissingPageFallsBackToTheBuiltInOneWithAWarning(CapturedOutput output) {
		this.runner
			.withPropertyValues("upgrade-required.rules.all.type=https",
					"upgrade-required.response.page=classpath:no-such-page.html")
			.run((context) -> {
				assertThat(htmlBody(context.getBean(UpgradeEngine.class), context.getBean(UpgradeResponseRenderer.class)))
					.startsWith("<!DOCTYPE html>");
				assertThat(output).contains("classpath:no-such-page.html").contains("built-in page");
			});
	}

	@Test
	void theProblemTypeIsConfigurable() {
		this.runner
			.withPropertyValues("upgrade-required.rules.all.type=https",
					"upgrade-required.response.problem-type=https://example.com/problems/upgrade")
			.run((context) -> {
				UpgradeRequest request = MockUpgradeRequest.get("/");
				UpgradeResponse response = context.getBean(UpgradeResponseRenderer.class)
					.render(context.getBean(UpgradeEngine.class).evaluate(request), request);
				assertThat(new String(response.body())).startsWith("{\"type\":\"https://example.com/problems/upgrade\"");
			});
	}

	private static String htmlBody(UpgradeEngine engine, UpgradeResponseRenderer renderer) {
		UpgradeRequest request = MockUpgradeRequest.get("/").header("Accept", "text/html");
		return new String(renderer.render(engine.evaluate(request), request).body());
	}

	private static PropertySource<?> yaml(String yaml) {
		return yaml("test", yaml);
	}

	private static PropertySource<?> yaml(String name, String yaml) {
		try {
			return new YamlPropertySourceLoader().load(name, new ByteArrayResource(yaml.getBytes())).get(0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		@Bean
		UpgradeEngine userEngine() {
			return UpgradeEngine.builder((pattern) -> (path) -> true).build();
		}

		@Bean
		UpgradeResponseRenderer userRenderer() {
			return new UpgradeResponseRenderer();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RuleBeans {

		@Bean
		@Order(2)
		UpgradeRule second() {
			return new NamedRule("second-bean");
		}

		@Bean
		@Order(1)
		UpgradeRule first() {
			return new NamedRule("first-bean");
		}

	}

	record NamedRule(String name) implements UpgradeRule {

		@Override
		public List<String> upgrade() {
			return List.of("Custom/2");
		}

		@Override
		public Verdict check(UpgradeRequest request) {
			return Verdict.pass();
		}

	}

}
