package io.github.upgraderequired.sample;

/**
 * The {@code tls} rows of the demo contract on Spring MVC (Tomcat).
 */
class WebMvcTlsSampleIT extends AbstractTlsSampleIT {

	@Override
	protected String profiles() {
		return "tls";
	}

	@Override
	protected String expectedServer() {
		return "Tomcat";
	}

}
