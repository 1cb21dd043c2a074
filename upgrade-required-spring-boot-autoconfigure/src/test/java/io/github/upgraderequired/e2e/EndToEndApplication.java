package io.github.upgraderequired.e2e;

import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application the end-to-end tests run on Tomcat (Spring MVC) and on Reactor Netty
 * (Spring WebFlux): the same annotated controller serves both.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(EndToEndApplication.HelloController.class)
class EndToEndApplication {

	@RestController
	@CrossOrigin(origins = "https://app.example.com")
	static class HelloController {

		@RequestMapping({ "/", "/open/hello", "/secure/hello", "/redirect/hello", "/internal/hello",
				"/deprecated/hello", "/shadow/hello" })
		Map<String, String> hello() {
			return Map.of("message", "hello");
		}

		@GetMapping({ "/get-only", "/secure/get-only" })
		Map<String, String> getOnly() {
			return Map.of("message", "hello");
		}

	}

}
