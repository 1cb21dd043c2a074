package io.github.upgraderequired.sample;

/**
 * The {@code tls} rows of the demo contract on Spring WebFlux (Reactor Netty).
 */
class WebFluxTlsSampleIT extends AbstractTlsSampleIT {

	@Override
	protected String profiles() {
		return "webflux,tls";
	}

	@Override
	protected String expectedServer() {
		return "Netty";
	}

}
