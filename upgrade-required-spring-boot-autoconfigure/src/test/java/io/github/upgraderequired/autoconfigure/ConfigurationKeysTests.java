package io.github.upgraderequired.autoconfigure;

import java.util.List;
import java.util.Map;

import io.github.upgraderequired.autoconfigure.UpgradeRequiredProperties.Rule;
import io.github.upgraderequired.autoconfigure.client.UpgradeRequiredClientAutoConfiguration;
import io.github.upgraderequired.autoconfigure.web.reactive.UpgradeRequiredWebFluxAutoConfiguration;
import io.github.upgraderequired.autoconfigure.web.servlet.UpgradeRequiredWebMvcAutoConfiguration;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.core.UpgradeRule;
import org.jspecify.annotations.Nullable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.runner.AbstractApplicationContextRunner;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;
import org.springframework.core.Ordered;
import org.springframework.boot.web.context.reactive.ReactiveWebApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ConfigurationKeys} and {@link ConfigurationValidator}, through the
 * auto-configurations in an application without a web server, on Spring MVC and on
 * WebFlux: what a misspelled or misplaced key does to start-up, and to a later reload.
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
		onEveryContext(null, (context) -> {
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
		onEveryContext(null, (context) -> {
			FailureAnalysis analysis = UpgradeRequiredFailureAnalyzerTests.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("a setting of rules of type '" + owner + "'")
				.contains("not of this rule's type '" + type + "'");
			assertThat(analysis.getAction())
				.contains("Rules of type '" + type + "' use minimum, api.use-application-versioning, api.header");
		}, API_RULE, "upgrade-required.rules.api.minimum=2", property);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			upgrade-required.rules.b.minimum=2     | 'http-version' or 'tls-version' or 'app-version' or 'api-version'
			upgrade-required.rules.b.api.header=X  | 'api-version'
			""")
	void aBrowserRuleRefusesTheApiRulesSettingsNamingEveryTypeThatHasThem(String property, String owners) {
		onEveryContext(null, (context) -> {
			FailureAnalysis analysis = UpgradeRequiredFailureAnalyzerTests.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.contains("it is a setting of rules of type " + owners + ", not of this rule's type 'browser'");
		}, "upgrade-required.rules.b.type=browser", "upgrade-required.rules.b.browser.preset=modern", property);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			upgrade-required.rules[Mobile-App].minimum=2           | upgrade-required.rules[Mobile-App].minimum           | not of this rule's type 'browser'
			upgrade-required.rules.b.browser.minimums.chrome.x=1   | upgrade-required.rules.b.browser.minimums.chrome.x   | not a setting of rules of type 'browser'
			upgrade-required.rules.b.browser.minimums[0]=1         | upgrade-required.rules.b.browser.minimums[0]         | a group of settings, not a value
			upgrade-required.rules.a.app.platforms.harmony-os.minimun=5 | upgrade-required.rules.a.app.platforms.harmony-os.minimun | Did you mean 'app.platforms.harmony-os.minimum'?
			upgrade-required.rules.a.app.platforms[0].ios.minimum=5 | upgrade-required.rules.a.app.platforms[0].ios.minimum | not a setting of rules of type 'app-version'
			upgrade-required.rules[0].name=api                     | upgrade-required.rules[0].name                       | not a list
			""")
	void oddSpellingsAreCheckedToo(String property, String reported, String expected) {
		onEveryContext(null, (context) -> {
			FailureAnalysis analysis = UpgradeRequiredFailureAnalyzerTests.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription() + analysis.getAction()).contains("Property: " + reported)
				.contains(expected);
		}, "upgrade-required.rules[Mobile-App].type=browser", "upgrade-required.rules[Mobile-App].browser.preset=modern",
				"upgrade-required.rules.b.type=browser", "upgrade-required.rules.b.browser.preset=modern",
				"upgrade-required.rules.a.type=app-version", "upgrade-required.rules.a.minimum=1", property);
	}

	@ParameterizedTest
	@ValueSource(strings = { "upgrade-required.rules.api.exempt.header.valeu", "upgrade-required.exempt.header.value",
			"upgrade-required.rules.exempt.header.value", "upgrade-required.rules.api.header.value" })
	void theValueOfAnExemptHeaderIsNotShown(String property) {
		onEveryContext(null, (context) -> {
			FailureAnalysis analysis = UpgradeRequiredFailureAnalyzerTests.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("Property: " + property)
				.contains("Value: '******'")
				.doesNotContain("s3cret");
		}, API_RULE, "upgrade-required.rules.api.minimum=2", property + "=s3cret");
	}

	@Test
	void theValueOfAnExemptHeaderIsNotShownFromAnEnvironmentVariableEither() {
		onEveryContext(variables(Map.of("UPGRADE_REQUIRED_RULES_API_EXEMPT_HEADER_VALEU", "s3cret")), (context) -> {
			FailureAnalysis analysis = UpgradeRequiredFailureAnalyzerTests.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("Value: '******'").doesNotContain("s3cret");
		}, API_RULE, "upgrade-required.rules.api.minimum=2");
	}

	@ParameterizedTest
	@ValueSource(strings = { "upgrade-required=", "upgrade-required.client=", "upgrade-required.client.https-retry=" })
	void anEmptyGroupStartsAsSpringBootBindsItToNothing(String property) {
		// What YAML gives for a group whose entries are all commented out.
		onEveryContext(null, (context) -> assertThat(context).hasNotFailed(), API_RULE,
				"upgrade-required.rules.api.minimum=2", property);
	}

	@ParameterizedTest
	@ValueSource(strings = { "upgrade-required.rules.b.browser.minimums=", "upgrade-required.rules.a.app.platforms=" })
	void anEmptyMapIsLeftToSpringBootsBinding(String property) {
		// Spring Boot 4.1.2 binds it to an empty map; 4.1.0 refuses it in its own words.
		onEveryContext(null, (context) -> {
			Throwable failure = context.getStartupFailure();
			assertThat((failure != null) ? new UpgradeRequiredFailureAnalyzer(null).analyze(failure) : null).isNull();
		}, "upgrade-required.rules.b.type=browser", "upgrade-required.rules.b.browser.preset=modern",
				"upgrade-required.rules.a.type=app-version", "upgrade-required.rules.a.minimum=1", property);
	}

	@ParameterizedTest
	@ValueSource(strings = { "UPGRADE_REQUIRED_RULES_MOBILE_APP_PLATFORMS_IOS_MINIMUM",
			"UPGRADE_REQUIRED_RULES_MOBILE_APP_BROWSER_PRESET", "UPGRADE_REQUIRED_RULES_MOBILE_MINIMUM",
			"UPGRADE_REQUIRED_MESSAGE" })
	void environmentVariablesOfRulesWhoseNamesShareAPrefixOrOfSomethingElsePass(String variable) {
		// 'mobile' (an app rule) and 'mobile-app' (a browser rule) both fit MOBILE_APP_...;
		// UPGRADE_REQUIRED_MESSAGE is close to no setting, so may be someone else's.
		onEveryContext(variables(Map.of(variable, variable.endsWith("PRESET") ? "modern" : "5")),
				(context) -> assertThat(context).hasNotFailed(), "upgrade-required.rules.mobile.type=app-version",
				"upgrade-required.rules.mobile.minimum=1", "upgrade-required.rules.mobile-app.type=browser",
				"upgrade-required.rules.mobile-app.browser.preset=modern");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			upgrade-required.rules.api.mode=enforse | it is not one of enforce, warn, report, off | Did you mean 'enforce'? Use one of enforce, warn, report, off.
			upgrade-required.rules.api.unknown=deny | it is not one of allow, reject             | Use one of allow, reject.
			upgrade-required.rules.other=/api/**    | it is a group of settings, not a value     | such as upgrade-required.rules.other.type, upgrade-required.rules.other.mode
			""")
	void aValueThatCannotBeBoundIsReportedInTheStartersWords(String property, String reason, String action) {
		onEveryContext(null, (context) -> {
			FailureAnalysis analysis = new BindingFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).as("analysis of %s", context.getStartupFailure()).isNotNull();
			assertThat(analysis.getDescription()).contains("Reason: " + reason);
			assertThat(analysis.getAction()).contains(action);
		}, API_RULE, "upgrade-required.rules.api.minimum=2", property);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			upgrade-required.rules.api.exempt.header=X-Internal | upgrade-required.rules.api.exempt.header.name, upgrade-required.rules.api.exempt.header.value.
			upgrade-required.proxy=10.0.0.1                     | upgrade-required.proxy.trusted-addresses,
			upgrade-required.rules.a.app.platforms.ios=5.2      | upgrade-required.rules.a.app.platforms.ios.minimum,
			upgrade-required.rules.a.app.platforms=ios          | upgrade-required.rules.a.app.platforms.<name>.minimum,
			""")
	void aValueWhereAGroupBelongsNamesTheGroupsSettings(String property, String settings) {
		onEveryContext(null, (context) -> {
			FailureAnalysis analysis = UpgradeRequiredFailureAnalyzerTests.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("Reason: it is a group of settings, not a value");
			assertThat(analysis.getAction()).contains("Set the settings of the group instead: " + settings);
		}, API_RULE, "upgrade-required.rules.api.minimum=2", "upgrade-required.rules.a.type=app-version",
				"upgrade-required.rules.a.minimum=1", property);
	}

	@Test
	void theStartersAnalyzersAreRegisteredAheadOfSpringBootsAnalysisOfBindingFailures() {
		MockEnvironment environment = new MockEnvironment();
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, ArgumentResolver.of(Environment.class, environment)
				.and(BeanFactory.class, new DefaultListableBeanFactory()),
					// Some of Spring Boot's need classes that are not here.
					FailureHandler.handleMessage((message, failure) -> {
					}));
		AnnotationAwareOrderComparator.sort(analyzers);
		List<String> types = analyzers.stream().map((analyzer) -> analyzer.getClass().getName()).toList();
		assertThat(types).contains(UpgradeRequiredFailureAnalyzer.class.getName());
		assertThat(types.indexOf(BindingFailureAnalyzer.class.getName())).isNotNegative()
			.isLessThan(types.indexOf("org.springframework.boot.diagnostics.analyzer.BindFailureAnalyzer"));
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
		onEveryContext(null, (context) -> assertThat(context).hasNotFailed(), API_RULE,
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
		onEveryContext(null, (context) -> {
			BindingFailureAnalyzer analyzer = new BindingFailureAnalyzer();
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
			UPGRADEREQUIRED_RULES_API_PATHZ           | upgraderequired.rules.api.pathz           | Did you mean 'paths'?
			UPGRADEREQUIRED_RULES_API_BROWSER_PRESET  | upgraderequired.rules.api.browser.preset  | of type 'browser'
			UPGRADE_REQUIRED_RULES_API_PATHZ          | UPGRADE_REQUIRED_RULES_API_PATHZ          | Did you mean 'UPGRADE_REQUIRED_RULES_API_PATHS'?
			UPGRADE_REQUIRED_RULES_API_BROWSER_PRESET | UPGRADE_REQUIRED_RULES_API_BROWSER_PRESET | of type 'browser'
			UPGRADE_REQUIRED_CLIENT_ENABELD           | UPGRADE_REQUIRED_CLIENT_ENABELD           | Did you mean 'UPGRADE_REQUIRED_CLIENT_ENABLED'?
			UPGRADE_REQUIRED_RULES_OTHER_TYPE         | UPGRADE_REQUIRED_RULES_OTHER_TYPE         | settings: UPGRADEREQUIRED_RULES_OTHER_TYPE.
			UPGRADE_REQUIRED_RULES_OLD_WARN_FROM      | UPGRADE_REQUIRED_RULES_OLD_WARN_FROM      | settings: UPGRADEREQUIRED_RULES_OLD_WARNFROM.
			UPGRADE_REQUIRED_ENABLD                   | UPGRADE_REQUIRED_ENABLD                   | Did you mean 'UPGRADE_REQUIRED_ENABLED'?
			""")
	void environmentVariablesAreCheckedInBothFormsSpringBootBinds(String variable, String reported, String expected) {
		onEveryContext(variables(Map.of(variable, "x")), (context) -> {
			FailureAnalysis analysis = UpgradeRequiredFailureAnalyzerTests.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription() + analysis.getAction()).contains("Property: " + reported)
				.contains(expected);
		}, API_RULE, "upgrade-required.rules.api.minimum=2");
	}

	@ParameterizedTest
	@ValueSource(strings = { "UPGRADEREQUIRED_RULES_API_PATHS", "UPGRADE_REQUIRED_RULES_API_PATHS",
			"UPGRADE_REQUIRED_RULES_API_EXCLUDE_PATHS_0", "UPGRADE_REQUIRED_FAIL_CLOSED" })
	void environmentVariablesThatSpringBootBindsPass(String variable) {
		onEveryContext(variables(Map.of(variable, variable.endsWith("CLOSED") ? "true" : "/v1/**")),
				(context) -> {
					assertThat(context).hasNotFailed();
					// Spring Boot binds them: the check lets through what has an effect.
					UpgradeRequiredProperties properties = context.getBean(UpgradeRequiredProperties.class);
					Rule api = properties.getRules().get("api");
					assertThat(properties.isFailClosed() || api.getPaths().contains("/v1/**")
							|| api.getExcludePaths().contains("/v1/**"))
						.isTrue();
				}, API_RULE, "upgrade-required.rules.api.minimum=2");
	}

	@Test
	void springBootDoesNotFindARuleNamedOnlyInTheLegacyFormOfAnEnvironmentVariable() {
		// Why UPGRADE_REQUIRED_RULES_OTHER_TYPE is refused rather than ignored.
		new ApplicationContextRunner()
			.withInitializer(variables(Map.of("UPGRADE_REQUIRED_RULES_OTHER_TYPE", "https")))
			.withUserConfiguration(BindOnly.class)
			.run((context) -> assertThat(context.getBean(UpgradeRequiredProperties.class).getRules()).isEmpty());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			MYAPP_UPGRADE_REQUIRED_RULES_API_PATHZ | true
			MYAPP_UPGRADEREQUIRED_RULES_API_PATHZ  | true
			UPGRADE_REQUIRED_RULES_API_PATHZ       | false
			""")
	void anApplicationsEnvironmentPrefixIsHonoured(String variable, boolean checked) {
		// With SpringApplication.setEnvironmentPrefix("myapp"), Spring Boot reads only the
		// variables that start with MYAPP_: the others are someone else's.
		SpringApplication application = new SpringApplication(PrefixedApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setEnvironmentPrefix("myapp");
		application.setEnvironment(new StandardEnvironment() {

			@Override
			public Map<String, Object> getSystemEnvironment() {
				return Map.of(variable, "/x");
			}

		});
		application.setDefaultProperties(Map.of("upgrade-required.rules.api.type", "api-version",
				"upgrade-required.rules.api.minimum", "2", "spring.main.banner-mode", "off"));
		if (checked) {
			assertThatExceptionOfType(UpgradeRequiredConfigurationException.class)
				.isThrownBy(() -> application.run().close())
				.satisfies((ex) -> assertThat(ex.getProperty()).containsIgnoringCase("pathz"));
		}
		else {
			application.run().close();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(UpgradeRequiredConfigurationCheckAutoConfiguration.class)
	static class PrefixedApplication {

	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			upgrade-required.rules.api.minimun=2                  | upgrade-required.rules.api.minimun
			upgrade-required.rules.api.browser.preset=modern      | upgrade-required.rules.api.browser.preset
			upgrade-required.rules.api.minimum=two                | upgrade-required.rules.api.minimum
			upgrade-required.exclude-paths=api/{x               | upgrade-required.exclude-paths[0]
			""")
	void aReloadIsCheckedAsStartUpIs(String property, String reported) {
		// A misspelled key is reported before the value it leaves missing: 'minimun', not
		// a missing 'minimum'.
		AbstractApplicationContextRunner<?, ?, ?> startUp = runners(API_RULE, property).get(1);
		startUp.run((context) -> assertThat(UpgradeRequiredFailureAnalyzerTests
			.analyze(((ApplicationContextAssertProvider<?>) context).getStartupFailure())
			.getDescription())
			.contains("Property: " + reported + System.lineSeparator()));
		MockEnvironment changed = environment(API_RULE, property);
		assertThatExceptionOfType(UpgradeRequiredConfigurationException.class)
			.isThrownBy(() -> validator().validate(changed))
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo(reported));
	}

	@Test
	void aReloadOfValidConfigurationGivesTheRulesInOrder() {
		ConfigurationValidator.Validated validated = validator().validate(environment(API_RULE,
				"upgrade-required.rules.api.minimum=2", "upgrade-required.rules.old.type=http-version",
				"upgrade-required.rules.old.minimum=1.1", "upgrade-required.fail-closed=true"));
		assertThat(validated.rules()).extracting(UpgradeRule::name).containsExactly("api", "old");
		assertThat(validated.properties().isFailClosed()).isTrue();
	}

	@Test
	void aReloadWithAnUnknownTypeFailsAsBindingDoesAtStartUp() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> validator().validate(environment("upgrade-required.rules.api.type=api-versoin")))
			.satisfies((ex) -> assertThat(new BindingFailureAnalyzer().analyze(ex).getAction())
				.startsWith("Did you mean 'api-version'?"));
	}

	@Test
	void keysAreCheckedBeforeAnyBeanIsCreatedWhateverTheEngine() {
		// The application's own engine, which would fail if it were created first.
		for (AbstractApplicationContextRunner<?, ?, ?> runner : runners(API_RULE, "upgrade-required.rules.api.minimum=2",
				"upgrade-required.rules.api.pathz=/x")) {
			runner.withUserConfiguration(OwnEngine.class)
				.run((context) -> assertThat(UpgradeRequiredFailureAnalyzerTests
					.analyze(((ApplicationContextAssertProvider<?>) context).getStartupFailure())
					.getDescription()).contains("Property: upgrade-required.rules.api.pathz"));
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			upgrade-required.client.enabeld=true    | upgrade-required.client.enabeld | true
			upgrade-required.rules.api.minimum=two  | upgrade-required.rules.api.minimum | false
			""")
	void lazyInitializationDoesNotPutTheCheckOffUntilTheFirstRequest(String property, String reported,
			boolean withoutWebServer) {
		for (AbstractApplicationContextRunner<?, ?, ?> runner : runners(API_RULE, property)) {
			runner.withInitializer((context) -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
				.run((context) -> {
					boolean web = context instanceof WebApplicationContext
							|| context instanceof ReactiveWebApplicationContext;
					if (web || withoutWebServer) {
						assertThat(UpgradeRequiredFailureAnalyzerTests
							.analyze(((ApplicationContextAssertProvider<?>) context).getStartupFailure())
							.getDescription()).contains("Property: " + reported);
					}
					else {
						// Without a web server no rule is created, so values are not checked.
						assertThat((ApplicationContextAssertProvider<?>) context).hasNotFailed();
					}
				});
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnEngine {

		@Bean
		UpgradeEngine upgradeEngine() {
			throw new IllegalStateException("Created before the keys were checked");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(UpgradeRequiredProperties.class)
	static class BindOnly {

	}

	private static ApplicationContextInitializer<ConfigurableApplicationContext> variables(Map<String, Object> variables) {
		return (context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", variables));
	}

	private static ConfigurationValidator validator() {
		return new ConfigurationValidator(new SpringPathMatcherCompiler(), () -> null);
	}

	private static MockEnvironment environment(String... properties) {
		MockEnvironment environment = new MockEnvironment();
		for (String property : properties) {
			int equals = property.indexOf('=');
			environment.setProperty(property.substring(0, equals), property.substring(equals + 1));
		}
		return environment;
	}

	private static void onEveryContext(@Nullable ApplicationContextInitializer<ConfigurableApplicationContext> initializer,
			ContextConsumer<ApplicationContextAssertProvider<?>> check, String... properties) {
		for (AbstractApplicationContextRunner<?, ?, ?> runner : runners(properties)) {
			if (initializer != null) {
				runner = runner.withInitializer(initializer);
			}
			runner.run((context) -> check.accept((ApplicationContextAssertProvider<?>) context));
		}
	}

	/**
	 * A context without a web server, one of Spring MVC and one of WebFlux (in that
	 * order), each with the starter's auto-configurations of the server and client sides.
	 */
	private static List<AbstractApplicationContextRunner<?, ?, ?>> runners(String... properties) {
		AutoConfigurations configurations = AutoConfigurations.of(UpgradeRequiredConfigurationCheckAutoConfiguration.class,
				UpgradeRequiredAutoConfiguration.class, UpgradeRequiredWebMvcAutoConfiguration.class,
				UpgradeRequiredWebFluxAutoConfiguration.class, UpgradeRequiredClientAutoConfiguration.class);
		return List.of(new ApplicationContextRunner().withConfiguration(configurations).withPropertyValues(properties),
				new WebApplicationContextRunner().withConfiguration(configurations).withPropertyValues(properties),
				new ReactiveWebApplicationContextRunner().withConfiguration(configurations)
					.withPropertyValues(properties));
	}

}
