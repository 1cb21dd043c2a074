package io.github.upgraderequired.autoconfigure;

import java.util.List;
import java.util.Set;

import io.github.upgraderequired.core.RuleDescriptor;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.core.rule.TlsVersionRule;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Warns at start-up when a TLS-version rule can never see the version it judges: the
 * server does not expose it (only Tomcat and Reactor Netty do), or it serves plain HTTP and
 * no proxy is trusted to report it. Such a rule treats every version as unknown. The
 * management server, when it has a port of its own, is not checked.
 */
class TlsVersionVisibility implements ApplicationListener<WebServerInitializedEvent> {

	private static final Log logger = LogFactory.getLog(TlsVersionVisibility.class);

	private static final String MANAGEMENT = "management";

	private static final Set<String> SERVERS_THAT_EXPOSE_TLS = Set.of("org.springframework.boot.tomcat.TomcatWebServer",
			"org.springframework.boot.reactor.netty.NettyWebServer");

	private final UpgradeEngine engine;

	private final UpgradeRequiredProperties properties;

	private final Environment environment;

	TlsVersionVisibility(UpgradeEngine engine, UpgradeRequiredProperties properties, Environment environment) {
		this.engine = engine;
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (!MANAGEMENT.equals(event.getApplicationContext().getServerNamespace())) {
			check(event.getWebServer().getClass());
		}
	}

	/**
	 * Warn if the rules cannot see a TLS version on a server of the given type.
	 * @param server the type of the web server
	 */
	void check(Class<?> server) {
		List<String> rules = this.engine.rules()
			.stream()
			.filter((rule) -> TlsVersionRule.TYPE.equals(rule.type()))
			.map(RuleDescriptor::name)
			.toList();
		if (rules.isEmpty()) {
			return;
		}
		if (!exposesTlsVersion(server)) {
			logger.warn("The TLS-version rules " + rules + " cannot read the TLS version on " + server.getSimpleName()
					+ ", which does not expose it: every request's version is unknown to them");
		}
		else if (!sslConfigured() && !proxyReportsTlsVersion()) {
			logger.warn("The TLS-version rules " + rules + " will not see a TLS version: the server serves plain "
					+ "HTTP and no proxy is trusted to report one (" + UpgradeRequiredProperties.PREFIX
					+ ".proxy.tls-version-header)");
		}
	}

	/**
	 * Return whether a server of this type exposes the TLS version: Tomcat and Reactor
	 * Netty, or a subclass of theirs.
	 */
	static boolean exposesTlsVersion(Class<?> server) {
		for (Class<?> type = server; type != null; type = type.getSuperclass()) {
			if (SERVERS_THAT_EXPOSE_TLS.contains(type.getName())) {
				return true;
			}
		}
		return false;
	}

	private boolean proxyReportsTlsVersion() {
		UpgradeRequiredProperties.Proxy proxy = this.properties.getProxy();
		return proxy.getTlsVersionHeader() != null && !proxy.getTrustedAddresses().isEmpty();
	}

	private boolean sslConfigured() {
		if (!this.environment.getProperty("server.ssl.enabled", Boolean.class, true)) {
			return false;
		}
		return this.environment.containsProperty("server.ssl.bundle")
				|| this.environment.containsProperty("server.ssl.key-store")
				|| this.environment.containsProperty("server.ssl.certificate");
	}

}
