package io.github.upgraderequired.e2e;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every end-to-end scenario on Spring MVC (Tomcat), with the servlet filter of
 * {@code upgrade-required.before-security}: the same answers as by default.
 */
@SpringBootTest(classes = EndToEndApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "upgrade-required.before-security=true" })
@ActiveProfiles("e2e")
class WebMvcBeforeSecurityEndToEndTests extends AbstractEndToEndTests {

}
