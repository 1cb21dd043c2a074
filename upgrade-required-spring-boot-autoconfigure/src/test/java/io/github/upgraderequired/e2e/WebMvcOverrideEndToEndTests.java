package io.github.upgraderequired.e2e;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The incident override and a configuration refresh on Spring MVC (Tomcat).
 */
@SpringBootTest(classes = { SecuredApplication.class, AbstractOverrideEndToEndTests.Auditing.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		args = "--spring.config.import=optional:file:./target/override-policy-mvc.properties",
		properties = { "spring.main.web-application-type=servlet", AbstractOverrideEndToEndTests.PROPERTIES })
class WebMvcOverrideEndToEndTests extends AbstractOverrideEndToEndTests {

}
