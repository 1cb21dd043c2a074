package io.github.upgraderequired.e2e;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The HTTPS rule's redirect hosts on Spring WebFlux (Reactor Netty).
 */
@SpringBootTest(classes = EndToEndApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", AbstractRedirectHostsTests.REDIRECT_HOSTS })
@ActiveProfiles("e2e")
class WebFluxRedirectHostsTests extends AbstractRedirectHostsTests {

}
