package io.github.upgraderequired.e2e;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The incident override and a configuration refresh on Spring WebFlux (Reactor Netty).
 */
@SpringBootTest(classes = { SecuredApplication.class, AbstractOverrideEndToEndTests.Auditing.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		args = "--spring.config.import=optional:file:./target/override-policy-webflux.properties",
		properties = { "spring.main.web-application-type=reactive", AbstractOverrideEndToEndTests.PROPERTIES })
class WebFluxOverrideEndToEndTests extends AbstractOverrideEndToEndTests {

}
