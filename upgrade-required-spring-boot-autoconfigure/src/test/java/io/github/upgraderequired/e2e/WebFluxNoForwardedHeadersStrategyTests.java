package io.github.upgraderequired.e2e;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The connection rules on Spring WebFlux (Reactor Netty) without {@code server.forward-headers-strategy},
 * in the same application as {@link WebFluxEndToEndTests}: no forwarding header makes a plain
 * request secure.
 */
@SpringBootTest(classes = EndToEndApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=reactive")
@ActiveProfiles("e2e")
class WebFluxNoForwardedHeadersStrategyTests extends AbstractForwardedHeadersStrategyTests {

	WebFluxNoForwardedHeadersStrategyTests() {
		super(NO_PEER, NO_PEER);
	}

}
