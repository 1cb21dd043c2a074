package io.github.upgraderequired.e2e;

import java.time.Instant;

import io.github.upgraderequired.core.Mode;
import io.github.upgraderequired.core.RuleDescriptor;
import io.github.upgraderequired.core.UpgradeEngine;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No configuration locks out health checks: with every rule type enforced on every path,
 * unknown values refused, a rule bean that throws and {@code fail-closed}, a bare
 * HTTP/1.0 health check over plain HTTP (no headers at all, not even {@code Host}) is
 * still answered by the actuator, while any other path is refused. Subclasses run
 * {@link EndToEndApplication} with {@link FaultyBeans} and the {@code lockout} profile.
 */
abstract class AbstractLockOutEndToEndTests {

	@LocalServerPort
	int port;

	@Autowired
	UpgradeEngine engine;

	@Test
	void everyRuleTypeIsOnForEveryPath() {
		assertThat(this.engine.rules()).extracting(RuleDescriptor::type)
			.containsExactlyInAnyOrder("http-version", "https", "tls-version", "http2", "websocket", "api-version",
					"app-version", "browser", "custom");
		assertThat(this.engine.rules())
			.allSatisfy((rule) -> assertThat(rule.settings().paths()).containsExactly("/**"));
		assertThat(this.engine.rules()).allSatisfy(
				(rule) -> assertThat(rule.modeAt(Instant.now())).as("mode of %s now", rule.name()).isEqualTo(Mode.ENFORCE));
	}

	@Test
	void aBareHttp10HealthCheckIsAnsweredByTheActuator() throws Exception {
		HttpResult response = Http.raw(this.port, "GET /actuator/health HTTP/1.0\r\n\r\n");
		// Tomcat answers in HTTP/1.1, Reactor Netty in HTTP/1.0: the server's choice.
		assertThat(response.protocol()).startsWith("HTTP/1.");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("application/vnd.spring-boot.actuator.v3+json");
		assertThat(response.body()).contains("\"status\":\"UP\"");
		assertThat(response.hasHeader("Upgrade")).isFalse();
	}

	@Test
	void aBareHttp10RequestForAnyOtherPathIsRefused() throws Exception {
		HttpResult response = Http.raw(this.port, "GET /open/hello HTTP/1.0\r\n\r\n");
		assertThat(response.status()).isEqualTo(426);
		assertThat(response.header("Upgrade")).isEqualTo("HTTP/1.1");
		assertThat(response.body()).contains("\"rule\":\"http-version\"");
	}

	@Test
	void aModernHttp11RequestForAnyOtherPathIsStillRefused() throws Exception {
		HttpResult response = Http.http11(this.port, "GET", "/open/hello", "API-Version", "3", "X-App-Platform", "ios",
				"X-App-Version", "9.0.0");
		assertThat(response.status()).isEqualTo(426);
		assertThat(response.body()).contains("\"rule\":\"https\"");
	}

}
