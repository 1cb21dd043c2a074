package io.github.upgraderequired.render;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HttpDates}.
 */
class HttpDatesTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			2025-06-01T00:00:00Z | Sun, 01 Jun 2025 00:00:00 GMT
			2025-06-02T08:09:10Z | Mon, 02 Jun 2025 08:09:10 GMT
			2025-06-03T23:59:59Z | Tue, 03 Jun 2025 23:59:59 GMT
			2025-06-04T12:00:00Z | Wed, 04 Jun 2025 12:00:00 GMT
			2025-06-05T12:00:00Z | Thu, 05 Jun 2025 12:00:00 GMT
			2025-06-06T12:00:00Z | Fri, 06 Jun 2025 12:00:00 GMT
			2025-06-07T12:00:00Z | Sat, 07 Jun 2025 12:00:00 GMT
			2025-06-08T12:00:00Z | Sun, 08 Jun 2025 12:00:00 GMT
			2025-06-09T12:00:00Z | Mon, 09 Jun 2025 12:00:00 GMT
			2025-06-10T12:00:00Z | Tue, 10 Jun 2025 12:00:00 GMT
			1994-11-06T08:49:37Z | Sun, 06 Nov 1994 08:49:37 GMT
			2026-12-31T23:59:59.999Z | Thu, 31 Dec 2026 23:59:59 GMT
			""")
	void imfFixdateHasTwoDigitDaysAndGmt(Instant instant, String expected) {
		assertThat(HttpDates.imfFixdate(instant)).isEqualTo(expected).hasSize(29);
	}

	@Test
	void structuredDateIsEpochSeconds() {
		assertThat(HttpDates.structuredDate(Instant.parse("2023-06-30T23:59:59Z"))).isEqualTo("@1688169599");
		assertThat(HttpDates.structuredDate(Instant.parse("2023-06-30T23:59:59.900Z"))).isEqualTo("@1688169599");
	}

}
