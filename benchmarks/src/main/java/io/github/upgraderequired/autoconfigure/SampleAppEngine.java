package io.github.upgraderequired.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.github.upgraderequired.core.DecisionListener;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.core.UpgradeRule;
import io.github.upgraderequired.event.EventPublishingDecisionListener;
import io.github.upgraderequired.metrics.MeterDecisionListener;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Builds the engine the sample application runs, the way
 * {@link UpgradeRequiredAutoConfiguration} and the metrics auto-configuration build it:
 * the {@code upgrade-required} section of the sample's {@code application.yml} (a copy in
 * {@value #CONFIGURATION}) bound to {@link UpgradeRequiredProperties} by Spring Boot's
 * {@link Binder}, the rules created by {@link PropertiesRules}, the default exclusions of
 * an environment with the sample's (default) management base path, the event publisher
 * of a context without listeners and the Micrometer listener, whose counters are
 * registered up front as its meter binder does. Lives in the auto-configuration's package
 * to reach its package-private classes.
 */
public final class SampleAppEngine {

	/**
	 * The class-path resource holding the copy of the sample's configuration.
	 */
	public static final String CONFIGURATION = "sample-upgrade-required.yml";

	/**
	 * The sample's configuration, relative to the repository root.
	 */
	private static final Path SAMPLE_CONFIGURATION = Path.of("sample-app/src/main/resources/application.yml");

	private final UpgradeEngine engine;

	private final List<String> excludePaths;

	private SampleAppEngine(UpgradeEngine engine, List<String> excludePaths) {
		this.engine = engine;
		this.excludePaths = excludePaths;
	}

	/**
	 * Build the engine, counting in the given registry. When run from the repository
	 * root, first check that the copy of the configuration still matches the sample's.
	 * @param registry the registry of the Micrometer listener
	 * @return the engine and its exclusions
	 * @throws IllegalStateException if the copy no longer matches the sample's
	 */
	public static SampleAppEngine create(MeterRegistry registry) {
		String configuration = read();
		checkAgainstSample(configuration);
		StandardEnvironment environment = new StandardEnvironment();
		MutablePropertySources sources = environment.getPropertySources();
		// Only the sample's settings: nothing from this JVM's properties or environment.
		sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		for (PropertySource<?> source : load()) {
			sources.addLast(source);
		}
		UpgradeRequiredProperties properties = Binder.get(environment)
			.bind(UpgradeRequiredProperties.PREFIX, Bindable.ofInstance(new UpgradeRequiredProperties()))
			.orElseThrow(() -> new IllegalStateException(CONFIGURATION + " has no upgrade-required section"));
		SpringPathMatcherCompiler compiler = new SpringPathMatcherCompiler();
		// The sample configures no API versioning of Spring's, and its api-version rule
		// names its own header: the auto-configuration passes no versioning either.
		List<UpgradeRule> rules = new PropertiesRules(compiler, null).create(properties);
		List<String> excludePaths = new ArrayList<>(DefaultExclusions.of(environment));
		excludePaths.addAll(properties.getExcludePaths());
		GenericApplicationContext context = new GenericApplicationContext();
		context.refresh();
		MeterDecisionListener meters = new MeterDecisionListener(registry);
		// The listener beans in bean-definition order, as orderedStream() gives them.
		List<DecisionListener> listeners = List.of(new EventPublishingDecisionListener(context), meters);
		UpgradeEngine engine = UpgradeEngine.builder(compiler)
			.rules(rules)
			.excludePaths(excludePaths)
			.clock(Clock.systemUTC())
			.failClosed(properties.isFailClosed())
			.listeners(listeners)
			.build();
		meters.register(engine.rules());
		return new SampleAppEngine(engine, List.copyOf(excludePaths));
	}

	/**
	 * Return the engine.
	 * @return the engine
	 */
	public UpgradeEngine engine() {
		return this.engine;
	}

	/**
	 * Return the path patterns the engine excludes, defaults first.
	 * @return the patterns
	 */
	public List<String> excludePaths() {
		return this.excludePaths;
	}

	private static List<PropertySource<?>> load() {
		try {
			return new YamlPropertySourceLoader().load(CONFIGURATION, new ClassPathResource(CONFIGURATION));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + CONFIGURATION, ex);
		}
	}

	private static String read() {
		try (InputStream in = new ClassPathResource(CONFIGURATION).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + CONFIGURATION, ex);
		}
	}

	/**
	 * Compare the copy with the sample's own section, from {@code upgrade-required:} to
	 * the next line that is not indented; skipped when not run from the repository root.
	 */
	private static void checkAgainstSample(String configuration) {
		if (!Files.isRegularFile(SAMPLE_CONFIGURATION)) {
			return;
		}
		List<String> sample;
		try {
			sample = Files.readAllLines(SAMPLE_CONFIGURATION, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + SAMPLE_CONFIGURATION.toAbsolutePath(), ex);
		}
		if (!section(sample).equals(section(configuration.lines().toList()))) {
			throw new IllegalStateException("The upgrade-required section of " + SAMPLE_CONFIGURATION.toAbsolutePath()
					+ " differs from its copy in benchmarks/src/main/resources/" + CONFIGURATION
					+ ": copy it again so that the benchmark runs the sample's configuration");
		}
	}

	private static List<String> section(List<String> lines) {
		List<String> section = new ArrayList<>();
		boolean inside = false;
		for (String line : lines) {
			if (line.equals("upgrade-required:")) {
				inside = true;
			}
			else if (inside && !line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
				break;
			}
			if (inside && !line.isBlank()) {
				section.add(line.stripTrailing());
			}
		}
		return section;
	}

}
