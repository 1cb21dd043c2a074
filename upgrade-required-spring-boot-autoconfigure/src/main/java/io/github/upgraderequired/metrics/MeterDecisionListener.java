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
 * configuration or a fixed set, never from the request, so no request creates a meter.
 */
public class MeterDecisionListener implements DecisionListener {

	private final MeterRegistry registry;

	private final Map<RuleDescriptor, Counter[]> counters = new ConcurrentHashMap<>();

	/**
	 * Create a new listener.
	 * @param registry the registry to count in
	 */
	public MeterDecisionListener(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Register the counters of the given rules, so that they are published at zero before
	 * the first request fails a rule.
	 * @param rules the rules
	 */
	public void register(List<RuleDescriptor> rules) {
		rules.forEach(this::countersOf);
	}

	@Override
	public void onOutcome(RuleDescriptor rule, Outcome outcome, UpgradeRequest request) {
		countersOf(rule)[outcome.ordinal()].increment();
	}

	private Counter[] countersOf(RuleDescriptor rule) {
		return this.counters.computeIfAbsent(rule, this::create);
	}

	private Counter[] create(RuleDescriptor rule) {
		Outcome[] outcomes = Outcome.values();
		Counter[] counters = new Counter[outcomes.length];
		for (Outcome outcome : outcomes) {
			counters[outcome.ordinal()] = Counter.builder(UpgradeRequiredMetrics.REQUESTS)
				.description("Requests that failed an upgrade-required rule, by what the rule did")
				.tag(UpgradeRequiredMetrics.TAG_RULE, rule.name())
				.tag(UpgradeRequiredMetrics.TAG_TYPE, rule.type())
				.tag(UpgradeRequiredMetrics.TAG_OUTCOME, outcome.value())
				.register(this.registry);
		}
		return counters;
	}

}
