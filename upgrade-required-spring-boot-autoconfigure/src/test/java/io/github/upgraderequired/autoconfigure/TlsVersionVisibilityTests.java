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

import org.springframework.boot.reactor.netty.NettyWebServer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link TlsVersionVisibility}: start-up says when a TLS-version rule can never
 * see the version it judges.
 */
@ExtendWith(OutputCaptureExtension.class)
class TlsVersionVisibilityTests {

	private final UpgradeRule tlsRule = new TlsVersionRule("modern-tls", TlsVersion.TLS_1_3, List.of(),
			RuleSettings.defaults(), TrustedProxies.NONE);

	@Test
	void tomcatAndReactorNettyExposeTheVersion() {
		assertThat(TlsVersionVisibility.exposesTlsVersion(TomcatWebServer.class)).isTrue();
		assertThat(TlsVersionVisibility.exposesTlsVersion(NettyWebServer.class)).isTrue();
		assertThat(TlsVersionVisibility.exposesTlsVersion(JettyWebServer.class)).isFalse();
	}

	@Test
	void aTlsHeaderWithoutTrustedProxiesIsNoSource(CapturedOutput output) {
		UpgradeRequiredProperties properties = new UpgradeRequiredProperties();
		properties.getProxy().setTlsVersionHeader("X-Tls");
		properties.getProxy().setTrustedAddresses(List.of());
		check(TomcatWebServer.class, new MockEnvironment(), properties, this.tlsRule);
		assertThat(output).contains("will not see a TLS version");
		properties.getProxy().setTrustedAddresses(List.of("10.0.0.0/8"));
		check(TomcatWebServer.class, new MockEnvironment(), properties, this.tlsRule);
		assertThat(output.getOut().split("will not see a TLS version", -1)).hasSize(2);
	}

	@Test
	void aTlsHeaderFromTheDefaultTrustedProxiesIsASource(CapturedOutput output) {
		UpgradeRequiredProperties properties = new UpgradeRequiredProperties();
		properties.getProxy().setTlsVersionHeader("X-Tls");
		check(TomcatWebServer.class, new MockEnvironment(), properties, this.tlsRule);
		assertThat(output).doesNotContain("will not see a TLS version");
	}

	@Test
	void theManagementServerIsNotChecked(CapturedOutput output) {
		UpgradeEngine engine = UpgradeEngine.builder((pattern) -> (path) -> true).rules(List.of(this.tlsRule)).build();
		new TlsVersionVisibility(engine, new UpgradeRequiredProperties(), new MockEnvironment())
			.onApplicationEvent(event(new JettyWebServer(), "management"));
		assertThat(output).doesNotContain("TLS-version rules");
	}

	@Test
	void warnsOnAServerThatDoesNotExposeTheVersion(CapturedOutput output) {
		check(JettyWebServer.class, new MockEnvironment().withProperty("server.ssl.bundle", "b"), this.tlsRule);
		assertThat(output).contains("TLS-version rules [modern-tls] cannot read the TLS version on JettyWebServer");
	}

	@Test
	void warnsWhenTomcatServesPlainHttpAndNoProxyReportsTheVersion(CapturedOutput output) {
		check(TomcatWebServer.class, new MockEnvironment(), this.tlsRule);
		assertThat(output).contains("[modern-tls] will not see a TLS version: the server serves plain HTTP");
	}

	@Test
	void isQuietWhenTheVersionCanBeSeen(CapturedOutput output) {
		check(TomcatWebServer.class, new MockEnvironment().withProperty("server.ssl.bundle", "b"), this.tlsRule);
		check(TomcatWebServer.class, new MockEnvironment().withProperty("server.ssl.key-store", "k"), this.tlsRule);
		assertThat(output).doesNotContain("TLS-version rules");
	}

	@Test
	void isQuietWithoutTlsVersionRules(CapturedOutput output) {
		check(JettyWebServer.class, new MockEnvironment(),
				new HttpsRule("https", List.of(), RuleSettings.defaults(), false, 443));
		assertThat(output).doesNotContain("TLS-version rules");
	}

	private static void check(Class<?> server, MockEnvironment environment, UpgradeRule rule) {
		check(server, environment, new UpgradeRequiredProperties(), rule);
	}

	private static void check(Class<?> server, MockEnvironment environment, UpgradeRequiredProperties properties,
			UpgradeRule rule) {
		UpgradeEngine engine = UpgradeEngine.builder((pattern) -> (path) -> true).rules(List.of(rule)).build();
		new TlsVersionVisibility(engine, properties, environment).check(server);
	}

	@Test
	void anEventOfTheApplicationsServerIsChecked(CapturedOutput output) {
		UpgradeEngine engine = UpgradeEngine.builder((pattern) -> (path) -> true).rules(List.of(this.tlsRule)).build();
		new TlsVersionVisibility(engine, new UpgradeRequiredProperties(), new MockEnvironment())
			.onApplicationEvent(event(new JettyWebServer(), null));
		assertThat(output).contains("cannot read the TLS version on JettyWebServer");
	}

	private static WebServerInitializedEvent event(WebServer server, String namespace) {
		WebServerApplicationContext context = mock(WebServerApplicationContext.class);
		given(context.getServerNamespace()).willReturn(namespace);
		return new WebServerInitializedEvent(server) {

			@Override
			public WebServerApplicationContext getApplicationContext() {
				return context;
			}

		};
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

}
