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

	private final ConfigurableApplicationContext context;

	private RunningStack(String name, String type, ConfigurableApplicationContext context) {
		this.name = name;
		this.type = type;
		this.context = context;
	}

	static RunningStack webMvc() {
		return start("Spring MVC", "servlet", true);
	}

	static RunningStack webFlux() {
		return start("Spring WebFlux", "reactive", true);
	}

	/**
	 * The same application on the same stack with the starter switched off, to tell what
	 * the server and Spring do on their own.
	 */
	RunningStack withoutStarter() {
		return start(this.name + " without the starter", this.type, false);
	}

	private static RunningStack start(String name, String type, boolean enabled) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(EndToEndApplication.class)
			.profiles("e2e")
			.properties("spring.main.web-application-type=" + type, "server.port=0", "spring.main.banner-mode=off",
					"upgrade-required.enabled=" + enabled,
					// Thousands of malformed requests: the servers' and Spring's own notes
					// about each would drown the test's output; errors are still logged.
					"logging.level.reactor.netty.http.server.HttpServerOperations=error",
					"logging.level.org.apache.coyote.http11.Http11Processor=error",
					"logging.level.org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver=error")
			.run();
		return new RunningStack(name, type, context);
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
