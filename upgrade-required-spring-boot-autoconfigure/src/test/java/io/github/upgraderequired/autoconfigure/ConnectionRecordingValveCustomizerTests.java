package io.github.upgraderequired.autoconfigure;

import io.github.upgraderequired.autoconfigure.UpgradeRequiredProperties.Rule;
import io.github.upgraderequired.web.tomcat.ConnectionRecordingValve;
import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConnectionRecordingValveCustomizer}.
 */
class ConnectionRecordingValveCustomizerTests {

	@ParameterizedTest(name = "{0}, rule beans: {1}")
	@CsvSource({ "HTTP_VERSION, false", "HTTPS, true" })
	void putsTheValveAheadOfRemoteIpValveWhenARuleJudgesTheConnectionOrARuleBeanMay(RuleType type,
			boolean ruleBeans) {
		TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
		factory.addEngineValves(new RemoteIpValve());
		new ConnectionRecordingValveCustomizer(properties(type), ruleBeans).customize(factory);
		assertThat(factory.getEngineValves()).hasSize(2);
		assertThat(factory.getEngineValves().iterator().next()).isInstanceOf(ConnectionRecordingValve.class);
	}

	@Test
	void leavesTomcatAloneWithoutRemoteIpValve() {
		TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
		new ConnectionRecordingValveCustomizer(properties(RuleType.HTTP_VERSION), false).customize(factory);
		assertThat(factory.getEngineValves()).isEmpty();
	}

	@Test
	void leavesTomcatAloneWhenNoRuleJudgesTheConnection() {
		TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
		factory.addEngineValves(new RemoteIpValve());
		new ConnectionRecordingValveCustomizer(properties(RuleType.HTTPS), false).customize(factory);
		assertThat(factory.getEngineValves()).hasSize(1);
	}

	private static UpgradeRequiredProperties properties(RuleType type) {
		UpgradeRequiredProperties properties = new UpgradeRequiredProperties();
		Rule rule = new Rule();
		rule.setType(type);
		properties.getRules().put("r", rule);
		return properties;
	}

}
