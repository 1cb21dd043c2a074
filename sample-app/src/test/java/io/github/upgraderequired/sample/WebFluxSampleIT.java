package io.github.upgraderequired.sample;

/**
 * The demo contract on Spring WebFlux (Reactor Netty), with the {@code webflux} profile.
 */
class WebFluxSampleIT extends AbstractPlainSampleIT {

	@Override
	protected String profiles() {
		return "webflux";
	}

	@Override
	protected String expectedServer() {
		return "Netty";
	}

}
