package io.github.upgraderequired.e2e;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * Faults of the application's beans on Spring WebFlux (Reactor Netty), where a rule that throws lets the
 * request through.
 */
@SpringBootTest(classes = { EndToEndApplication.class, FaultyBeans.class }, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=reactive")
@ActiveProfiles("e2e")
class WebFluxFaultsEndToEndTests extends AbstractFaultsEndToEndTests {

	WebFluxFaultsEndToEndTests() {
		super(false);
	}

}
