package io.github.upgraderequired.e2e;

import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.render.UpgradeResponseRenderer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The end-to-end application of the {@code e2e} profile started on one stack, on a free
 * port, for tests that need several applications at once (the property-based ones run
 * both stacks side by side, and each stack without the starter when they must tell the
 * server's own failures from the starter's).
 */
final class RunningStack implements AutoCloseable {

	private final String name;

	private final String type;

	private final boolean tls;

	private final ConfigurableApplicationContext context;

	private RunningStack(String name, String type, boolean tls, ConfigurableApplicationContext context) {
		this.name = name;
		this.type = type;
		this.tls = tls;
		this.context = context;
	}

	static RunningStack webMvc() {
		return start("Spring MVC", "servlet", false, true);
	}

	static RunningStack webFlux() {
		return start("Spring WebFlux", "reactive", false, true);
	}

	/**
	 * Spring MVC over TLS, with the {@code tls} profile (its test certificate and its rule)
	 * as well.
	 */
	static RunningStack webMvcTls() {
		return start("Spring MVC over TLS", "servlet", true, true);
	}

	/**
	 * Spring WebFlux over TLS, with the {@code tls} profile as well.
	 */
	static RunningStack webFluxTls() {
		return start("Spring WebFlux over TLS", "reactive", true, true);
	}

	/**
	 * The same application on the same stack with the starter switched off, to tell what
	 * the server and Spring do on their own.
	 */
	RunningStack withoutStarter() {
		return start(this.name + " without the starter", this.type, this.tls, false);
	}

	private static RunningStack start(String name, String type, boolean tls, boolean enabled) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(EndToEndApplication.class)
			.profiles(tls ? new String[] { "e2e", "tls" } : new String[] { "e2e" })
			.properties("spring.main.web-application-type=" + type, "server.port=0", "spring.main.banner-mode=off",
					"upgrade-required.enabled=" + enabled,
					// Thousands of malformed requests: the servers' and Spring's own notes
					// about each would drown the test's output; errors are still logged.
					"logging.level.reactor.netty.http.server.HttpServerOperations=error",
					"logging.level.org.apache.coyote.http11.Http11Processor=error",
					"logging.level.org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver=error")
			.run();
		return new RunningStack(name, type, tls, context);
	}

	/**
	 * Return whether the server speaks TLS (and runs the {@code tls} profile).
	 */
	boolean tls() {
		return this.tls;
	}

	int port() {
		return Integer.parseInt(this.context.getEnvironment().getRequiredProperty("local.server.port"));
	}

	UpgradeEngine engine() {
		return this.context.getBean(UpgradeEngine.class);
	}

	UpgradeResponseRenderer renderer() {
		return this.context.getBean(UpgradeResponseRenderer.class);
	}

	@Override
	public void close() {
		this.context.close();
	}

	@Override
	public String toString() {
		return this.name;
	}

}
