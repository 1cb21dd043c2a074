package io.github.upgraderequired.e2e;

/**
 * A replacement HTML page that is missing or cannot serve, on Spring WebFlux (Reactor Netty).
 */
class WebFluxUpgradePageEndToEndTests extends AbstractUpgradePageEndToEndTests {

	WebFluxUpgradePageEndToEndTests() {
		super("reactive");
	}

}
