package io.github.upgraderequired.autoconfigure;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.github.upgraderequired.web.tomcat.ConnectionRecordingValve;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Puts the {@link ConnectionRecordingValve} first among Tomcat's engine valves, ahead of
 * the {@code RemoteIpValve} that {@code server.forward-headers-strategy=native} adds, when
 * a configured rule judges the client's connection (HTTP version, HTTP/2, TLS version), or
 * there is a rule bean (whose type is not known before it is created), and such a valve
 * is there. Ordered last, so that it runs after Spring Boot's own
 * customizer.
 */
class ConnectionRecordingValveCustomizer
		implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

	private static final Set<RuleType> CONNECTION_RULES = EnumSet.of(RuleType.HTTP_VERSION, RuleType.HTTP2,
			RuleType.TLS_VERSION);

	private final UpgradeRequiredProperties properties;

	private final boolean ruleBeans;

	ConnectionRecordingValveCustomizer(UpgradeRequiredProperties properties, boolean ruleBeans) {
		this.properties = properties;
		this.ruleBeans = ruleBeans;
	}

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		boolean needed = this.ruleBeans || this.properties.getRules()
			.values()
			.stream()
			.anyMatch((rule) -> CONNECTION_RULES.contains(rule.getType()));
		// Without a RemoteIpValve the request keeps its peer and headers: nothing to record,
		// and nothing to pay per request.
		if (needed && factory instanceof TomcatWebServerFactory tomcat
				&& tomcat.getEngineValves().stream().anyMatch(RemoteIpValve.class::isInstance)) {
			List<Valve> valves = new ArrayList<>(tomcat.getEngineValves());
			valves.add(0, new ConnectionRecordingValve());
			tomcat.setEngineValves(valves);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
