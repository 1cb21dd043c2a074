package io.github.upgraderequired.e2e;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The TLS scenarios on Spring WebFlux served by Tomcat: the TLS version and whether a
 * request was forwarded are read from the Servlet container's request.
 */
@SpringBootTest(classes = EndToEndApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", WebFluxOnTomcat.PROPERTIES })
@ActiveProfiles({ "e2e", "tls" })
class WebFluxOnTomcatTlsEndToEndTests extends AbstractTlsEndToEndTests implements WebFluxOnTomcat {

}
