package io.github.upgraderequired.core;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Schedule}.
 */
class ScheduleTests {

	@ParameterizedTest(name = "{0}, warn-from {1}, enforce-from {2}, at {3} -> {4}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			ENFORCE | -                    | -                    | 2026-01-01T00:00:00Z | ENFORCE
			WARN    | -                    | -                    | 2026-01-01T00:00:00Z | WARN
			REPORT  | -                    | -                    | 2026-01-01T00:00:00Z | REPORT
			OFF     | -                    | -                    | 2026-01-01T00:00:00Z | OFF
			ENFORCE | 2026-03-01T00:00:00Z | 2026-06-01T00:00:00Z | 2026-02-28T23:59:59Z | REPORT
			ENFORCE | 2026-03-01T00:00:00Z | 2026-06-01T00:00:00Z | 2026-03-01T00:00:00Z | WARN
			ENFORCE | 2026-03-01T00:00:00Z | 2026-06-01T00:00:00Z | 2026-05-31T23:59:59Z | WARN
			ENFORCE | 2026-03-01T00:00:00Z | 2026-06-01T00:00:00Z | 2026-06-01T00:00:00Z | ENFORCE
			REPORT  | 2026-03-01T00:00:00Z | 2026-06-01T00:00:00Z | 2026-06-01T00:00:00Z | ENFORCE
			OFF     | 2026-03-01T00:00:00Z | 2026-06-01T00:00:00Z | 2026-06-01T00:00:00Z | OFF
			ENFORCE | -                    | 2026-06-01T00:00:00Z | 2026-01-01T00:00:00Z | WARN
			ENFORCE | -                    | 2026-06-01T00:00:00Z | 2026-06-01T00:00:00Z | ENFORCE
			ENFORCE | 2026-03-01T00:00:00Z | -                    | 2026-02-01T00:00:00Z | REPORT
			ENFORCE | 2026-03-01T00:00:00Z | -                    | 2099-01-01T00:00:00Z | WARN
			ENFORCE | 2026-03-01T00:00:00Z | 2026-03-01T00:00:00Z | 2026-03-01T00:00:00Z | ENFORCE
			""")
	void modeFollowsTheClock(Mode mode, Instant warnFrom, Instant enforceFrom, Instant now, Mode expected) {
		assertThat(new Schedule(mode, warnFrom, enforceFrom).modeAt(now)).isEqualTo(expected);
	}

	@Test
	void enforceFromBeforeWarnFromIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Schedule(Mode.ENFORCE, Instant.parse("2026-06-01T00:00:00Z"),
					Instant.parse("2026-03-01T00:00:00Z")))
			.withMessageContaining("enforce-from");
	}

	@Test
	void onlyDatedSchedulesAreTimed() {
		assertThat(Schedule.ENFORCE.isTimed()).isFalse();
		assertThat(new Schedule(Mode.ENFORCE, Instant.EPOCH, null).isTimed()).isTrue();
		assertThat(new Schedule(Mode.OFF, Instant.EPOCH, null).isTimed()).isFalse();
	}

}
