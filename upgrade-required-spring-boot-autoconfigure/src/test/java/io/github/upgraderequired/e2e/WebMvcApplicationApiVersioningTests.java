package io.github.upgraderequired.e2e;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Spring's own API versioning on Spring MVC (Tomcat).
 */
@SpringBootTest(classes = ApiVersionedApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "spring.mvc.apiversion.use.header=API-Version",
				"spring.mvc.apiversion.supported=1,2", "upgrade-required.rules.api.type=api-version",
				"upgrade-required.rules.api.minimum=2", "upgrade-required.rules.api.paths=/api/**" })
class WebMvcApplicationApiVersioningTests extends AbstractApplicationApiVersioningTests {

}
