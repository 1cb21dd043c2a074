package repro;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A WebFlux application with the actuator and one endpoint.
 */
@SpringBootApplication
@RestController
public class ReproApplication {

	public static void main(String[] args) {
		SpringApplication.run(ReproApplication.class, args);
	}

	@GetMapping("/hello")
	Map<String, String> hello() {
		return Map.of("message", "hello");
	}

}
