package io.github.upgraderequired.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.github.upgraderequired.client.UpgradeRequiredClientEvent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Connector;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * What the client tests add to the end-to-end application: a plain http port next to
 * the https one (so that a 426 asking for TLS can be retried on the same server), the
 * answers of servers that are not upgrade-required (bare and malformed), and a record
 * of the client events.
 */
@Configuration(proxyBeanMethods = false)
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
	HttpConnector httpConnector() {
		return new HttpConnector(new Connector());
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> httpConnectorCustomizer(HttpConnector http) {
		return (factory) -> {
			http.connector.setPort(0);
			factory.addAdditionalConnectors(http.connector);
		};
	}

	@Bean
	ClientEvents clientEvents() {
		return new ClientEvents();
	}

	/**
	 * The plain http connector; its port is known once the server runs.
	 */
	static final class HttpConnector {

		final Connector connector;

		HttpConnector(Connector connector) {
			this.connector = connector;
		}

		int port() {
			return this.connector.getLocalPort();
		}

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

	/**
	 * Answers as other servers give them: 426s without a problem, and deprecation
	 * headers that are wrong or far too long. (A member class, so registered with the
	 * configuration.)
	 */
	@RestController
	static class OtherServers {

		@GetMapping("/other/bare-426")
		ResponseEntity<String> bare426() {
			return ResponseEntity.status(HttpStatus.UPGRADE_REQUIRED)
				.header("Upgrade", "TLS/1.2")
				.header("Connection", "Upgrade")
				.header("Content-Type", "text/plain")
				.body("Use TLS, please.");
		}

		@GetMapping("/other/empty-426")
		ResponseEntity<Void> empty426() {
			return ResponseEntity.status(HttpStatus.UPGRADE_REQUIRED).build();
		}

		@GetMapping("/other/garbage-426")
		ResponseEntity<String> garbage426() {
			return ResponseEntity.status(HttpStatus.UPGRADE_REQUIRED)
				.header("Upgrade", "TLS/1.3, <b>x</b>, \"quoted\"")
				.header("Content-Type", "application/problem+json")
				.body("{\"rule\": [unclosed");
		}

		@GetMapping("/other/unknown-charset-426")
		void unknownCharset426(HttpServletResponse response) throws IOException {
			// Written by hand: Spring's converters would refuse the unknown charset.
			response.setStatus(426);
			response.setHeader("Upgrade", "TLS/1.3");
			response.setHeader("Content-Type", "application/problem+json;charset=no-such-charset");
			response.getOutputStream().write("{\"rule\":\"r\"}".getBytes(StandardCharsets.US_ASCII));
		}

		@GetMapping("/other/deprecated/{name}")
		ResponseEntity<Map<String, String>> deprecated(@PathVariable String name) {
			return ResponseEntity.ok()
				.header("Deprecation", "@1767225600")
				.header("Sunset", "Friday, 01-Jan-49 00:00:00 GMT")
				.header("Link", "</docs/" + name + ">; rel=\"deprecation\"; type=\"text/html\"")
				.body(Map.of("message", "hello"));
		}

		@GetMapping("/other/malformed")
		ResponseEntity<Map<String, String>> malformed() {
			return ResponseEntity.ok()
				.header("Deprecation", "soon")
				.header("Sunset", "31/12/2099")
				.header("Link", "<javascript:alert(1)>; rel=sunset")
				.body(Map.of("message", "hello"));
		}

		@GetMapping("/other/oversized")
		ResponseEntity<Map<String, String>> oversized() {
			return ResponseEntity.ok()
				.header("Deprecation", "@" + "9".repeat(3000))
				.header("Link", "<https://example.com/" + "a".repeat(3000) + ">; rel=deprecation")
				.body(Map.of("message", "hello"));
		}

		@GetMapping("/other/upgrade-in-body/{protocol}/{name}")
		ResponseEntity<String> upgradeInBody(@PathVariable String protocol, @PathVariable String name,
				HttpServletRequest request) {
			if (request.isSecure()) {
				return ResponseEntity.ok("{\"message\":\"hello " + name + " over https\"}");
			}
			// As over HTTP/2, or behind a proxy that dropped the hop-by-hop Upgrade header.
			return ResponseEntity.status(HttpStatus.UPGRADE_REQUIRED)
				.header("Content-Type", "application/problem+json")
				.body("{\"upgrade\":[\"" + protocol.replace('-', '/') + "\"],\"rule\":\"in-body\"}");
		}

		private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

		int hits(String name) {
			AtomicInteger count = this.hits.get(name);
			return (count != null) ? count.get() : 0;
		}

		@GetMapping("/other/always-426/{protocol}/{name}")
		ResponseEntity<Void> always426(@PathVariable String protocol, @PathVariable String name) {
			// Refuses over https too: a retry must not be retried again.
			this.hits.computeIfAbsent(name, (key) -> new AtomicInteger()).incrementAndGet();
			return ResponseEntity.status(HttpStatus.UPGRADE_REQUIRED)
				.header("Upgrade", protocol.replace('-', '/'))
				.header("Connection", "Upgrade")
				.build();
		}

		@RequestMapping("/secure/echo/{name}")
		Map<String, String> echo(@PathVariable String name, HttpServletRequest request,
				@RequestBody(required = false) String body) {
			return Map.of("method", request.getMethod(), "query", String.valueOf(request.getQueryString()),
					"header", String.valueOf(request.getHeader("X-Test")), "body", String.valueOf(body),
					"scheme", request.getScheme());
		}

		@RequestMapping("/secure/client/{name}")
		Map<String, String> secure(@PathVariable String name) {
			return Map.of("message", "hello " + name);
		}

	}

}
