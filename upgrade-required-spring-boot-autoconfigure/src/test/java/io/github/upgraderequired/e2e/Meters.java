package io.github.upgraderequired.e2e;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Reads the starter's counter in the end-to-end tests.
 */
final class Meters {

	private Meters() {
	}

	/**
	 * Return how many requests a rule counted with an outcome, for every client.
	 */
	static double count(MeterRegistry registry, String rule, String outcome) {
		return registry.find("upgrade.required.requests")
			.tags("rule", rule, "outcome", outcome)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

}
