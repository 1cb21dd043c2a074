package io.github.upgraderequired.e2e;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The e2e profile on Spring WebFlux (Reactor Netty) under a base path, with the actuator at its own base path.
 */
@SpringBootTest(classes = EndToEndApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "spring.webflux.base-path=/base",
				AbstractApplicationPathTests.MANAGE_BASE_PATH })
@ActiveProfiles("e2e")
class WebFluxBasePathTests extends AbstractApplicationPathTests {

	WebFluxBasePathTests() {
		super("/base");
	}

}
