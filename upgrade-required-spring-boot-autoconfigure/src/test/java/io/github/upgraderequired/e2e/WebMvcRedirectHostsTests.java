package io.github.upgraderequired.e2e;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The HTTPS rule's redirect hosts on Spring MVC (Tomcat).
 */
@SpringBootTest(classes = EndToEndApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", AbstractRedirectHostsTests.REDIRECT_HOSTS })
@ActiveProfiles("e2e")
class WebMvcRedirectHostsTests extends AbstractRedirectHostsTests {

}
