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

}
