package io.github.upgraderequired.core.rule;

import java.util.List;

import io.github.upgraderequired.core.Decision;
import io.github.upgraderequired.core.HttpProtocol;
import io.github.upgraderequired.core.RuleSettings;
import io.github.upgraderequired.core.TrustedProxies;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.core.Verdict;
import io.github.upgraderequired.test.MockUpgradeRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Http2Rule}.
 */
class Http2RuleTests {

	private final Http2Rule rule = new Http2Rule("h2", List.of(), RuleSettings.defaults(), TrustedProxies.NONE);

	@Test
	void http2AndLaterPass() {
		assertThat(this.rule.check(MockUpgradeRequest.get("/").protocol(HttpProtocol.HTTP_2)).isPass()).isTrue();
		assertThat(this.rule.check(MockUpgradeRequest.get("/").protocol(HttpProtocol.HTTP_3)).isPass()).isTrue();
	}

	@Test
	void cleartextHttp11IsOfferedH2cAndHttp2() {
		Verdict verdict = this.rule.check(MockUpgradeRequest.get("/").protocol(HttpProtocol.HTTP_1_1));
		assertThat(verdict.upgrade()).isNull();
		assertThat(this.rule.upgrade()).containsExactly("h2c", "HTTP/2.0");
		assertThat(verdict.current()).isEqualTo("HTTP/1.1");
		assertThat(verdict.detail()).contains("h2c");
	}

	@Test
	void http11OverTlsIsOfferedHttp2AndToldAboutAlpn() {
		Verdict verdict = this.rule.check(MockUpgradeRequest.get("/").protocol(HttpProtocol.HTTP_1_1).secure(true));
		assertThat(verdict.upgrade()).containsExactly("HTTP/2.0");
		assertThat(verdict.detail()).contains("ALPN");
	}

	@Test
	void configuredTokensAreOfferedOnBothKindsOfConnection() {
		Http2Rule configured = new Http2Rule("h2", List.of("Foo/2"), RuleSettings.defaults(), TrustedProxies.NONE);
		UpgradeEngine engine = UpgradeEngine.builder((pattern) -> (path) -> true).rules(List.of(configured)).build();
		for (boolean secure : new boolean[] { false, true }) {
			Decision decision = engine
				.evaluate(MockUpgradeRequest.get("/").protocol(HttpProtocol.HTTP_1_1).secure(secure));
			assertThat(decision.rejection().upgrade()).as("secure %s", secure).containsExactly("Foo/2");
		}
		Decision defaults = UpgradeEngine.builder((pattern) -> (path) -> true)
			.rules(List.of(this.rule))
			.build()
			.evaluate(MockUpgradeRequest.get("/").protocol(HttpProtocol.HTTP_1_1).secure(true));
		assertThat(defaults.rejection().upgrade()).containsExactly("HTTP/2.0");
	}

	@Test
	void anUnknownProtocolIsUnknown() {
		assertThat(this.rule.check(MockUpgradeRequest.get("/").protocol(null)).isUnknown()).isTrue();
	}

}
