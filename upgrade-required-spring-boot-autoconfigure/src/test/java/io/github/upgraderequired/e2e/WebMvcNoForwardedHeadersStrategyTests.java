package io.github.upgraderequired.e2e;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The connection rules on Spring MVC (Tomcat) without {@code server.forward-headers-strategy},
 * in the same application as {@link WebMvcEndToEndTests}: no forwarding header makes a plain
 * request secure.
 */
@SpringBootTest(classes = EndToEndApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=servlet")
@ActiveProfiles("e2e")
class WebMvcNoForwardedHeadersStrategyTests extends AbstractForwardedHeadersStrategyTests {

	WebMvcNoForwardedHeadersStrategyTests() {
		super(NO_PEER, NO_PEER);
	}

}
