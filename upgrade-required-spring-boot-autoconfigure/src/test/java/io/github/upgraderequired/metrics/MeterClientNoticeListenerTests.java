package io.github.upgraderequired.metrics;

import java.net.URI;
import java.util.List;

import io.github.upgraderequired.client.ClientNotice;
import io.github.upgraderequired.client.ClientOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client counter: one count per response under its outcome, one more under
 * {@code unparsable}, and a bounded number of hosts.
 */
class MeterClientNoticeListenerTests {

	private final MeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void withoutTheHostTagTheOutcomesArePublishedAtZeroAndCounted() {
		MeterClientNoticeListener listener = new MeterClientNoticeListener(this.registry, false);
		assertThat(this.registry.find(UpgradeRequiredMetrics.CLIENT_RESPONSES).counters()).hasSize(4);
		listener.onNotice(notice("h", ClientOutcome.SUNSET, true));
		listener.onNotice(notice("h", null, true));
		assertThat(count(ClientOutcome.SUNSET)).isEqualTo(1);
		assertThat(count(ClientOutcome.UNPARSABLE)).isEqualTo(2);
		assertThat(count(ClientOutcome.DEPRECATED)).isZero();
	}

	@Test
	void beyondTheMostHostsTheRestAreOther() {
		MeterClientNoticeListener listener = new MeterClientNoticeListener(this.registry, true);
		for (int i = 0; i < MeterClientNoticeListener.MAX_HOSTS + 10; i++) {
			listener.onNotice(notice("host-" + i, ClientOutcome.UPGRADE_REQUIRED, false));
		}
		List<String> hosts = this.registry.find(UpgradeRequiredMetrics.CLIENT_RESPONSES)
			.counters()
			.stream()
			.map((counter) -> counter.getId().getTag(UpgradeRequiredMetrics.TAG_HOST))
			.distinct()
			.toList();
		assertThat(hosts).hasSize(MeterClientNoticeListener.MAX_HOSTS + 1).contains("other");
		assertThat(this.registry.find(UpgradeRequiredMetrics.CLIENT_RESPONSES)
			.tags(UpgradeRequiredMetrics.TAG_HOST, "other", UpgradeRequiredMetrics.TAG_OUTCOME, "upgrade-required")
			.counter()
			.count()).isEqualTo(10);
	}

	private double count(ClientOutcome outcome) {
		return this.registry.find(UpgradeRequiredMetrics.CLIENT_RESPONSES)
			.tag(UpgradeRequiredMetrics.TAG_OUTCOME, outcome.tagValue())
			.counter()
			.count();
	}

	private static ClientNotice notice(String host, ClientOutcome outcome, boolean unparsable) {
		return new ClientNotice("GET", URI.create("http://" + host + "/p"), 200, outcome, null, List.of(), unparsable);
	}

}
