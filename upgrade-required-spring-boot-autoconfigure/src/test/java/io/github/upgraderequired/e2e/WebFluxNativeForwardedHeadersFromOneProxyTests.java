package io.github.upgraderequired.e2e;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The connection rules on Spring WebFlux (Reactor Netty) with
 * {@code server.forward-headers-strategy=native} and Tomcat's internal proxies narrowed to
 * 127.0.0.1, as in {@link WebMvcNativeForwardedHeadersFromOneProxyTests}. Reactor Netty has
 * no such list: it believes the forwarding headers of every peer, so any client can claim
 * https. The starter's own version headers are still believed from its trusted proxies only.
 */
@SpringBootTest(classes = EndToEndApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "server.forward-headers-strategy=native",
				"server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.1" })
@ActiveProfiles("e2e")
class WebFluxNativeForwardedHeadersFromOneProxyTests extends AbstractForwardedHeadersStrategyTests {

	WebFluxNativeForwardedHeadersFromOneProxyTests() {
		// Not protected: Reactor Netty believes both headers from every peer.
		super(EVERY_PEER, EVERY_PEER);
	}

}
