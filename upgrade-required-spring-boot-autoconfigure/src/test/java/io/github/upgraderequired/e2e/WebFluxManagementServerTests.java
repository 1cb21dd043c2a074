package io.github.upgraderequired.e2e;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * A management server of its own on Spring WebFlux (Reactor Netty). The test classpath
 * has Tomcat too, whose reactive management context would clash with Netty's.
 */
@SpringBootTest(classes = EndToEndApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", AbstractManagementServerTests.SEPARATE_MANAGEMENT_SERVER,
				AbstractManagementServerTests.MANAGE_BASE_PATH,
				"spring.autoconfigure.exclude=org.springframework.boot.tomcat.autoconfigure.actuate.web.server."
						+ "TomcatReactiveManagementContextAutoConfiguration" })
@ActiveProfiles("e2e")
class WebFluxManagementServerTests extends AbstractManagementServerTests {

}
