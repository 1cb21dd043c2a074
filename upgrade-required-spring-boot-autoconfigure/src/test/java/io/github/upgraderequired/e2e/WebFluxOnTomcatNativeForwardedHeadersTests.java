package io.github.upgraderequired.e2e;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The connection rules on Spring WebFlux served by Tomcat with
 * {@code server.forward-headers-strategy=native}: Tomcat's {@code RemoteIpValve} replaces
 * the peer's address before WebFlux sees the request, and the starter's valve records it
 * first.
 */
@SpringBootTest(classes = EndToEndApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", WebFluxOnTomcat.PROPERTIES,
				"server.forward-headers-strategy=native" })
@ActiveProfiles("e2e")
class WebFluxOnTomcatNativeForwardedHeadersTests extends AbstractForwardedHeadersStrategyTests
		implements WebFluxOnTomcat {

	WebFluxOnTomcatNativeForwardedHeadersTests() {
		// Tomcat's RemoteIpValve, as on Spring MVC: X-Forwarded-Proto from its internal
		// proxies, loopback included by default, and never Forwarded.
		super(EVERY_PEER, NO_PEER);
	}

}
