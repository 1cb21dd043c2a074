package io.github.upgraderequired.benchmarks;

import io.github.upgraderequired.autoconfigure.UpgradeRequiredAutoConfiguration;
import io.github.upgraderequired.autoconfigure.metrics.UpgradeRequiredMetricsAutoConfiguration;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.web.UpgradePipeline;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.reactive.GenericReactiveWebApplicationContext;
import org.springframework.boot.web.context.reactive.StandardReactiveWebEnvironment;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;

/**
 * The starter's beans as the sample application has them: built by the starter's own
 * auto-configurations from the sample's own {@code application.yml} (which the build
 * copies onto the class path as {@value #CONFIGURATION}) and nothing else, in a bare
 * web application context that starts no server. The Micrometer listener counts in the given registry,
 * and every rule's counters are registered up front, as the starter's meter binder does.
 */
final class SampleApp implements AutoCloseable {

	/**
	 * Where the build puts the sample's {@code application.yml} on the class path.
	 */
	static final String CONFIGURATION = "classpath:sample-app/application.yml";

	private final ConfigurableApplicationContext context;

	private SampleApp(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Build the starter's beans.
	 * @param registry the registry the starter counts in
	 * @return the running context
	 */
	static SampleApp start(MeterRegistry registry) {
		// Only the sample's settings: nothing from this JVM's system properties or
		// environment variables.
		StandardReactiveWebEnvironment environment = new StandardReactiveWebEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Starter.class)
			// A reactive web application whose context starts no server: the starter's
			// auto-configurations ask for a web application, and nothing here listens.
			.web(WebApplicationType.REACTIVE)
			.contextFactory((type) -> new GenericReactiveWebApplicationContext())
			.environment(environment)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.initializers((initialized) -> initialized.getBeanFactory().registerSingleton("meterRegistry", registry))
			.properties("spring.config.location=" + CONFIGURATION, "logging.level.root=warn")
			.run();
		context.getBeansOfType(MeterBinder.class).values().forEach((binder) -> binder.bindTo(registry));
		return new SampleApp(context);
	}

	/**
	 * Return the request pipeline the adapters call.
	 * @return the pipeline
	 */
	UpgradePipeline pipeline() {
		return this.context.getBean(UpgradePipeline.class);
	}

	/**
	 * Return the engine.
	 * @return the engine
	 */
	UpgradeEngine engine() {
		return this.context.getBean(UpgradeEngine.class);
	}

	@Override
	public void close() {
		this.context.close();
	}

	/**
	 * The starter's auto-configurations that build the engine, the renderer, the pipeline
	 * and the Micrometer listener; the web adapters are left out, as no request comes in
	 * through a server here.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ UpgradeRequiredAutoConfiguration.class, UpgradeRequiredMetricsAutoConfiguration.class })
	static class Starter {

	}

}
