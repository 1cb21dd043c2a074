package io.github.upgraderequired.e2e;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.github.upgraderequired.client.UpgradeRequiredClientEvent;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * The application of the client tests, a caller of {@link ClientTestServer}: Spring's
 * clients as Spring Boot configures them, an HTTP service client of the server's API, and
 * a record of the client events.
 */
@Configuration(proxyBeanMethods = false)
// Spring Security is on the test class path for the ordering tests; a client needs none.
@EnableAutoConfiguration(excludeName = { "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration" })
@ImportHttpServices(group = "e2e", types = ClientEndToEndConfiguration.ApiService.class)
class ClientEndToEndConfiguration {

	/**
	 * An HTTP service client of the end-to-end application's API (group {@code e2e}).
	 */
	@HttpExchange("/api")
	interface ApiService {

		@GetExchange("/hello")
		Map<String, String> hello(@RequestHeader("API-Version") String version);

	}

	@Bean
	ClientEvents clientEvents() {
		return new ClientEvents();
	}

	/**
	 * The client events published while the application runs.
	 */
	static class ClientEvents {

		final Queue<UpgradeRequiredClientEvent> received = new ConcurrentLinkedQueue<>();

		@EventListener
		void on(UpgradeRequiredClientEvent event) {
			this.received.add(event);
		}

	}

}
