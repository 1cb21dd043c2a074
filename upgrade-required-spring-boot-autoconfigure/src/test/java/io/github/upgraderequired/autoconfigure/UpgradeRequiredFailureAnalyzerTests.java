package io.github.upgraderequired.autoconfigure;

import java.util.List;

import io.github.upgraderequired.core.UpgradeRequest;
import io.github.upgraderequired.core.UpgradeRule;
import io.github.upgraderequired.core.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad configuration stops start-up with a failure analysis that names the property, its
 * value and the fix.
 */
class UpgradeRequiredFailureAnalyzerTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(UpgradeRequiredAutoConfiguration.class));

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			upgrade-required.rules.r.upgrade[0]            | HTTP 1.1          | upgrade-required.rules.r.upgrade[0]            | protocol-name[/protocol-version]
			upgrade-required.rules.r.upgrade[0]            | 'TLS/1.3,TLS/1.2' | upgrade-required.rules.r.upgrade[0]            | separate entries
			upgrade-required.rules.r.enforce-from          | 2026-01-01T00:00:00Z | upgrade-required.rules.r.enforce-from       | after 'upgrade-required.rules.r.warn-from'
			upgrade-required.rules.r.paths[0]              | /api/{*rest}/more | upgrade-required.rules.r.paths[0]              | PathPattern
			upgrade-required.rules.r.exclude-paths[0]      | /a/{x             | upgrade-required.rules.r.exclude-paths[0]      | PathPattern
			upgrade-required.exclude-paths[0]              | /a/{*x}/b         | upgrade-required.exclude-paths[0]              | PathPattern
			upgrade-required.rules.r.exempt.addresses[0]   | 10.0.0.0/40       | upgrade-required.rules.r.exempt.addresses[0]   | CIDR range
			upgrade-required.rules.r.exempt.addresses[0]   | example.com       | upgrade-required.rules.r.exempt.addresses[0]   | CIDR range
			upgrade-required.rules.r.exempt.header.name    | X-Key             | upgrade-required.rules.r.exempt.header.value   | both a name and a value
			upgrade-required.rules.r.status                | 503               | upgrade-required.rules.r.status                | 4xx
			upgrade-required.rules.r.methods[0]            | GET POST          | upgrade-required.rules.r.methods[0]            | GET or POST
			upgrade-required.rules.r.documentation         | /docs             | upgrade-required.rules.r.documentation         | absolute URL
			upgrade-required.rules.r.https.redirect-port   | 70000             | upgrade-required.rules.r.https.redirect-port   | 1 to 65535
			upgrade-required.rules.r.https.redirect-hosts  | 'a.com,evil@b.com' | upgrade-required.rules.r.https.redirect-hosts[1] | *.example.com
			upgrade-required.rules.r.exempt.header.name    | 'X Key'           | upgrade-required.rules.r.exempt.header.name    | header name
			upgrade-required.proxy.trusted-addresses[0]    | 10.0.0.0/99       | upgrade-required.proxy.trusted-addresses[0]    | CIDR range
			upgrade-required.proxy.http-version-header     | 'X:Version'       | upgrade-required.proxy.http-version-header     | header name
			upgrade-required.proxy.tls-version-header      | 'a b'             | upgrade-required.proxy.tls-version-header      | header name
			""")
	void invalidValuesAreReportedWithTheirProperty(String property, String value, String reported, String fix) {
		this.runner
			.withPropertyValues("upgrade-required.rules.r.type=https",
					"upgrade-required.rules.r.warn-from=2026-06-01T00:00:00Z", property + "=" + value)
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("Property: " + reported);
				assertThat(analysis.getDescription() + analysis.getAction()).contains(fix);
			});
	}

	@ParameterizedTest(name = "{0}: {1}={2}")
	@CsvSource(delimiter = '|', textBlock = """
			api-version | upgrade-required.rules.r.paths                       | /api/** | upgrade-required.rules.r.minimum                   | version such as 2
			api-version | upgrade-required.rules.r.minimum                     | two     | upgrade-required.rules.r.minimum                   | version such as 2
			api-version | upgrade-required.rules.r.api.path-segment           | 99      | upgrade-required.rules.r.api.path-segment          | first segment
			api-version | upgrade-required.rules.r.api.use-application-versioning | true | upgrade-required.rules.r.api.use-application-versioning | spring.mvc.apiversion
			app-version | upgrade-required.rules.r.paths                       | /app/** | upgrade-required.rules.r.app.platforms             | platforms.<platform>.minimum
			app-version | upgrade-required.rules.r.app.platforms.ios.minimum  | x.y     | upgrade-required.rules.r.app.platforms.ios.minimum | dotted numbers
			app-version | upgrade-required.rules.r.app.platforms.ios.blocked  | 5..1    | upgrade-required.rules.r.app.platforms.ios.blocked[0] | dotted numbers
			app-version | upgrade-required.rules.r.app.user-agent-pattern     | App/(   | upgrade-required.rules.r.app.user-agent-pattern    | regular expression
			app-version | upgrade-required.rules.r.app.user-agent-pattern     | App/1   | upgrade-required.rules.r.app.user-agent-pattern    | (?<version>
			app-version | upgrade-required.rules.r.app.product                | 'My App' | upgrade-required.rules.r.app.product              | ExampleApp
			app-version | upgrade-required.rules.r.app.platforms.ios.store-url | /store | upgrade-required.rules.r.app.platforms.ios.store-url | store page
			browser     | upgrade-required.rules.r.browser.preset             | ancient | upgrade-required.rules.r.browser.preset            | modern-2024
			browser     | upgrade-required.rules.r.browser.minimums.netscape  | 4       | upgrade-required.rules.r.browser.minimums          | samsung-internet
			browser     | upgrade-required.rules.r.browser.minimums.chrome    | latest  | upgrade-required.rules.r.browser.minimums.chrome   | dotted numbers
			browser     | upgrade-required.rules.r.browser.judge              | robots  | upgrade-required.rules.r.browser.judge[0]          | link-previews
			browser     | upgrade-required.rules.r.paths                       | /web/** | upgrade-required.rules.r.browser                   | preset
			""")
	void invalidVersionRuleValuesAreReportedWithTheirProperty(String type, String property, String value,
			String reported, String fix) {
		List<String> values = new java.util.ArrayList<>(List.of("upgrade-required.rules.r.type=" + type, property + "=" + value));
		if (type.equals("app-version") && !property.contains("platforms") && !property.endsWith(".paths")) {
			values.add("upgrade-required.rules.r.minimum=1.0");
		}
		if (type.equals("app-version") && property.contains("platforms.ios.") && !property.endsWith(".minimum")) {
			values.add("upgrade-required.rules.r.app.platforms.ios.minimum=1.0");
		}
		if (type.equals("api-version") && property.contains(".api.")) {
			values.add("upgrade-required.rules.r.minimum=2");
		}
		if (type.equals("browser") && !property.contains("preset") && !property.endsWith(".paths")) {
			values.add("upgrade-required.rules.r.browser.preset=modern");
		}
		this.runner.withPropertyValues(values.toArray(String[]::new)).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("Property: " + reported);
			assertThat(analysis.getDescription() + analysis.getAction()).contains(fix);
		});
	}

	@Test
	void aRuleWithoutTypeIsReported() {
		this.runner.withPropertyValues("upgrade-required.rules.r.paths=/a/**").run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("Property: upgrade-required.rules.r.type")
				.contains("Value: missing");
			assertThat(analysis.getAction())
				.contains("http-version, https, tls-version, http2, websocket, app-version, api-version, browser");
		});
	}

	@Test
	void aRuleThatCanWarnWithoutADeprecationInstantIsReported() {
		this.runner.withPropertyValues("upgrade-required.rules.r.type=https", "upgrade-required.rules.r.mode=warn")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("Property: upgrade-required.rules.r.deprecation")
					.contains("RFC 9745");
				assertThat(analysis.getAction()).contains("upgrade-required.rules.r.warn-from");
			});
	}

	@Test
	void anUnparsableMinimumIsReported() {
		this.runner
			.withPropertyValues("upgrade-required.rules.r.type=http-version", "upgrade-required.rules.r.minimum=1.5")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("Property: upgrade-required.rules.r.minimum")
					.contains("Value: '1.5'");
				assertThat(analysis.getAction()).contains("1.0, 1.1, 2 or 3");
			});
	}

	@Test
	void anUnparsableTlsMinimumIsReported() {
		this.runner
			.withPropertyValues("upgrade-required.rules.r.type=tls-version", "upgrade-required.rules.r.minimum=1.4")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("Property: upgrade-required.rules.r.minimum")
					.contains("not a TLS version");
				assertThat(analysis.getAction()).contains("1.2 or 1.3");
			});
	}

	@Test
	void anIllegalRuleNameIsReported() {
		this.runner.withPropertyValues("upgrade-required.rules[bad name].type=https").run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("Property: upgrade-required.rules.bad name");
		});
	}

	@Test
	void anInvalidRuleBeanIsReported() {
		this.runner.withBean("badRule", UpgradeRule.class, BadRule::new).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("Property: UpgradeRule beans")
				.contains("Value: '[bad]'")
				.contains("'HTTP 2' is not a legal Upgrade token");
		});
	}

	static FailureAnalysis analyze(Throwable failure) {
		assertThat(failure).isNotNull();
		FailureAnalysis analysis = new UpgradeRequiredFailureAnalyzer(null).analyze(failure);
		assertThat(analysis).as("analysis of %s", failure).isNotNull();
		return analysis;
	}

	static class BadRule implements UpgradeRule {

		@Override
		public String name() {
			return "bad";
		}

		@Override
		public List<String> upgrade() {
			return List.of("HTTP 2");
		}

		@Override
		public Verdict check(UpgradeRequest request) {
			return Verdict.pass();
		}

	}

}
