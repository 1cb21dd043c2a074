package io.github.upgraderequired.core.rule;

import java.util.List;

import io.github.upgraderequired.core.HttpProtocol;
import io.github.upgraderequired.core.RuleSettings;
import io.github.upgraderequired.core.Verdict;
import io.github.upgraderequired.test.MockUpgradeRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HttpVersionRule}.
 */
class HttpVersionRuleTests {

	@ParameterizedTest(name = "minimum {0}, request {1} -> pass {2}")
	@CsvSource(delimiter = '|', textBlock = """
			HTTP_1_1 | HTTP_1_0 | false
			HTTP_1_1 | HTTP_1_1 | true
			HTTP_1_1 | HTTP_2   | true
			HTTP_1_1 | HTTP_3   | true
			HTTP_2   | HTTP_1_1 | false
			HTTP_2   | HTTP_2   | true
			HTTP_1_0 | HTTP_1_0 | true
			""")
	void judgesTheProtocolAgainstTheMinimum(HttpProtocol minimum, HttpProtocol protocol, boolean passes) {
		HttpVersionRule rule = new HttpVersionRule("r", minimum, List.of(), RuleSettings.defaults());
		assertThat(rule.check(MockUpgradeRequest.get("/").protocol(protocol)).isPass()).isEqualTo(passes);
	}

	@Test
	void aRejectionNamesMinimumAndCurrent() {
		HttpVersionRule rule = new HttpVersionRule("r", HttpProtocol.HTTP_1_1, List.of(), RuleSettings.defaults());
		Verdict verdict = rule.check(MockUpgradeRequest.get("/").protocol(HttpProtocol.HTTP_1_0));
		assertThat(verdict.minimum()).isEqualTo("HTTP/1.1");
		assertThat(verdict.current()).isEqualTo("HTTP/1.0");
		assertThat(verdict.detail()).isEqualTo("This service requires HTTP/1.1 or newer. The request used HTTP/1.0.");
		assertThat(rule.upgrade()).containsExactly("HTTP/1.1");
		assertThat(rule.type()).isEqualTo("http-version");
	}

	@Test
	void anUnknownProtocolIsUnknown() {
		HttpVersionRule rule = new HttpVersionRule("r", HttpProtocol.HTTP_1_1, List.of(), RuleSettings.defaults());
		assertThat(rule.check(MockUpgradeRequest.get("/").protocol(null)).isUnknown()).isTrue();
	}

	@Test
	void configuredTokensReplaceTheMinimumsOwn() {
		HttpVersionRule rule = new HttpVersionRule("r", HttpProtocol.HTTP_1_1, List.of("HTTP/2.0", "HTTP/1.1"),
				RuleSettings.defaults());
		assertThat(rule.upgrade()).containsExactly("HTTP/2.0", "HTTP/1.1");
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			1.0      | HTTP_1_0
			1.1      | HTTP_1_1
			HTTP/1.1 | HTTP_1_1
			2        | HTTP_2
			2.0      | HTTP_2
			3        | HTTP_3
			1        | null
			1.2      | null
			http     | null
			""")
	void configuredVersionsParse(String version, HttpProtocol expected) {
		assertThat(HttpProtocol.parseVersion(version)).isEqualTo(expected);
	}

}
