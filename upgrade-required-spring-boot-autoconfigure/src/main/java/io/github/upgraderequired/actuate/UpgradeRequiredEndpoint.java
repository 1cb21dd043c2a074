package io.github.upgraderequired.actuate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.github.upgraderequired.core.RuleDescriptor;
import io.github.upgraderequired.core.RuleSettings;
import io.github.upgraderequired.core.Schedule;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.web.UpgradePipeline;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The {@code upgraderequired} endpoint: every rule with its type, its configured mode and
 * its mode now after its schedule, its dates, requirements, paths, exemptions and, with
 * metrics, its counts.
 */
@Endpoint(id = "upgraderequired")
public class UpgradeRequiredEndpoint {

	private final Supplier<UpgradeEngine> engine;

	private final @Nullable RuleCounts counts;

	/**
	 * Create a new endpoint that describes one engine.
	 * @param engine the engine
	 * @param counts the rules' counts, or {@code null} without metrics
	 */
	public UpgradeRequiredEndpoint(UpgradeEngine engine, @Nullable RuleCounts counts) {
		this(() -> engine, counts);
	}

	/**
	 * Create a new endpoint that describes the policy in force in a pipeline, whichever it
	 * is when asked.
	 * @param pipeline the pipeline
	 * @param counts the rules' counts, or {@code null} without metrics
	 */
	public UpgradeRequiredEndpoint(UpgradePipeline pipeline, @Nullable RuleCounts counts) {
		this(pipeline::engine, counts);
	}

	private UpgradeRequiredEndpoint(Supplier<UpgradeEngine> engine, @Nullable RuleCounts counts) {
		this.engine = engine;
		this.counts = counts;
	}

	/**
	 * Describe every rule, in evaluation order.
	 * @return the description
	 */
	@ReadOperation
	public Map<String, Object> rules() {
		UpgradeEngine engine = this.engine.get();
		Instant now = engine.clock().instant();
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("now", now.toString());
		report.put("rules", engine.rules().stream().map((rule) -> describe(rule, now)).toList());
		return report;
	}

	/**
	 * Describe one rule.
	 * @param name the rule's name
	 * @return the description, or {@code null} (404) if there is no such rule
	 */
	@ReadOperation
	public @Nullable Map<String, Object> rule(@Selector String name) {
		UpgradeEngine engine = this.engine.get();
		Instant now = engine.clock().instant();
		return engine.rules()
			.stream()
			.filter((rule) -> rule.name().equals(name))
			.findFirst()
			.map((rule) -> describe(rule, now))
			.orElse(null);
	}

	private Map<String, Object> describe(RuleDescriptor rule, Instant now) {
		RuleSettings settings = rule.settings();
		Schedule schedule = settings.schedule();
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("name", rule.name());
		description.put("type", rule.type());
		description.put("mode", lower(schedule.mode()));
		description.put("modeNow", lower(rule.modeAt(now)));
		putIfPresent(description, "warnFrom", schedule.warnFrom());
		putIfPresent(description, "enforceFrom", schedule.enforceFrom());
		putIfPresent(description, "deprecation", settings.deprecation());
		description.put("status", settings.status());
		description.put("upgrade", rule.upgrade());
		// A rule's own details never replace what every rule reports.
		rule.details().forEach(description::putIfAbsent);
		description.put("paths", settings.paths().isEmpty() ? List.of("/**") : settings.paths());
		putIfNotEmpty(description, "excludePaths", settings.excludePaths());
		putIfNotEmpty(description, "methods", settings.methods());
		Map<String, Object> exempt = new LinkedHashMap<>();
		putIfNotEmpty(exempt, "addresses", settings.exemptAddresses());
		// The header's name only: its value is a secret.
		putIfPresent(exempt, "header", settings.exemptHeaderName());
		putIfNotEmpty(description, "exempt", exempt);
		description.put("unknown", lower(settings.unknown()));
		putIfPresent(description, "documentation", settings.documentation());
		if (this.counts != null) {
			description.put("counts", this.counts.countsOf(rule.name()));
		}
		return description;
	}

	private static String lower(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	private static void putIfPresent(Map<String, Object> map, String key, @Nullable Object value) {
		if (value != null) {
			map.put(key, (value instanceof Instant instant) ? instant.toString() : value);
		}
	}

	private static void putIfNotEmpty(Map<String, Object> map, String key, Object value) {
		boolean empty = (value instanceof List<?> list && list.isEmpty()) || (value instanceof Map<?, ?> m && m.isEmpty());
		if (!empty) {
			map.put(key, value);
		}
	}

}
