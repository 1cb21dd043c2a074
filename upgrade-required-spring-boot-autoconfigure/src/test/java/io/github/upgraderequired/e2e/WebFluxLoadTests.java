package io.github.upgraderequired.e2e;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The bounded load on Spring WebFlux (Reactor Netty), in the same application as {@link WebFluxEndToEndTests}.
 */
@SpringBootTest(classes = EndToEndApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=reactive")
@ActiveProfiles("e2e")
class WebFluxLoadTests extends AbstractLoadTests {

}
