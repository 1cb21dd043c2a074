package io.github.upgraderequired.autoconfigure;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConfigurationKeys}, through the auto-configuration on Spring MVC and
 * WebFlux: what a misspelled or misplaced key does to start-up.
 */
class ConfigurationKeysTests {

	private static final String API_RULE = "upgrade-required.rules.api.type=api-version";

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			upgrade-required.rules.api.pathz=/x                 | upgrade-required.rules.api.pathz                 | Did you mean 'paths'?
			upgrade-required.rules.api.minimun=2                | upgrade-required.rules.api.minimun               | Did you mean 'minimum'?
			upgrade-required.rules.api.api.headr=X-V            | upgrade-required.rules.api.api.headr             | Did you mean 'api.header'?
			upgrade-required.rules.api.exempt.adresses=10.0.0.1 | upgrade-required.rules.api.exempt.adresses       | Did you mean 'exempt.addresses'?
			upgrade-required.rules.api.frobnicate=1             | upgrade-required.rules.api.frobnicate            | Remove the key
			upgrade-required.exclude-pathz=/x                   | upgrade-required.exclude-pathz                   | Did you mean 'exclude-paths'?
			upgrade-required.proxy.trusted-adresses=10.0.0.1    | upgrade-required.proxy.trusted-adresses          | Did you mean 'proxy.trusted-addresses'?
			upgrade-required.respons.page=x                     | upgrade-required.respons.page                    | Did you mean 'response.page'?
			upgrade-required.client.log-intervall=1h            | upgrade-required.client.log-intervall            | Did you mean 'client.log-interval'?
			""")
	void anUnknownKeyStopsStartUpNamingItAndTheNearestKey(String property, String reported, String action) {
		onBothStacks(null, (context) -> {
			FailureAnalysis analysis = UpgradeRequiredFailureAnalyzerTests.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("Property: " + reported).contains("not a setting");
			assertThat(analysis.getAction()).contains(action);
		}, API_RULE, "upgrade-required.rules.api.minimum=2", property);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			upgrade-required.rules.api.browser.preset=modern | browser        | api-version
			upgrade-required.rules.api.https.redirect=true   | https          | api-version
			upgrade-required.rules.api.app.product=X         | app-version    | api-version
			""")
	void anotherTypesSettingStopsStartUpNamingBothTypes(String property, String owner, String type) {
		onBothStacks(null, (context) -> {
			FailureAnalysis analysis = UpgradeRequiredFailureAnalyzerTests.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("a setting of rules of type '" + owner + "'")
				.contains("not of this rule's type '" + type + "'");
			assertThat(analysis.getAction())
				.contains("Rules of type '" + type + "' use minimum, api.use-application-versioning, api.header");
		}, API_RULE, "upgrade-required.rules.api.minimum=2", property);
	}

	@ParameterizedTest
	@ValueSource(strings = { "upgrade-required.rules.b.minimum=2", "upgrade-required.rules.b.api.header=X" })
	void aBrowserRuleRefusesTheApiRulesSettings(String property) {
		onBothStacks(null, (context) -> assertThat(context).hasFailed(), "upgrade-required.rules.b.type=browser",
				property);
	}

	@ParameterizedTest
	@ValueSource(strings = { "upgrade-required.rules.api.paths[0]=/api/**", "upgrade-required.rules.api.paths=/a,/b",
			"upgrade-required.rules.api.excludePaths=/x", "upgrade-required.rules.api.exempt.addresses[0]=10.0.0.1",
			"upgrade-required.rules.api.api.header=API-Version", "upgrade-required.rules.api.warn_from=2026-01-01T00:00:00Z",
			"upgrade-required.failClosed=true", "upgrade-required.proxy.trusted-addresses[0]=10.0.0.0/8",
			"upgrade-required.client.enabled=true", "upgrade-required.rules.app.app.platforms.ios.minimum=5.0",
			"upgrade-required.rules.app.app.platforms[android].minimum=4.0",
			"upgrade-required.rules.app.app.unknownPlatform=reject", "upgrade-required.rules.web.browser.minimums.chrome=100",
			"upgrade-required.rules.web.browser.minimums[edge]=100", "upgrade-required.rules.api.upgrade[0]=API/2" })
	void everyRealKeyStartsInAnySpelling(String property) {
		onBothStacks(null, (context) -> assertThat(context).hasNotFailed(), API_RULE,
				"upgrade-required.rules.api.minimum=2", "upgrade-required.rules.app.type=app-version",
				"upgrade-required.rules.app.minimum=1.0", "upgrade-required.rules.web.type=browser",
				"upgrade-required.rules.web.browser.preset=modern", property);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			api-versoin | api-version
			API_VERSION2 | api-version
			brwoser     | browser
			frobnicate  | null
			""")
	void anUnknownTypeIsReportedWithTheTypesThereAre(String type, String nearest) {
		onBothStacks(null, (context) -> {
			RuleTypeFailureAnalyzer analyzer = new RuleTypeFailureAnalyzer();
			// Ahead of Spring Boot's analysis of binding failures, which has no order.
			assertThat(analyzer.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
			FailureAnalysis analysis = analyzer.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("Property: upgrade-required.rules.api.type")
				.contains("Value: '" + type + "'")
				.contains("it is not a rule type");
			if (nearest != null) {
				assertThat(analysis.getAction()).startsWith("Did you mean '" + nearest + "'?");
			}
			else {
				assertThat(analysis.getAction()).doesNotContain("Did you mean");
			}
			for (RuleType each : RuleType.values()) {
				assertThat(analysis.getAction()).contains(each.value() + " ").contains(each.description());
			}
		}, "upgrade-required.rules.api.type=" + type);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			UPGRADEREQUIRED_RULES_API_PATHZ       | pathz
			UPGRADEREQUIRED_RULES_API_BROWSER_PRESET | browser
			""")
	void environmentVariablesAreCheckedToo(String variable, String reported) {
		onBothStacks((context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", Map.of(variable, "x"))), (context) -> {
				FailureAnalysis analysis = UpgradeRequiredFailureAnalyzerTests.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains(reported);
			}, API_RULE, "upgrade-required.rules.api.minimum=2");
		onBothStacks((context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment",
					Map.of("UPGRADEREQUIRED_RULES_API_PATHS", "/api/**"))),
				(context) -> assertThat(context).hasNotFailed(), API_RULE, "upgrade-required.rules.api.minimum=2");
	}

	private static void onBothStacks(@Nullable ApplicationContextInitializer<ConfigurableApplicationContext> initializer,
			ContextConsumer<ApplicationContextAssertProvider<?>> check, String... properties) {
		WebApplicationContextRunner mvc = new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(UpgradeRequiredAutoConfiguration.class))
			.withPropertyValues(properties);
		ReactiveWebApplicationContextRunner webFlux = new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(UpgradeRequiredAutoConfiguration.class))
			.withPropertyValues(properties);
		if (initializer != null) {
			mvc = mvc.withInitializer(initializer);
			webFlux = webFlux.withInitializer(initializer);
		}
		mvc.run(check::accept);
		webFlux.run(check::accept);
	}

}
