package io.github.upgraderequired.event;

import io.github.upgraderequired.core.Outcome;
import io.github.upgraderequired.core.RuleDescriptor;

import org.springframework.context.ApplicationEvent;

/**
 * Published when a rule rejects a request or warns it, for teams that want their own hook
 * (audit logs, alerts). Listeners run on the request thread, so they should be quick or
 * hand the work on.
 */
public class UpgradeRequiredEvent extends ApplicationEvent {

	private final RuleDescriptor rule;

	private final Outcome outcome;

	private final String path;

	private final String client;

	/**
	 * Create a new event.
	 * @param rule the rule
	 * @param outcome {@link Outcome#REJECTED} or {@link Outcome#WARNED}
	 * @param path the request's path within the application
	 * @param client the kind of client, as the {@code client} metric tag names it
	 */
	public UpgradeRequiredEvent(RuleDescriptor rule, Outcome outcome, String path, String client) {
		super(rule);
		this.rule = rule;
		this.outcome = outcome;
		this.path = path;
		this.client = client;
	}

	/**
	 * Return the rule.
	 * @return the rule
	 */
	public RuleDescriptor getRule() {
		return this.rule;
	}

	/**
	 * Return the rule's name.
	 * @return the name
	 */
	public String getRuleName() {
		return this.rule.name();
	}

	/**
	 * Return the rule's type.
	 * @return the type
	 */
	public String getRuleType() {
		return this.rule.type();
	}

	/**
	 * Return what the rule did.
	 * @return the outcome
	 */
	public Outcome getOutcome() {
		return this.outcome;
	}

	/**
	 * Return the request's path within the application.
	 * @return the path
	 */
	public String getPath() {
		return this.path;
	}

	/**
	 * Return the kind of client.
	 * @return the client, such as {@code ios}, {@code chrome} or {@code other}
	 */
	public String getClient() {
		return this.client;
	}

	@Override
	public String toString() {
		return "UpgradeRequiredEvent[rule=" + this.rule.name() + ", outcome=" + this.outcome.value() + ", path="
				+ this.path + ", client=" + this.client + "]";
	}

}
