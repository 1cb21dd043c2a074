package io.github.upgraderequired.e2e;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The connection rules on Spring MVC (Tomcat) with {@code server.forward-headers-strategy=native}.
 */
@SpringBootTest(classes = EndToEndApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "server.forward-headers-strategy=native" })
@ActiveProfiles("e2e")
class WebMvcNativeForwardedHeadersTests extends AbstractForwardedHeadersStrategyTests {

	WebMvcNativeForwardedHeadersTests() {
		// Tomcat's RemoteIpValve believes X-Forwarded-Proto from its internal proxies, loopback
		// included by default, and does not read Forwarded at all.
		super(EVERY_PEER, NO_PEER);
	}

}
