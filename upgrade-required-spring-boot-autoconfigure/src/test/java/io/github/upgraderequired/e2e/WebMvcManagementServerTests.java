package io.github.upgraderequired.e2e;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * A management server of its own on Spring MVC (Tomcat).
 */
@SpringBootTest(classes = EndToEndApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", AbstractManagementServerTests.SEPARATE_MANAGEMENT_SERVER,
				AbstractManagementServerTests.MANAGE_BASE_PATH })
@ActiveProfiles("e2e")
class WebMvcManagementServerTests extends AbstractManagementServerTests {

}
