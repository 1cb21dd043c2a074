package io.github.upgraderequired.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.upgraderequired.core.DecisionListener;
import io.github.upgraderequired.core.Outcome;
import io.github.upgraderequired.core.RuleDescriptor;
import io.github.upgraderequired.core.UpgradeRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Counts outcomes in {@value UpgradeRequiredMetrics#REQUESTS}. Every tag value comes from
 * configuration or a small fixed set (the rule's name and type, four outcomes, a
 * configured platform or a browser family), never from the request as such, so that no
 * request creates a meter. A rule may name at most {@value #MAX_CLIENTS_PER_RULE}
 * clients; any more are counted as {@code other}.
 */
public class MeterDecisionListener implements DecisionListener {

	/**
	 * The most distinct {@code client} tag values one rule may have.
	 */
	public static final int MAX_CLIENTS_PER_RULE = 32;

	private static final Log logger = LogFactory.getLog(MeterDecisionListener.class);

	/**
	 * How many descriptor objects are found by identity; equal descriptors beyond it are
	 * found by equality.
	 */
	private static final int MAX_RULE_OBJECTS = 256;

	private final MeterRegistry registry;

	private final Set<String> overflowed = ConcurrentHashMap.newKeySet();

	/**
	 * The counters by rule, found by the rule's identity (a rule's descriptor is one
	 * object, and hashing the record would read all its settings), then by client.
	 * Replaced whole when a rule is added.
	 */
	private volatile RuleCounters[] counters = new RuleCounters[0];

	/**
	 * The rules of the policy before the last {@link #retain(List)}: a request that policy
	 * decided may still be counted after it was replaced. It counts with the rule of the
	 * same name and type that stays, or nowhere, so that a removed rule's meters do not come
	 * back.
	 */
	private volatile Set<RuleDescriptor> retired = Set.of();

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

	/**
	 * Count for the rules of another policy from now on: the counters of a rule that is
	 * gone, or whose type changed, are removed from the registry; a rule that stays keeps
	 * counting where it was; the new rules are published at zero.
	 * @param rules the rules of the policy now in force
	 */
	public synchronized void retain(List<RuleDescriptor> rules) {
		Map<String, String> types = new HashMap<>();
		rules.forEach((rule) -> types.put(rule.name(), rule.type()));
		Set<RuleDescriptor> retired = Collections.newSetFromMap(new IdentityHashMap<>());
		List<RuleCounters> kept = new ArrayList<>();
		for (RuleCounters counters : this.counters) {
			if (rules.stream().anyMatch((rule) -> rule == counters.rule)) {
				kept.add(counters);
				continue;
			}
			retired.add(counters.rule);
			if (!counters.rule.type().equals(types.get(counters.rule.name()))) {
				counters.byClient.values().forEach((meters) -> Arrays.stream(meters).forEach(this.registry::remove));
			}
		}
		this.retired = retired;
		this.counters = kept.toArray(RuleCounters[]::new);
		register(rules);
	}

	@Override
	public void onOutcome(RuleDescriptor rule, Outcome outcome, String client, UpgradeRequest request) {
		Counter[] counters = countersOf(rule, client);
		if (counters != null) {
			counters[outcome.ordinal()].increment();
		}
	}

	private Counter @Nullable [] countersOf(RuleDescriptor rule, String client) {
		Map<String, Counter[]> byClient = countersOf(rule);
		if (byClient == null) {
			return null;
		}
		Counter[] counters = byClient.get(client);
		if (counters != null) {
			return counters;
		}
		if (byClient.size() >= MAX_CLIENTS_PER_RULE && !OTHER_CLIENT.equals(client)) {
			// A rule of one's own that names clients from the request would otherwise create
			// a meter per value.
			if (this.overflowed.add(rule.name())) {
				logger.warn("Rule '" + rule.name() + "' named more than " + MAX_CLIENTS_PER_RULE
						+ " distinct clients; the others are counted as '" + OTHER_CLIENT + "'");
			}
			return byClient.computeIfAbsent(OTHER_CLIENT, (key) -> create(rule, OTHER_CLIENT));
		}
		return byClient.computeIfAbsent(client, (key) -> create(rule, client));
	}

	private @Nullable Map<String, Counter[]> countersOf(RuleDescriptor rule) {
		for (RuleCounters counters : this.counters) {
			if (counters.rule == rule) {
				return counters.byClient;
			}
		}
		synchronized (this) {
			RuleCounters[] counters = this.counters;
			if (this.retired.contains(rule)) {
				// Decided by the policy before: counted with the rule that stays, if one does.
				for (RuleCounters existing : counters) {
					if (existing.rule.name().equals(rule.name()) && existing.rule.type().equals(rule.type())) {
						return existing.byClient;
					}
				}
				return null;
			}
			Map<String, Counter[]> byClient = null;
			for (RuleCounters existing : counters) {
				if (existing.rule == rule) {
					return existing.byClient;
				}
				// An equal descriptor made elsewhere counts with the same counters.
				byClient = (byClient == null && existing.rule.equals(rule)) ? existing.byClient : byClient;
			}
			if (byClient != null && counters.length >= MAX_RULE_OBJECTS) {
				return byClient;
			}
			RuleCounters added = new RuleCounters(rule, (byClient != null) ? byClient : new ConcurrentHashMap<>());
			RuleCounters[] grown = Arrays.copyOf(counters, counters.length + 1);
			grown[counters.length] = added;
			this.counters = grown;
			return added.byClient;
		}
	}

	/**
	 * A rule and its counters by client.
	 */
	private record RuleCounters(RuleDescriptor rule, Map<String, Counter[]> byClient) {
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
