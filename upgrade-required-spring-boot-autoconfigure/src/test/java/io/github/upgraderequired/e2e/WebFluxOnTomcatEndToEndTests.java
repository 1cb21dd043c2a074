package io.github.upgraderequired.e2e;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The end-to-end scenarios on Spring WebFlux served by Tomcat.
 */
@SpringBootTest(classes = EndToEndApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", WebFluxOnTomcat.PROPERTIES })
@ActiveProfiles("e2e")
class WebFluxOnTomcatEndToEndTests extends AbstractEndToEndTests implements WebFluxOnTomcat {

}
