package io.github.upgraderequired.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.upgraderequired.actuate.RuleCounts;
import io.github.upgraderequired.core.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Reads a rule's counts from {@value UpgradeRequiredMetrics#REQUESTS}, summed over types
 * and clients.
 */
public class MeterRuleCounts implements RuleCounts {

	private final MeterRegistry registry;

	/**
	 * Create a new instance.
	 * @param registry the registry the counts are in
	 */
	public MeterRuleCounts(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public Map<String, Long> countsOf(String rule) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (Outcome outcome : Outcome.values()) {
			counts.put(outcome.value(), 0L);
		}
		for (Counter counter : this.registry.find(UpgradeRequiredMetrics.REQUESTS)
			.tag(UpgradeRequiredMetrics.TAG_RULE, rule)
			.counters()) {
			String outcome = counter.getId().getTag(UpgradeRequiredMetrics.TAG_OUTCOME);
			if (outcome != null && counts.containsKey(outcome)) {
				counts.merge(outcome, (long) counter.count(), Long::sum);
			}
		}
		return counts;
	}

}
