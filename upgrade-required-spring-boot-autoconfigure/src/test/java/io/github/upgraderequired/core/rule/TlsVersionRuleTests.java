package io.github.upgraderequired.core.rule;

import java.util.List;

import io.github.upgraderequired.core.RuleSettings;
import io.github.upgraderequired.core.TlsVersion;
import io.github.upgraderequired.core.TrustedProxies;
import io.github.upgraderequired.core.Verdict;
import io.github.upgraderequired.test.MockUpgradeRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TlsVersionRule}.
 */
class TlsVersionRuleTests {

	@ParameterizedTest(name = "minimum {0}, connection {1} -> {2}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			TLS_1_3 | TLSv1.3 | pass
			TLS_1_3 | TLSv1.2 | upgrade
			TLS_1_2 | TLSv1.2 | pass
			TLS_1_2 | TLSv1.3 | pass
			TLS_1_2 | TLSv1.1 | upgrade
			TLS_1_2 | TLSv1   | upgrade
			TLS_1_2 | null    | unknown
			TLS_1_2 | NONE    | unknown
			""")
	void judgesTheConnectionsVersion(TlsVersion minimum, String tls, String expected) {
		TlsVersionRule rule = new TlsVersionRule("tls", minimum, List.of(), RuleSettings.defaults(),
				TrustedProxies.NONE);
		Verdict verdict = rule.check(MockUpgradeRequest.get("/").tlsProtocol(tls));
		String actual = verdict.isPass() ? "pass" : verdict.isUnknown() ? "unknown" : "upgrade";
		assertThat(actual).isEqualTo(expected);
	}

	@Test
	void aRejectionNamesTheVersionsAndOffersTheMinimumsToken() {
		TlsVersionRule rule = new TlsVersionRule("tls", TlsVersion.TLS_1_3, List.of(), RuleSettings.defaults(),
				TrustedProxies.NONE);
		Verdict verdict = rule.check(MockUpgradeRequest.get("/").tlsProtocol("TLSv1.2"));
		assertThat(rule.upgrade()).containsExactly("TLS/1.3");
		assertThat(verdict.minimum()).isEqualTo("TLSv1.3");
		assertThat(verdict.current()).isEqualTo("TLSv1.2");
	}

	@Test
	void behindATrustedProxyTheHeaderCounts() {
		TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8"), null, "X-Tls");
		TlsVersionRule rule = new TlsVersionRule("tls", TlsVersion.TLS_1_3, List.of(), RuleSettings.defaults(),
				proxies);
		MockUpgradeRequest forwarded = MockUpgradeRequest.get("/")
			.remoteAddress("10.0.0.1")
			.header("X-Forwarded-For", "1.2.3.4")
			.header("X-Tls", "TLSv1.2");
		assertThat(rule.check(forwarded).current()).isEqualTo("TLSv1.2");
		assertThat(rule.readHeaders()).containsExactly("X-Tls");
	}

	@Test
	void aClientThatIsNotATrustedProxyIsJudgedByItsConnectionWhateverItClaims() {
		TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8"), null, "X-Tls");
		TlsVersionRule rule = new TlsVersionRule("tls", TlsVersion.TLS_1_3, List.of(), RuleSettings.defaults(),
				proxies);
		MockUpgradeRequest claiming = MockUpgradeRequest.get("/")
			.secure(true)
			.remoteAddress("192.0.2.1")
			.tlsProtocol("TLSv1.2")
			.header("X-Forwarded-For", "1.2.3.4")
			.header("Forwarded", "for=1.2.3.4;proto=https")
			.header("X-Tls", "TLSv1.3");
		Verdict verdict = rule.check(claiming);
		assertThat(verdict.isPass()).isFalse();
		assertThat(verdict.current()).isEqualTo("TLSv1.2");
	}

}
