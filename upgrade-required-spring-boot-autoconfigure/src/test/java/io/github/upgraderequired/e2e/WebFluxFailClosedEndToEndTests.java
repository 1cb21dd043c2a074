package io.github.upgraderequired.e2e;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * Faults of the application's beans on Spring WebFlux (Reactor Netty) with
 * {@code upgrade-required.fail-closed=true}, where a rule that throws refuses the request.
 */
@SpringBootTest(classes = { EndToEndApplication.class, FaultyBeans.class }, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "upgrade-required.fail-closed=true" })
@ActiveProfiles("e2e")
class WebFluxFailClosedEndToEndTests extends AbstractFaultsEndToEndTests {

	WebFluxFailClosedEndToEndTests() {
		super(true);
	}

}
