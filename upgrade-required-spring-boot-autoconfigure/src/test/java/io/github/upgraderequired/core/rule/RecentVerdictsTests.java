package io.github.upgraderequired.core.rule;

import io.github.upgraderequired.core.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RecentVerdicts}.
 */
class RecentVerdictsTests {

	private final RecentVerdicts recent = new RecentVerdicts();

	@Test
	void theSameValueSentAgainGetsTheSameVerdict() {
		Verdict template = Verdict.upgrade("2", null).withDetail("Use 2.");
		Verdict first = this.recent.withCurrent(template, "1");
		assertThat(first.current()).isEqualTo("1");
		assertThat(first.detail()).isEqualTo("Use 2.");
		assertThat(first.minimum()).isEqualTo("2");
		// A new string with the same characters, as a server reads it for every request.
		assertThat(this.recent.withCurrent(template, new String("1"))).isSameAs(first);
		assertThat(this.recent.withCurrent(template, "1.5").current()).isEqualTo("1.5");
		Verdict otherTemplate = Verdict.upgrade("3", null);
		assertThat(this.recent.withCurrent(otherTemplate, "1")).isNotSameAs(first)
			.extracting(Verdict::minimum)
			.isEqualTo("3");
	}

	@Test
	void aStreamOfDistinctValuesOnlyReplacesTheEntries() {
		Verdict template = Verdict.upgrade("2", null);
		Verdict first = this.recent.withCurrent(template, "1");
		for (int i = 0; i < 1000; i++) {
			assertThat(this.recent.withCurrent(template, "0." + i).current()).isEqualTo("0." + i);
		}
		Verdict again = this.recent.withCurrent(template, "1");
		assertThat(again).isNotSameAs(first);
		assertThat(again.current()).isEqualTo("1");
	}

}
