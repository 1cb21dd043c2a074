package io.github.upgraderequired.core.rule;

import java.util.List;
import java.util.Set;

import io.github.upgraderequired.core.RuleSettings;
import io.github.upgraderequired.core.UpgradeRule;

/**
 * The parts every built-in rule holds alike: name, type, offered tokens, settings and the
 * request headers it reads. A rule adds only its check.
 */
public abstract class AbstractUpgradeRule implements UpgradeRule {

	private final String name;

	private final String type;

	private final List<String> upgrade;

	private final RuleSettings settings;

	private final Set<String> readHeaders;

	/**
	 * Create a new rule.
	 * @param name the rule's name
	 * @param type the rule's type
	 * @param upgrade the tokens to offer
	 * @param settings where and how the rule applies
	 * @param readHeaders the request headers the check reads, in a stable order
	 */
	protected AbstractUpgradeRule(String name, String type, List<String> upgrade, RuleSettings settings,
			Set<String> readHeaders) {
		this.name = name;
		this.type = type;
		this.upgrade = List.copyOf(upgrade);
		this.settings = settings;
		this.readHeaders = readHeaders;
	}

	@Override
	public final String name() {
		return this.name;
	}

	@Override
	public final String type() {
		return this.type;
	}

	@Override
	public final List<String> upgrade() {
		return this.upgrade;
	}

	@Override
	public final Set<String> readHeaders() {
		return this.readHeaders;
	}

	@Override
	public final RuleSettings settings() {
		return this.settings;
	}

	/**
	 * Return the configured tokens, or the given defaults when none are configured.
	 * @param configured the configured tokens, possibly empty
	 * @param defaults the rule type's own tokens
	 * @return the tokens to offer
	 */
	protected static List<String> orDefault(List<String> configured, List<String> defaults) {
		return configured.isEmpty() ? defaults : configured;
	}

	@Override
	public String toString() {
		return this.name + " (" + this.type + ")";
	}

}
