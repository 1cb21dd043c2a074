package io.github.upgraderequired.core.rule;

import java.util.List;

import io.github.upgraderequired.core.HttpProtocol;
import io.github.upgraderequired.core.RuleSettings;
import io.github.upgraderequired.core.Verdict;
import io.github.upgraderequired.core.VersionNumber;
import io.github.upgraderequired.core.rule.ApiVersionRule.Source;
import io.github.upgraderequired.test.MockUpgradeRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ApiVersionRule}.
 */
class ApiVersionRuleTests {

	private static final Source ALL = new Source(false, "API-Version", "version", 1, "v");

	@ParameterizedTest(name = "[{0}] -> {1}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			2        | pass
			2.0      | pass
			v2       | pass
			v2.1.3   | pass
			10       | pass
			1        | upgrade
			1.9.9    | upgrade
			v1.2     | upgrade
			2.0.0-rc.1 | upgrade
			''       | unknown
			1..2     | unknown
			-1       | unknown
			two      | unknown
			99999999999999999999.0 | unknown
			null     | unknown
			""")
	void judgesTheHeaderVersionSemantically(String version, String expected) {
		MockUpgradeRequest request = MockUpgradeRequest.get("/api/x");
		if (version != null) {
			request.header("API-Version", version);
		}
		assertThat(outcome(rule(ALL).check(request))).isEqualTo(expected);
	}

	@Test
	void aRejectionNamesTheVersionsAndOffersTheApiToken() {
		ApiVersionRule rule = rule(ALL);
		Verdict verdict = rule.check(MockUpgradeRequest.get("/").header("API-Version", "1"));
		assertThat(rule.upgrade()).containsExactly("API/2");
		assertThat(verdict.minimum()).isEqualTo("2");
		assertThat(verdict.current()).isEqualTo("1");
	}

	@ParameterizedTest(name = "{0} Accept [{1}] -> {2}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			/api/x?version=1                 | null                                  | upgrade
			/api/x?a=b&version=3             | null                                  | pass
			/api/x?version=%31               | null                                  | upgrade
			/api/x?version=%zz               | null                                  | unknown
			/api/v1/x                        | null                                  | upgrade
			/api/v3/x                        | null                                  | pass
			/api                             | application/vnd.example+json;v=1      | upgrade
			/api                             | 'text/html, application/json; v="3"'  | pass
			/api                             | application/json                      | unknown
			""")
	void readsTheQueryThePathAndTheMediaType(String target, String accept, String expected) {
		int question = target.indexOf('?');
		MockUpgradeRequest request = MockUpgradeRequest.get((question < 0) ? target : target.substring(0, question))
			.query((question < 0) ? null : target.substring(question + 1));
		if (accept != null) {
			request.header("Accept", accept);
		}
		assertThat(outcome(rule(ALL).check(request))).isEqualTo(expected);
	}

	@Test
	void theHeaderWinsOverTheOtherPlaces() {
		MockUpgradeRequest request = MockUpgradeRequest.get("/api/v1/x").query("version=1").header("API-Version", "3");
		assertThat(rule(ALL).check(request).isPass()).isTrue();
	}

	@Test
	void theApplicationsVersioningIsUsedWithItsParser() {
		Source application = new Source(true, "X-Version", null, null, null);
		// A parser that only knows whole numbers, ordering them by value.
		ApiVersionRule rule = new ApiVersionRule("api", "20", application, (value) -> value.matches("[0-9]{1,4}")
				? Integer.valueOf(value) : null, List.of(), RuleSettings.defaults());
		assertThat(outcome(rule.check(MockUpgradeRequest.get("/api").apiVersion("3")))).isEqualTo("upgrade");
		assertThat(outcome(rule.check(MockUpgradeRequest.get("/api").apiVersion("100")))).isEqualTo("pass");
		assertThat(outcome(rule.check(MockUpgradeRequest.get("/api").apiVersion("1.5")))).isEqualTo("unknown");
		assertThat(outcome(rule.check(MockUpgradeRequest.get("/api").apiVersion(null)))).isEqualTo("unknown");
		assertThat(rule.readHeaders()).containsExactly("X-Version");
	}

	@Test
	void aParserThatThrowsMakesTheVersionUnknown() {
		Source application = new Source(true, null, null, null, null);
		ApiVersionRule rule = new ApiVersionRule("api", "2", application, (value) -> {
			if (value.equals("2")) {
				return 2;
			}
			throw new IllegalStateException("refused");
		}, List.of(), RuleSettings.defaults());
		assertThat(outcome(rule.check(MockUpgradeRequest.get("/api").apiVersion("x")))).isEqualTo("unknown");
	}

	@Test
	void aMinimumThatDoesNotParseIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ApiVersionRule("api", "two", ALL,
				VersionNumber::parse, List.of(), RuleSettings.defaults()));
	}

	@Test
	void theHeadersReadAreNamedForVary() {
		assertThat(rule(ALL).readHeaders()).containsExactly("API-Version", "Accept", "Content-Type");
	}

	private static ApiVersionRule rule(Source source) {
		return new ApiVersionRule("api", "2", source, VersionNumber::parse, List.of(), RuleSettings.defaults());
	}

	private static String outcome(Verdict verdict) {
		return verdict.isPass() ? "pass" : verdict.isUnknown() ? "unknown" : "upgrade";
	}

}
