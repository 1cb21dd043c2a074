package io.github.upgraderequired.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.github.upgraderequired.web.tomcat.ConnectionRecordingValve;
import org.apache.catalina.Valve;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Puts the {@link ConnectionRecordingValve} first among Tomcat's engine valves, ahead of
 * the {@code RemoteIpValve} that {@code server.forward-headers-strategy=native} adds.
 * Ordered last, so that it runs after Spring Boot's own customizer.
 */
class ConnectionRecordingValveCustomizer
		implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		if (factory instanceof TomcatWebServerFactory tomcat) {
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
