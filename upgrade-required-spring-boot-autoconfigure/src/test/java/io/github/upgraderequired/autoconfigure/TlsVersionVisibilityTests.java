package io.github.upgraderequired.autoconfigure;

import java.util.List;

import io.github.upgraderequired.core.RuleSettings;
import io.github.upgraderequired.core.TlsVersion;
import io.github.upgraderequired.core.TrustedProxies;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.core.UpgradeRule;
import io.github.upgraderequired.core.rule.HttpsRule;
import io.github.upgraderequired.core.rule.TlsVersionRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TlsVersionVisibility}: start-up says when a TLS-version rule can never
 * see the version it judges.
 */
@ExtendWith(OutputCaptureExtension.class)
class TlsVersionVisibilityTests {

	private final UpgradeRule tlsRule = new TlsVersionRule("modern-tls", TlsVersion.TLS_1_3, List.of(),
			RuleSettings.defaults(), TrustedProxies.NONE);

	@Test
	void warnsOnAServerThatDoesNotExposeTheVersion(CapturedOutput output) {
		check(new JettyWebServer(), new MockEnvironment().withProperty("server.ssl.bundle", "b"), this.tlsRule);
		assertThat(output).contains("TLS-version rules [modern-tls] cannot read the TLS version on JettyWebServer");
	}

	@Test
	void warnsWhenTomcatServesPlainHttpAndNoProxyReportsTheVersion(CapturedOutput output) {
		check(new TomcatWebServer(), new MockEnvironment(), this.tlsRule);
		assertThat(output).contains("[modern-tls] will not see a TLS version: the server serves plain HTTP");
	}

	@Test
	void isQuietWhenTheVersionCanBeSeen(CapturedOutput output) {
		check(new NettyWebServer(), new MockEnvironment().withProperty("server.ssl.bundle", "b"), this.tlsRule);
		check(new TomcatWebServer(), new MockEnvironment().withProperty("server.ssl.key-store", "k"), this.tlsRule);
		assertThat(output).doesNotContain("TLS-version rules");
	}

	@Test
	void isQuietWithoutTlsVersionRules(CapturedOutput output) {
		check(new JettyWebServer(), new MockEnvironment(),
				new HttpsRule("https", List.of(), RuleSettings.defaults(), false, 443));
		assertThat(output).doesNotContain("TLS-version rules");
	}

	private static void check(WebServer server, MockEnvironment environment, UpgradeRule rule) {
		UpgradeEngine engine = UpgradeEngine.builder((pattern) -> (path) -> true).rules(List.of(rule)).build();
		new TlsVersionVisibility(engine, new UpgradeRequiredProperties(), environment)
			.onApplicationEvent(new WebServerInitializedEvent(server) {

				@Override
				public WebServerApplicationContext getApplicationContext() {
					throw new UnsupportedOperationException();
				}

			});
	}

	private static class StubWebServer implements WebServer {

		@Override
		public void start() {
		}

		@Override
		public void stop() {
		}

		@Override
		public int getPort() {
			return 0;
		}

	}

	private static final class JettyWebServer extends StubWebServer {

	}

	private static final class TomcatWebServer extends StubWebServer {

	}

	private static final class NettyWebServer extends StubWebServer {

	}

}
