package io.github.upgraderequired.e2e;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The connection rules on Spring WebFlux (Reactor Netty) with {@code server.forward-headers-strategy=native}.
 * Reactor Netty believes the forwarding headers of every peer: a client can claim https.
 */
@SpringBootTest(classes = EndToEndApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "server.forward-headers-strategy=native" })
@ActiveProfiles("e2e")
class WebFluxNativeForwardedHeadersTests extends AbstractForwardedHeadersStrategyTests {

	WebFluxNativeForwardedHeadersTests() {
		// Reactor Netty believes both headers from every peer.
		super(EVERY_PEER, EVERY_PEER);
	}

}
