package io.github.upgraderequired.e2e;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every end-to-end scenario on Spring WebFlux (Reactor Netty), with the filter ordered of
 * {@code upgrade-required.before-security}: the same answers as by default.
 */
@SpringBootTest(classes = EndToEndApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "upgrade-required.before-security=true" })
@ActiveProfiles("e2e")
class WebFluxBeforeSecurityEndToEndTests extends AbstractEndToEndTests {

}
