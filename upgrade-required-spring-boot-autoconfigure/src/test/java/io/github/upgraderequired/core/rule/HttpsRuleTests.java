package io.github.upgraderequired.core.rule;

import java.util.List;

import io.github.upgraderequired.core.RuleSettings;
import io.github.upgraderequired.core.TestRequest;
import io.github.upgraderequired.core.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HttpsRule}.
 */
class HttpsRuleTests {

	@Test
	void secureRequestsPass() {
		assertThat(rule(false, 443).check(TestRequest.get("/").secure(true)).isPass()).isTrue();
	}

	@Test
	void plainRequestsAreToldToUpgradeToTls() {
		HttpsRule rule = rule(false, 443);
		Verdict verdict = rule.check(TestRequest.get("/"));
		assertThat(verdict.isPass()).isFalse();
		assertThat(verdict.redirect()).isNull();
		assertThat(verdict.minimum()).isEqualTo("https");
		assertThat(verdict.current()).isEqualTo("http");
		assertThat(rule.upgrade()).containsExactly("TLS/1.3", "TLS/1.2");
	}

	@ParameterizedTest(name = "{0} {1}{2} ?{3} port {4} -> {5}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			GET     | example.com   | /a/b     | null        | 443  | https://example.com/a/b
			HEAD    | example.com   | /a       | x=1&y=%20   | 443  | https://example.com/a?x=1&y=%20
			GET     | example.com   | /        | null        | 8443 | https://example.com:8443/
			GET     | 127.0.0.1     | /a       | null        | 8443 | https://127.0.0.1:8443/a
			GET     | [::1]         | /a       | null        | 443  | https://[::1]/a
			POST    | example.com   | /a       | null        | 443  | null
			PUT     | example.com   | /a       | null        | 443  | null
			GET     | evil.com/x    | /a       | null        | 443  | null
			GET     | 'evil.com\\'  | /a       | null        | 443  | null
			GET     | a@evil.com    | /a       | null        | 443  | null
			GET     | null          | /a       | null        | 443  | null
			GET     | example.com   | @evil/a  | null        | 443  | null
			GET     | example.com   | /a b     | null        | 443  | null
			GET     | example.com   | /a       | 'x=<'       | 443  | null
			GET     | example.com   | '/a{b}'  | null        | 443  | null
			GET     | example.com   | '/a|b'   | null        | 443  | null
			GET     | example.com   | /a^b     | null        | 443  | null
			GET     | example.com   | /a[0]    | null        | 443  | null
			GET     | example.com   | /a%2     | null        | 443  | null
			GET     | example.com   | /a%zz    | null        | 443  | null
			GET     | example.com   | /a#b     | null        | 443  | null
			GET     | example.com   | /é       | null        | 443  | null
			GET     | example.com   | /a       | x=%e9%        | 443  | null
			GET     | [١::1]        | /a       | null        | 443  | null
			GET     | []            | /a       | null        | 443  | null
			GET     | [1.2.3.4]     | /a       | null        | 443  | null
			GET     | [::::]        | /a       | null        | 443  | null
			GET     | [2001:db8::1] | /a       | null        | 443  | https://[2001:db8::1]/a
			GET     | example.com   | /a;p=1/~b | 'q=a/b?c:d@e' | 443  | https://example.com/a;p=1/~b?q=a/b?c:d@e
			""")
	void redirectsSafeMethodsToAnHttpsUrlBuiltOnlyFromSafeParts(String method, String host, String path,
			String query, int port, String location) {
		Verdict verdict = rule(true, port).check(TestRequest.get(path).method(method).host(host).query(query));
		assertThat(verdict.isPass()).isFalse();
		assertThat(verdict.redirect()).isEqualTo(location);
	}

	private static HttpsRule rule(boolean redirect, int port) {
		return new HttpsRule("https", List.of(), RuleSettings.defaults(), redirect, port);
	}

}
