package io.github.upgraderequired.actuate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.github.upgraderequired.core.Mode;
import io.github.upgraderequired.core.ModeOverride;
import io.github.upgraderequired.core.RuleDescriptor;
import io.github.upgraderequired.core.RuleSettings;
import io.github.upgraderequired.core.Schedule;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.web.UpgradePipeline;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;

/**
 * The {@code upgraderequired} endpoint: every rule with its type, its configured mode,
 * an operator's override and its mode now, its dates, requirements, paths, exemptions
 * and, with metrics, its counts.
 * <p>
 * Its write operation sets a rule's mode over its configuration, now and optionally
 * until an instant (an incident override); its delete operation clears that. Both are
 * refused unless the application grants write access
 * ({@code management.endpoint.upgraderequired.access=unrestricted}); each change is
 * logged at INFO and published as an {@link AuditApplicationEvent} of type
 * {@value #OVERRIDE_SET} or {@value #OVERRIDE_CLEARED}, with the principal of the
 * operation. Overrides live in memory: a configuration refresh keeps them, a restart
 * drops them.
 */
@Endpoint(id = "upgraderequired", defaultAccess = Access.READ_ONLY)
public class UpgradeRequiredEndpoint implements ApplicationEventPublisherAware {

	/**
	 * The audit event type of an override set.
	 */
	public static final String OVERRIDE_SET = "UPGRADE_REQUIRED_OVERRIDE_SET";

	/**
	 * The audit event type of an override cleared.
	 */
	public static final String OVERRIDE_CLEARED = "UPGRADE_REQUIRED_OVERRIDE_CLEARED";

	private static final Log logger = LogFactory.getLog(UpgradeRequiredEndpoint.class);

	/**
	 * The longest part of a request's value echoed in a reason.
	 */
	private static final int MAX_ECHO = 64;

	private final Supplier<UpgradeEngine> engine;

	private final @Nullable UpgradePipeline pipeline;

	private final @Nullable RuleCounts counts;

	private @Nullable ApplicationEventPublisher eventPublisher;

	/**
	 * Create a new endpoint that describes one engine, and cannot change it.
	 * @param engine the engine
	 * @param counts the rules' counts, or {@code null} without metrics
	 */
	public UpgradeRequiredEndpoint(UpgradeEngine engine, @Nullable RuleCounts counts) {
		this(() -> engine, null, counts);
	}

	/**
	 * Create a new endpoint that describes the policy in force in a pipeline, whichever it
	 * is when asked.
	 * @param pipeline the pipeline
	 * @param counts the rules' counts, or {@code null} without metrics
	 */
	public UpgradeRequiredEndpoint(UpgradePipeline pipeline, @Nullable RuleCounts counts) {
		this(pipeline::engine, pipeline, counts);
	}

	private UpgradeRequiredEndpoint(Supplier<UpgradeEngine> engine, @Nullable UpgradePipeline pipeline,
			@Nullable RuleCounts counts) {
		this.engine = engine;
		this.pipeline = pipeline;
		this.counts = counts;
	}

	@Override
	public void setApplicationEventPublisher(ApplicationEventPublisher eventPublisher) {
		this.eventPublisher = eventPublisher;
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
		report.put("rules", engine.rules().stream().map((rule) -> describe(engine, rule, now)).toList());
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
			.map((rule) -> describe(engine, rule, now))
			.orElse(null);
	}

	/**
	 * Set a rule's mode over its configuration, from now on, until the override is
	 * cleared or until an instant. A rule that is off in its configuration stays off.
	 * @param name the rule's name
	 * @param mode {@code enforce}, {@code warn}, {@code report} or {@code off}
	 * @param until the instant the override ends (ISO-8601, such as
	 * {@code 2026-12-24T18:00:00Z}), or {@code null} until it is cleared
	 * @param securityContext the operation's security context, for who set it
	 * @return the rule's description with its override
	 * @throws InvalidEndpointRequestException if there is no such rule or mode, or if
	 * {@code until} is not an instant in the future
	 */
	@WriteOperation
	public Map<String, Object> setOverride(@Selector String name, String mode, @Nullable String until,
			SecurityContext securityContext) {
		UpgradePipeline pipeline = changeablePipeline();
		RuleDescriptor rule = knownRule(pipeline.engine(), name);
		Mode parsedMode = parseMode(mode);
		Instant now = pipeline.engine().clock().instant();
		Instant end = parseUntil(until, now);
		String principal = principal(securityContext);
		ModeOverride override = new ModeOverride(parsedMode, end, now, principal);
		ModeOverride previous = pipeline.override(rule.name(), override);
		String change = "set to " + lower(parsedMode) + ((end != null) ? " until " + end : " until cleared");
		logger.info("upgrade-required: rule '" + rule.name() + "' " + change + " by " + printable(principal)
				+ " (its configuration says " + lower(rule.settings().schedule().mode())
				+ ((rule.settings().schedule().mode() == Mode.OFF) ? ", which wins over any override" : "")
				+ ((previous != null) ? "; replaces an override to " + lower(previous.mode()) : "") + ")");
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("rule", rule.name());
		data.put("mode", lower(parsedMode));
		putIfPresent(data, "until", end);
		if (previous != null) {
			data.put("previous", describe(previous));
		}
		audit(principal, OVERRIDE_SET, data);
		return describe(pipeline.engine(), rule, now);
	}

	/**
	 * Clear a rule's override: its configuration alone decides again.
	 * @param name the rule's name
	 * @param securityContext the operation's security context, for who cleared it
	 * @return the rule's description
	 * @throws InvalidEndpointRequestException if there is no such rule
	 */
	@DeleteOperation
	public Map<String, Object> clearOverride(@Selector String name, SecurityContext securityContext) {
		UpgradePipeline pipeline = changeablePipeline();
		RuleDescriptor rule = knownRule(pipeline.engine(), name);
		String principal = principal(securityContext);
		ModeOverride previous = pipeline.clearOverride(rule.name());
		Instant now = pipeline.engine().clock().instant();
		if (previous != null) {
			logger.info("upgrade-required: rule '" + rule.name() + "' override to " + lower(previous.mode())
					+ " cleared by " + printable(principal) + "; its configuration decides again");
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("rule", rule.name());
			data.put("previous", describe(previous));
			audit(principal, OVERRIDE_CLEARED, data);
		}
		return describe(pipeline.engine(), rule, now);
	}

	private UpgradePipeline changeablePipeline() {
		if (this.pipeline == null) {
			throw new InvalidEndpointRequestException("This endpoint describes a fixed engine",
					"This endpoint describes a fixed engine and cannot change it");
		}
		return this.pipeline;
	}

	private static RuleDescriptor knownRule(UpgradeEngine engine, String name) {
		for (RuleDescriptor rule : engine.rules()) {
			if (rule.name().equals(name)) {
				return rule;
			}
		}
		String rules = engine.rules().stream().map(RuleDescriptor::name).collect(Collectors.joining(", "));
		String reason = "There is no rule named '" + echo(name) + "'; "
				+ (rules.isEmpty() ? "no rules are configured" : "the rules are: " + rules);
		throw new InvalidEndpointRequestException(reason, reason);
	}

	private static Mode parseMode(String mode) {
		for (Mode candidate : Mode.values()) {
			if (candidate.name().equalsIgnoreCase(mode.trim())) {
				return candidate;
			}
		}
		String reason = "Unknown mode '" + echo(mode) + "'; use one of enforce, warn, report, off";
		throw new InvalidEndpointRequestException(reason, reason);
	}

	private static @Nullable Instant parseUntil(@Nullable String until, Instant now) {
		if (until == null || until.isBlank()) {
			return null;
		}
		Instant end;
		try {
			end = OffsetDateTime.parse(until.trim()).toInstant();
		}
		catch (DateTimeParseException ex) {
			String reason = "'until' is not an instant: '" + echo(until)
					+ "'; give one with its offset, such as 2026-12-24T18:00:00Z";
			throw new InvalidEndpointRequestException(reason, reason);
		}
		if (!end.isAfter(now)) {
			String reason = "'until' (" + end + ") is not in the future; it is now " + now;
			throw new InvalidEndpointRequestException(reason, reason);
		}
		return end;
	}

	private static @Nullable String principal(SecurityContext securityContext) {
		return (securityContext.getPrincipal() != null) ? securityContext.getPrincipal().getName() : null;
	}

	private void audit(@Nullable String principal, String type, Map<String, Object> data) {
		ApplicationEventPublisher eventPublisher = this.eventPublisher;
		if (eventPublisher != null) {
			eventPublisher.publishEvent(new AuditApplicationEvent(principal, type, data));
		}
	}

	/**
	 * Return a value from a request for a reason: cut short, without control characters.
	 */
	private static String echo(String value) {
		String shown = (value.length() > MAX_ECHO) ? value.substring(0, MAX_ECHO) + "..." : value;
		return printable(shown);
	}

	/**
	 * Return a value for a log line: {@code an anonymous caller} for none, control
	 * characters replaced so that it cannot start another line.
	 */
	private static String printable(@Nullable String value) {
		if (value == null) {
			return "an anonymous caller";
		}
		StringBuilder printable = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			printable.append(Character.isISOControl(c) ? '\uFFFD' : c);
		}
		return printable.toString();
	}

	private static Map<String, Object> describe(ModeOverride override) {
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("mode", lower(override.mode()));
		putIfPresent(description, "until", override.until());
		description.put("since", override.since().toString());
		putIfPresent(description, "by", override.principal());
		return description;
	}

	private Map<String, Object> describe(UpgradeEngine engine, RuleDescriptor rule, Instant now) {
		RuleSettings settings = rule.settings();
		Schedule schedule = settings.schedule();
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("name", rule.name());
		description.put("type", rule.type());
		description.put("mode", lower(schedule.mode()));
		ModeOverride override = engine.overrides().get(rule.name());
		if (override != null && override.isActiveAt(now)) {
			description.put("override", describe(override));
		}
		description.put("modeNow", lower(engine.modeAt(rule.name(), now)));
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
