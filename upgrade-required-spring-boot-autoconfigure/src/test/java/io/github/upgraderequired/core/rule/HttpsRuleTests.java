package io.github.upgraderequired.core.rule;

import java.util.List;

import io.github.upgraderequired.core.RuleSettings;
import io.github.upgraderequired.core.Verdict;
import io.github.upgraderequired.test.MockUpgradeRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link HttpsRule}.
 */
class HttpsRuleTests {

	@Test
	void secureRequestsPass() {
		assertThat(rule(false, 443).check(MockUpgradeRequest.get("/").secure(true)).isPass()).isTrue();
	}

	@Test
	void plainRequestsAreToldToUpgradeToTls() {
		HttpsRule rule = rule(false, 443);
		Verdict verdict = rule.check(MockUpgradeRequest.get("/"));
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
			GET     | a-b.c0.example | /a      | null        | 443  | https://a-b.c0.example/a
			GET     | -a.example    | /a       | null        | 443  | null
			GET     | a-.example    | /a       | null        | 443  | null
			GET     | a..example    | /a       | null        | 443  | null
			GET     | .example      | /a       | null        | 443  | null
			GET     | example.      | /a       | null        | 443  | null
			GET     | a_b.example   | /a       | null        | 443  | null
			GET     | exa%6dple.com | /a       | null        | 443  | null
			GET     | exämple.com   | /a       | null        | 443  | null
			GET     | example.com:80 | /a      | null        | 443  | null
			GET     | 'a b'         | /a       | null        | 443  | null
			GET     | 0x7f.1        | /a       | null        | 443  | null
			GET     | 127.1         | /a       | null        | 443  | null
			GET     | 010.0.0.1     | /a       | null        | 443  | null
			GET     | 256.0.0.1     | /a       | null        | 443  | null
			GET     | 1.2.3.4.5     | /a       | null        | 443  | null
			GET     | a.123         | /a       | null        | 443  | null
			GET     | 0.0.0.0       | /a       | null        | 443  | https://0.0.0.0/a
			GET     | 255.255.255.255 | /a     | null        | 443  | https://255.255.255.255/a
			GET     | 3com.example  | /a       | null        | 443  | https://3com.example/a
			GET     | a.b2          | /a       | null        | 443  | https://a.b2/a
			GET     | example.com   | /a;p=1/~b | 'q=a/b?c:d@e' | 443  | https://example.com/a;p=1/~b?q=a/b?c:d@e
			""")
	void redirectsSafeMethodsToAnHttpsUrlBuiltOnlyFromSafeParts(String method, String host, String path,
			String query, int port, String location) {
		Verdict verdict = rule(true, port).check(MockUpgradeRequest.get(path).method(method).host(host).query(query));
		assertThat(verdict.isPass()).isFalse();
		assertThat(verdict.redirect()).isEqualTo(location);
	}

	@Test
	void aLongLabelOrNameIsNotRedirectedTo() {
		String label63 = "a".repeat(63);
		assertThat(redirect(label63 + ".example")).isEqualTo("https://" + label63 + ".example/a");
		assertThat(redirect("a".repeat(64) + ".example")).isNull();
		String name253 = (label63 + ".").repeat(3) + "a".repeat(61);
		assertThat(name253).hasSize(253);
		assertThat(redirect(name253)).isNotNull();
		assertThat(redirect(name253 + "a")).isNull();
		assertThat(redirect("a.".repeat(5000) + "example")).isNull();
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			example.com      | https://example.com/a
			EXAMPLE.com      | https://EXAMPLE.com/a
			www.example.com  | https://www.example.com/a
			a.b.example.org  | https://a.b.example.org/a
			example.org      | null
			evil.com         | null
			example.com.evil | null
			notexample.com   | null
			www.example.org  | null
			[::1]            | https://[::1]/a
			[::2]            | null
			""")
	void anAllowListLetsOnlyItsHostsBeRedirectedTo(String host, String location) {
		HttpsRule rule = new HttpsRule("https", List.of(), RuleSettings.defaults(), true, 443,
				List.of("Example.com", "*.example.com", "*.b.example.org", "[::1]"));
		Verdict verdict = rule.check(MockUpgradeRequest.get("/a").host(host));
		assertThat(verdict.isPass()).isFalse();
		assertThat(verdict.redirect()).isEqualTo(location);
		assertThat(rule.details()).containsEntry("redirectHosts",
				List.of("example.com", "*.example.com", "*.b.example.org", "[::1]"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "*.", "*", "*.[::1]", "*.1.2.3.4", "*.10", "a.*.example", "ex ample.com", "example.com:443", "a@b",
			"[::1", "http://example.com", "*example.com" })
	void anInvalidAllowedHostIsRefused(String host) {
		assertThat(HttpsRule.isRedirectHostPattern(host)).isFalse();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new HttpsRule("https", List.of(), RuleSettings.defaults(), true, 443, List.of(host)))
			.withMessageContaining("is not a host name");
	}

	private static @Nullable String redirect(String host) {
		return rule(true, 443).check(MockUpgradeRequest.get("/a").host(host)).redirect();
	}

	private static HttpsRule rule(boolean redirect, int port) {
		return new HttpsRule("https", List.of(), RuleSettings.defaults(), redirect, port);
	}

}
