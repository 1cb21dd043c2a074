package io.github.upgraderequired.actuate;

import java.util.Map;

/**
 * Counts of a rule's outcomes, for the endpoint.
 */
@FunctionalInterface
public interface RuleCounts {

	/**
	 * Return how many requests a rule rejected, warned, reported and failed on.
	 * @param rule the rule's name
	 * @return the counts by outcome ({@code rejected}, {@code warned}, {@code reported},
	 * {@code error})
	 */
	Map<String, Long> countsOf(String rule);

}
