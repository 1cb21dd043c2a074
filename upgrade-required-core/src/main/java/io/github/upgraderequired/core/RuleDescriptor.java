package io.github.upgraderequired.core;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule as the engine runs it: its name, type, offered tokens and settings. Handed to
 * {@link DecisionListener listeners}, and a stable identity for per-rule state such as
 * meters.
 */
public final class RuleDescriptor {

	private final String name;

	private final String type;

	private final List<String> upgrade;

	private final RuleSettings settings;

	private final Map<String, Object> details;

	/**
	 * The verdict for a request the rule threw on, when the engine fails closed: told
	 * apart by identity, since such a refusal was counted as an error already.
	 */
	final Verdict failureVerdict;

	RuleDescriptor(String name, String type, List<String> upgrade, RuleSettings settings,
			Map<String, Object> details) {
		this.name = name;
		this.type = type;
		this.upgrade = List.copyOf(upgrade);
		this.settings = settings;
		// Kept in the rule's order, for the endpoint.
		this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
		this.failureVerdict = Verdict.upgrade(null, null)
			.withDetail("The request could not be checked by rule '" + name + "'.");
	}

	/**
	 * Return the rule's name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the rule's type.
	 * @return the type
	 */
	public String type() {
		return this.type;
	}

	/**
	 * Return the tokens the rule offers.
	 * @return the tokens
	 */
	public List<String> upgrade() {
		return this.upgrade;
	}

	/**
	 * Return the rule's settings.
	 * @return the settings
	 */
	public RuleSettings settings() {
		return this.settings;
	}

	/**
	 * Return what the rule requires, as {@link UpgradeRule#details()} says.
	 * @return the details
	 */
	public Map<String, Object> details() {
		return this.details;
	}

	/**
	 * Return the mode in force at an instant, after the rule's schedule.
	 * @param now the instant
	 * @return the mode
	 */
	public Mode modeAt(Instant now) {
		return this.settings.schedule().modeAt(now);
	}

	@Override
	public String toString() {
		return this.name + " (" + this.type + ")";
	}

}
