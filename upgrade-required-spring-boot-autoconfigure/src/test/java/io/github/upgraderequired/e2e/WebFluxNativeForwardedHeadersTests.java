package io.github.upgraderequired.e2e;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The connection rules on Spring WebFlux (Reactor Netty) with {@code server.forward-headers-strategy=native}.
 */
@SpringBootTest(classes = EndToEndApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "server.forward-headers-strategy=native" })
@ActiveProfiles("e2e")
class WebFluxNativeForwardedHeadersTests extends AbstractForwardedHeadersStrategyTests {

}
