package io.github.upgraderequired.e2e;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The connection rules on Spring MVC (Tomcat) with {@code server.forward-headers-strategy=framework}.
 * Spring's {@code ForwardedHeaderFilter} believes the forwarding headers of every peer.
 */
@SpringBootTest(classes = EndToEndApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "server.forward-headers-strategy=framework" })
@ActiveProfiles("e2e")
class WebMvcFrameworkForwardedHeadersTests extends AbstractForwardedHeadersStrategyTests {

	WebMvcFrameworkForwardedHeadersTests() {
		// Spring's ForwardedHeaderFilter believes both headers from every peer.
		super(EVERY_PEER, EVERY_PEER);
	}

}
