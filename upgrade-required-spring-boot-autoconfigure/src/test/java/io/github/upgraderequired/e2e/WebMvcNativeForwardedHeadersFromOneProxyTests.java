package io.github.upgraderequired.e2e;

import java.util.List;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The connection rules on Spring MVC (Tomcat) with {@code server.forward-headers-strategy=native}
 * and Tomcat's internal proxies narrowed to 127.0.0.1: a client at another address cannot
 * claim https.
 */
@SpringBootTest(classes = EndToEndApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "server.forward-headers-strategy=native",
				"server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.1" })
@ActiveProfiles("e2e")
class WebMvcNativeForwardedHeadersFromOneProxyTests extends AbstractForwardedHeadersStrategyTests {

	WebMvcNativeForwardedHeadersFromOneProxyTests() {
		// Tomcat believes X-Forwarded-Proto from its one internal proxy only, and does not read
		// Forwarded at all.
		super(List.of(TRUSTED_PEER), NO_PEER);
	}

}
