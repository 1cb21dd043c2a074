package io.github.upgraderequired.e2e;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The e2e profile on Spring MVC (Tomcat) under a servlet context path, with the actuator at its own base path.
 */
@SpringBootTest(classes = EndToEndApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "server.servlet.context-path=/ctx",
				AbstractApplicationPathTests.MANAGE_BASE_PATH })
@ActiveProfiles("e2e")
class WebMvcContextPathTests extends AbstractApplicationPathTests {

	WebMvcContextPathTests() {
		super("/ctx");
	}

}
