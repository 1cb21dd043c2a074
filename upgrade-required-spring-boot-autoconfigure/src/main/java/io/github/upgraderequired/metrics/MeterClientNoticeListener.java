package io.github.upgraderequired.metrics;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.upgraderequired.client.ClientNotice;
import io.github.upgraderequired.client.ClientNoticeListener;
import io.github.upgraderequired.client.ClientOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Counts client notices in {@value UpgradeRequiredMetrics#CLIENT_RESPONSES}: once under
 * the response's outcome ({@code upgrade-required}, {@code sunset} or
 * {@code deprecated}), and once more under {@code unparsable} if one of its headers could
 * not be read. With the host tag, at most {@value #MAX_HOSTS} hosts get their own
 * meters; any more are counted as {@code other}.
 */
public class MeterClientNoticeListener implements ClientNoticeListener {

	/**
	 * The most distinct {@code host} tag values.
	 */
	public static final int MAX_HOSTS = 64;

	private static final String OTHER_HOST = "other";

	private static final Log logger = LogFactory.getLog(MeterClientNoticeListener.class);

	private final MeterRegistry registry;

	private final boolean hostTag;

	private final Map<String, Counter[]> counters = new ConcurrentHashMap<>();

	private final AtomicBoolean overflowed = new AtomicBoolean();

	/**
	 * Create a new listener.
	 * @param registry the registry to count in
	 * @param hostTag whether to tag the counts with the host
	 */
	public MeterClientNoticeListener(MeterRegistry registry, boolean hostTag) {
		this.registry = registry;
		this.hostTag = hostTag;
		if (!hostTag) {
			// Published at zero, before the first server says anything.
			countersOf("");
		}
	}

	@Override
	public void onNotice(ClientNotice notice) {
		Counter[] counters = countersOf(this.hostTag ? host(notice) : "");
		if (notice.outcome() != null) {
			counters[notice.outcome().ordinal()].increment();
		}
		if (notice.unparsable()) {
			counters[ClientOutcome.UNPARSABLE.ordinal()].increment();
		}
	}

	private static String host(ClientNotice notice) {
		String host = notice.uri().getHost();
		return (host != null) ? host.toLowerCase(Locale.ROOT) : OTHER_HOST;
	}

	private Counter[] countersOf(String host) {
		Counter[] existing = this.counters.get(host);
		if (existing != null) {
			return existing;
		}
		if (this.counters.size() >= MAX_HOSTS && !OTHER_HOST.equals(host)) {
			if (this.overflowed.compareAndSet(false, true)) {
				logger.warn("More than " + MAX_HOSTS + " hosts sent upgrade or deprecation notices; the others are counted"
						+ " with host '" + OTHER_HOST + "'");
			}
			return countersOf(OTHER_HOST);
		}
		return this.counters.computeIfAbsent(host, this::create);
	}

	private Counter[] create(String host) {
		ClientOutcome[] outcomes = ClientOutcome.values();
		Counter[] created = new Counter[outcomes.length];
		for (ClientOutcome outcome : outcomes) {
			Counter.Builder builder = Counter.builder(UpgradeRequiredMetrics.CLIENT_RESPONSES)
				.description("Responses to this application's HTTP clients that asked for an upgrade or announced"
						+ " a deprecation")
				.tag(UpgradeRequiredMetrics.TAG_OUTCOME, outcome.tagValue());
			if (this.hostTag) {
				builder.tag(UpgradeRequiredMetrics.TAG_HOST, host);
			}
			created[outcome.ordinal()] = builder.register(this.registry);
		}
		return created;
	}

}
