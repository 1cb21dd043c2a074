package io.github.upgraderequired.e2e;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end-to-end scenarios on Spring MVC, served by Tomcat.
 */
@SpringBootTest(classes = EndToEndApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=servlet")
@ActiveProfiles("e2e")
class WebMvcEndToEndTests extends AbstractEndToEndTests {

	@Test
	void runsOnTomcat() {
		assertThat(((WebServerApplicationContext) this.context).getWebServer().getClass().getSimpleName())
			.isEqualTo("TomcatWebServer");
	}

	// Tomcat ends a kept-alive connection after its 100th request, saying so in a second
	// Connection line after the 426's Connection: Upgrade. The JDK client reads only the
	// first line and may send the next request, a POST it would not retry, on the closed
	// connection: whether it does is a race, so what this test pins is that the suite's
	// client sees the close line (and then leaves that client's pool for a new one).
	@Test
	void theSuitesClientSeesTomcatCloseAKeptAliveConnectionAndMovesOn() throws Exception {
		int closes = 0;
		for (int i = 0; i < 150; i++) {
			HttpResult answer = Http.http11(this.port, "POST", "/secure/hello");
			assertThat(answer.status()).as("POST %s", i + 1).isEqualTo(426);
			if (Http.closesTheConnection(answer)) {
				assertThat(answer.headers("Connection")).containsExactly("Upgrade", "close");
				closes++;
			}
		}
		assertThat(closes).isPositive();
	}

}
