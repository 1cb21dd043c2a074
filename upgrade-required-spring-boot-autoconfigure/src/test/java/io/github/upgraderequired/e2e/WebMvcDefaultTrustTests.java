package io.github.upgraderequired.e2e;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The default trusted proxies on Spring MVC (Tomcat), without the {@code e2e} profile.
 */
@SpringBootTest(classes = EndToEndApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", AbstractDefaultTrustTests.RULES,
				AbstractDefaultTrustTests.MINIMUM, AbstractDefaultTrustTests.HTTP2, AbstractDefaultTrustTests.HTTP2_PATHS })
class WebMvcDefaultTrustTests extends AbstractDefaultTrustTests {

}
