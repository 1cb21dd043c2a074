package io.github.upgraderequired.metrics;

import io.github.upgraderequired.event.UpgradeRequiredPolicyEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;

/**
 * Counts the changes of the configuration while the application runs
 * ({@value UpgradeRequiredMetrics#POLICY_CHANGES}) and, when one is applied, has the
 * rules' counters follow the policy in force: those of removed rules are removed, new
 * rules are published at zero.
 */
public class PolicyChangeMeters implements ApplicationListener<UpgradeRequiredPolicyEvent> {

	private final MeterDecisionListener counters;

	private final Object context;

	private final Counter applied;

	private final Counter rejected;

	/**
	 * Create a new listener.
	 * @param registry the registry to count in
	 * @param counters the rules' counters
	 * @param context the application context whose policy changes are counted (those of
	 * a child or parent context reach this listener too, and are left alone)
	 */
	public PolicyChangeMeters(MeterRegistry registry, MeterDecisionListener counters, ApplicationContext context) {
		this.counters = counters;
		this.context = context;
		this.applied = counter(registry, "applied");
		this.rejected = counter(registry, "rejected");
	}

	private static Counter counter(MeterRegistry registry, String result) {
		return Counter.builder(UpgradeRequiredMetrics.POLICY_CHANGES)
			.description("Changes of the upgrade-required configuration while the application runs")
			.tag(UpgradeRequiredMetrics.TAG_RESULT, result)
			.register(registry);
	}

	@Override
	public void onApplicationEvent(UpgradeRequiredPolicyEvent event) {
		if (event.getSource() != this.context) {
			return;
		}
		if (event.isApplied()) {
			this.counters.retain(event.getRules());
			this.applied.increment();
		}
		else {
			this.rejected.increment();
		}
	}

}
