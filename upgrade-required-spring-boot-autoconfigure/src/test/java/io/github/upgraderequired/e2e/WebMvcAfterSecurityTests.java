package io.github.upgraderequired.e2e;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * On Spring MVC (Tomcat), the upgrade check runs after Spring Security by default.
 */
@SpringBootTest(classes = SecuredApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "spring.security.user.name=user",
				"spring.security.user.password={noop}secret",
				"upgrade-required.rules.http-1-1.type=http-version" })
class WebMvcAfterSecurityTests extends AbstractSecurityOrderTests {

	@Override
	int expectedStatusOfAnOutdatedUnauthenticatedClient() {
		return 401;
	}

}
