package io.github.upgraderequired.e2e;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * No configuration locks out health checks, on Spring MVC (Tomcat) with
 * {@code upgrade-required.before-security=true}.
 */
@SpringBootTest(classes = { EndToEndApplication.class, FaultyBeans.class }, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "upgrade-required.before-security=true" })
@ActiveProfiles("lockout")
class WebMvcLockOutBeforeSecurityEndToEndTests extends AbstractLockOutEndToEndTests {

}
