package io.github.upgraderequired.sample;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo endpoints. Annotated controllers run unchanged on Spring MVC and WebFlux.
 */
@RestController
class HelloController {

	@GetMapping("/")
	Index index() {
		return new Index("upgrade-required sample", "Hello! Try /secure/hello.");
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

	@GetMapping("/api/hello")
	Map<String, String> api() {
		return Map.of("message", "Hello from API version 2 or newer");
	}

	@GetMapping("/app/hello")
	Map<String, String> app() {
		return Map.of("message", "Hello, up-to-date app");
	}

	@GetMapping("/beta/hello")
	Map<String, String> beta() {
		return Map.of("message", "Hello, beta app (6.0.0 will soon be required)");
	}

	/**
	 * One item by id under each of the paths the header-reading rules guard: every id is
	 * a path of its own, which is what the flood benchmark sends.
	 * @param id the item's id
	 * @return the item
	 */
	@GetMapping({ "/app/items/{id}", "/api/items/{id}", "/web/items/{id}" })
	Map<String, String> item(@PathVariable String id) {
		return Map.of("item", id);
	}

	@GetMapping(path = "/web/", produces = MediaType.TEXT_HTML_VALUE)
	String web() {
		return """
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8"><title>upgrade-required sample</title></head>
				<body><h1>Welcome</h1><p>Your browser is supported.</p></body></html>
				""";
	}

	/**
	 * The answer of {@code /}, a record so that its fields keep their order on both stacks.
	 * @param service the service's name
	 * @param message a greeting
	 */
	record Index(String service, String message) {
	}

}
