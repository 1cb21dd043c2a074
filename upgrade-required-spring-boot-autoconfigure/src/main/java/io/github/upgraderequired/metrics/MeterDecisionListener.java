package io.github.upgraderequired.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.upgraderequired.core.DecisionListener;
import io.github.upgraderequired.core.Outcome;
import io.github.upgraderequired.core.RuleDescriptor;
import io.github.upgraderequired.core.UpgradeRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts outcomes in {@value UpgradeRequiredMetrics#REQUESTS}. Every tag value comes from
 * configuration or a small fixed set (the rule's name and type, four outcomes, a
 * configured platform or a browser family), never from the request as such, so that no
 * request creates a meter.
 */
public class MeterDecisionListener implements DecisionListener {

	private final MeterRegistry registry;

	private final Map<RuleDescriptor, Map<String, Counter[]>> counters = new ConcurrentHashMap<>();

	/**
	 * Create a new listener.
	 * @param registry the registry to count in
	 */
	public MeterDecisionListener(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Register the counters of the given rules for the client {@code other}, so that they
	 * are published at zero before the first request fails a rule.
	 * @param rules the rules
	 */
	public void register(List<RuleDescriptor> rules) {
		rules.forEach((rule) -> countersOf(rule, OTHER_CLIENT));
	}

	@Override
	public void onOutcome(RuleDescriptor rule, Outcome outcome, String client, UpgradeRequest request) {
		countersOf(rule, client)[outcome.ordinal()].increment();
	}

	private Counter[] countersOf(RuleDescriptor rule, String client) {
		return this.counters.computeIfAbsent(rule, (key) -> new ConcurrentHashMap<>())
			.computeIfAbsent(client, (key) -> create(rule, client));
	}

	private Counter[] create(RuleDescriptor rule, String client) {
		Outcome[] outcomes = Outcome.values();
		Counter[] counters = new Counter[outcomes.length];
		for (Outcome outcome : outcomes) {
			counters[outcome.ordinal()] = Counter.builder(UpgradeRequiredMetrics.REQUESTS)
				.description("Requests that failed an upgrade-required rule, by what the rule did")
				.tag(UpgradeRequiredMetrics.TAG_RULE, rule.name())
				.tag(UpgradeRequiredMetrics.TAG_TYPE, rule.type())
				.tag(UpgradeRequiredMetrics.TAG_OUTCOME, outcome.value())
				.tag(UpgradeRequiredMetrics.TAG_CLIENT, client)
				.register(this.registry);
		}
		return counters;
	}

}
