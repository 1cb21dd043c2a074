package io.github.upgraderequired.sample;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo endpoints. Annotated controllers run unchanged on Spring MVC and WebFlux.
 */
@RestController
class HelloController {

	@GetMapping("/")
	Map<String, String> index() {
		return Map.of("service", "upgrade-required sample", "message", "Hello! Try /secure/hello.");
	}

	@GetMapping("/secure/hello")
	Map<String, String> secure() {
		return Map.of("message", "Hello over HTTPS");
	}

	@GetMapping("/tls/hello")
	Map<String, String> tls() {
		return Map.of("message", "Hello over TLS 1.3");
	}

	@GetMapping("/h2/hello")
	Map<String, String> http2() {
		return Map.of("message", "Hello over HTTP/2");
	}

}
