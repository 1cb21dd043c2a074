package io.github.upgraderequired.sample;

/**
 * The demo contract on Spring MVC (Tomcat), the sample's default.
 */
class WebMvcSampleIT extends AbstractPlainSampleIT {

	@Override
	protected String profiles() {
		return "";
	}

	@Override
	protected String expectedServer() {
		return "Tomcat";
	}

}
