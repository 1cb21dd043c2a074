package io.github.upgraderequired.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Connector;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The server that the client tests call: the end-to-end application on Tomcat over https,
 * with a plain http port next to it (so that a 426 asking for TLS can be retried on the
 * same server), and the answers of servers that are not upgrade-required (bare and
 * malformed). One per test JVM, started on first use (when a client application reads its
 * properties) on ports the system picks, so that its ports are known before that
 * application needs them; it stops with the JVM.
 */
@Configuration(proxyBeanMethods = false)
class ClientTestServer {

	private static ConfigurableApplicationContext running;

	/**
	 * Return the running server, started on first use; it stops with the JVM.
	 */
	static synchronized ConfigurableApplicationContext running() {
		if (running == null) {
			running = new SpringApplicationBuilder(EndToEndApplication.class, ClientTestServer.class)
				.profiles("e2e", "tls")
				.properties("spring.main.web-application-type=servlet", "server.port=0", "spring.main.banner-mode=off")
				.run();
		}
		return running;
	}

	/**
	 * Return the https port.
	 */
	static int httpsPort() {
		return ((WebServerApplicationContext) running()).getWebServer().getPort();
	}

	/**
	 * Return the plain http port.
	 */
	static int httpPort() {
		return running().getBean(HttpConnector.class).port();
	}

	/**
	 * Return the answers of the other servers, which count their hits.
	 */
	static OtherServers otherServers() {
		return running().getBean(OtherServers.class);
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
