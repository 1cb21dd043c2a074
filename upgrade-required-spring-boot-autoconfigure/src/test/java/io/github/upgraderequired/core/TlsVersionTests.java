package io.github.upgraderequired.core;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TlsVersion#parse(String)}.
 */
class TlsVersionTests {

	@ParameterizedTest(name = "[{0}] -> {1}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			TLSv1.3          | TLS_1_3
			TLSv1.2          | TLS_1_2
			TLSv1.1          | TLS_1_1
			TLSv1            | TLS_1_0
			SSLv3            | SSL_3_0
			tlsv1.3          | TLS_1_3
			TLS/1.3          | TLS_1_3
			TLS1.2           | TLS_1_2
			1.2              | TLS_1_2
			1.3              | TLS_1_3
			1                | TLS_1_0
			' TLSv1.2 '      | TLS_1_2
			TLSv1.4          | null
			TLSv2            | null
			SSLv2            | null
			NONE             | null
			''               | null
			null             | null
			TLSv1.2222222222222 | null
			""")
	void parses(String value, TlsVersion expected) {
		assertThat(TlsVersion.parse(value)).isEqualTo(expected);
	}

}
