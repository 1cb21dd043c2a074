package io.github.upgraderequired.autoconfigure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.upgraderequired.core.RuleDescriptor;
import io.github.upgraderequired.core.RuleSettings;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.event.UpgradeRequiredPolicyEvent;
import io.github.upgraderequired.web.UpgradePipeline;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

/**
 * Puts a changed configuration in force while the application runs: on Spring Cloud's
 * {@link EnvironmentChangeEvent} (after {@code /actuator/refresh}, a Spring Cloud Bus
 * message, a Config Server change) that touches {@code upgrade-required.*}, binds the
 * properties afresh from the environment, checks and compiles them exactly as start-up
 * does, and swaps the compiled policy into the pipeline. A configuration that fails
 * leaves the last good policy in force, and the reason is logged at WARN as the failure
 * analysis at start-up would give it. Either way an {@link UpgradeRequiredPolicyEvent} is
 * published.
 * <p>
 * Properties read where beans are created ({@code enabled}, {@code before-security},
 * {@code filter-order}, {@code client.*}, {@code proxy.restrict-netty-forwarding},
 * {@code response.*}, {@code refresh.*}) take effect at the next start; a change to them is logged as such.
 * <p>
 * Runs first among the listeners of the event, before Spring Cloud rebinds the
 * {@code @ConfigurationProperties} beans (whose failure would otherwise stop the others),
 * and only for the events of its own application context.
 */
final class ConfigurationRefresh implements ApplicationListener<EnvironmentChangeEvent>, Ordered {

	private static final Log logger = LogFactory.getLog(ConfigurationRefresh.class);

	/**
	 * The starter's keys, in the uniform form that compares a property and an environment
	 * variable (UPGRADE_REQUIRED_ENABLED, upgrade-required.enabled, upgradeRequired.enabled).
	 */
	private static final String OURS = uniform(UpgradeRequiredProperties.PREFIX);

	/**
	 * The settings read only where beans are created, each a key or a group, in the
	 * uniform form.
	 */
	private static final List<String> RESTART_ONLY = List.of("enabled", "before-security", "filter-order", "client",
			"proxy.restrict-netty-forwarding", "response", "refresh").stream().map((key) -> OURS + uniform(key)).toList();

	private final UpgradePipeline pipeline;

	private final PolicyCompiler compiler;

	private final ConfigurableApplicationContext context;

	ConfigurationRefresh(UpgradePipeline pipeline, PolicyCompiler compiler, ConfigurableApplicationContext context) {
		this.pipeline = pipeline;
		this.compiler = compiler;
		this.context = context;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void onApplicationEvent(EnvironmentChangeEvent event) {
		// A child context's change reaches the parent's listeners too: it is the child's.
		if (event.getSource() != this.context) {
			return;
		}
		Set<String> keys = event.getKeys()
			.stream()
			.filter((key) -> uniform(key).startsWith(OURS))
			.collect(Collectors.toCollection(TreeSet::new));
		if (keys.isEmpty()) {
			return;
		}
		List<String> restartOnly = keys.stream().filter(ConfigurationRefresh::isRestartOnly).toList();
		if (!restartOnly.isEmpty()) {
			logger.info("upgrade-required: " + restartOnly + " changed; these take effect when the application "
					+ "restarts");
		}
		if (restartOnly.size() < keys.size()) {
			refresh(keys);
		}
	}

	/**
	 * Compile the configuration as it is now and put it in force, or keep the policy in
	 * force if it fails.
	 */
	private synchronized void refresh(Set<String> keys) {
		UpgradeEngine engine;
		try {
			engine = this.compiler.recompile();
		}
		catch (RuntimeException ex) {
			String failure = describe(ex);
			logger.warn("upgrade-required: the changed configuration is not applied, the rules in force stay as "
					+ "they were.\n" + failure);
			publish(UpgradeRequiredPolicyEvent.rejected(this.context, keys, failure));
			return;
		}
		UpgradeEngine previous = this.pipeline.swap(engine);
		Map<String, RuleDescriptor> before = byName(previous.rules());
		Map<String, RuleDescriptor> after = byName(engine.rules());
		List<String> added = new ArrayList<>();
		List<String> changed = new ArrayList<>();
		after.forEach((name, rule) -> {
			RuleDescriptor old = before.get(name);
			if (old == null) {
				added.add(name);
			}
			else if (!fingerprint(old).equals(fingerprint(rule))) {
				changed.add(name);
			}
		});
		List<String> removed = before.keySet().stream().filter((name) -> !after.containsKey(name)).toList();
		logger.info("upgrade-required: the changed configuration is in force (rules added " + added + ", removed "
				+ removed + ", changed " + changed + ")");
		logger.info(RulesSummary.of(engine));
		publish(UpgradeRequiredPolicyEvent.applied(this.context, keys, engine.rules(), added, removed, changed));
	}

	private void publish(UpgradeRequiredPolicyEvent event) {
		try {
			this.context.publishEvent(event);
		}
		catch (RuntimeException ex) {
			// The policy is decided; a listener's failure is not the configuration's.
			logger.warn("upgrade-required: a listener of the policy change failed", ex);
		}
	}

	/**
	 * Describe a failure as Spring Boot's failure analysis at start-up would: the first
	 * analyzer registered that knows it (the starter's own, then Spring Boot's).
	 */
	private String describe(RuntimeException ex) {
		ArgumentResolver arguments = ArgumentResolver.of(Environment.class, this.context.getEnvironment())
			.and(BeanFactory.class, this.context.getBeanFactory());
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader
			.forDefaultResourceLocation(getClass().getClassLoader())
			.load(FailureAnalyzer.class, arguments, FailureHandler.logging(logger));
		for (FailureAnalyzer analyzer : analyzers) {
			FailureAnalysis analysis = analyzer.analyze(ex);
			if (analysis != null) {
				return "Description:\n\n" + analysis.getDescription()
						+ ((analysis.getAction() != null) ? "\n\nAction:\n\n" + analysis.getAction() : "");
			}
		}
		return String.valueOf(ex);
	}

	private static boolean isRestartOnly(String key) {
		String uniform = uniform(key);
		return RESTART_ONLY.stream().anyMatch(uniform::startsWith);
	}

	/**
	 * Return a key in Spring Boot's uniform form without the dots either, so that an
	 * environment variable's name compares with a property's.
	 */
	private static String uniform(String key) {
		return ConfigurationKeys.uniform(key).replace(".", "");
	}

	private static Map<String, RuleDescriptor> byName(List<RuleDescriptor> rules) {
		return rules.stream()
			.collect(Collectors.toMap(RuleDescriptor::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
	}

	/**
	 * What a rule is, to tell a changed rule from one left as it was.
	 */
	private static List<@Nullable Object> fingerprint(RuleDescriptor rule) {
		RuleSettings settings = rule.settings();
		return Arrays.asList(rule.type(), rule.upgrade(), rule.details(), settings.schedule(),
				settings.deprecation(), settings.documentation(), settings.paths(), settings.excludePaths(),
				settings.methods(), settings.exemptAddresses(), settings.exemptHeaderName(),
				settings.exemptHeaderValue(), settings.unknown(), settings.status());
	}

}
