package io.github.upgraderequired.e2e;

import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.render.UpgradeResponseRenderer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The end-to-end application of the {@code e2e} profile started on one stack, on a free
 * port, for tests that cannot use Spring's test context (the property-based ones, which
 * run on jqwik's engine).
 */
final class RunningStack implements AutoCloseable {

	private final String name;

	private final ConfigurableApplicationContext context;

	private RunningStack(String name, ConfigurableApplicationContext context) {
		this.name = name;
		this.context = context;
	}

	static RunningStack webMvc() {
		return start("Spring MVC", "servlet");
	}

	static RunningStack webFlux() {
		return start("Spring WebFlux", "reactive");
	}

	private static RunningStack start(String name, String type) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(EndToEndApplication.class)
			.profiles("e2e")
			.properties("spring.main.web-application-type=" + type, "server.port=0", "spring.main.banner-mode=off")
			.run();
		return new RunningStack(name, context);
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
