package io.github.upgraderequired.e2e;

/**
 * A replacement HTML page that is missing or cannot serve, on Spring MVC (Tomcat).
 */
class WebMvcUpgradePageEndToEndTests extends AbstractUpgradePageEndToEndTests {

	WebMvcUpgradePageEndToEndTests() {
		super("servlet");
	}

}
