package io.github.upgraderequired.e2e;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The connection rules on Spring WebFlux (Reactor Netty) with {@code server.forward-headers-strategy=framework}.
 * Spring's {@code ForwardedHeaderTransformer} believes the forwarding headers of every peer.
 */
@SpringBootTest(classes = EndToEndApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "server.forward-headers-strategy=framework" })
@ActiveProfiles("e2e")
class WebFluxFrameworkForwardedHeadersTests extends AbstractForwardedHeadersStrategyTests {

	WebFluxFrameworkForwardedHeadersTests() {
		// Spring's ForwardedHeaderTransformer believes both headers from every peer.
		super(EVERY_PEER, EVERY_PEER);
	}

}
