package io.github.upgraderequired.core;

import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AddressRange}.
 */
class AddressRangeTests {

	@ParameterizedTest(name = "{0} contains {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			0.0.0.0/0        | 203.0.113.9       | true
			10.0.0.0/8       | 10.255.255.255    | true
			10.0.0.0/8       | 9.255.255.255     | false
			172.16.0.0/12    | 172.31.0.1        | true
			172.16.0.0/12    | 172.32.0.1        | false
			192.168.1.0/25   | 192.168.1.127     | true
			192.168.1.0/25   | 192.168.1.128     | false
			127.0.0.1        | 127.0.0.1         | true
			127.0.0.1        | 127.0.0.2         | false
			127.0.0.0/8      | ::ffff:127.0.0.1  | true
			127.0.0.0/8      | ::1               | false
			::1              | ::1               | true
			::1              | 0:0:0:0:0:0:0:1   | true
			::1              | [::1]             | true
			fe80::/10        | fe80::1%eth0      | true
			2001:db8::/32    | 2001:db8:ffff::1  | true
			2001:db8::/32    | 2001:db9::1       | false
			10.0.0.0/8       | 10.0.0            | false
			10.0.0.0/8       | 10.0.0.256        | false
			10.0.0.0/8       | localhost         | false
			10.0.0.0/8       | 010.0.0.1.5       | false
			""")
	void containment(String range, String address, boolean contained) {
		assertThat(AddressRange.parse(range).contains(address)).isEqualTo(contained);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "10.0.0.0/33", "::1/129", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/8/8", "example.com",
			"localhost/8", "10.0.0", "300.1.1.1", "1.2.3.4.5", "10.0.0.0/a", "g::1", ".1:2", "1:2", ".:", "1.2.3.4:80" })
	void refusesWhatIsNotAnAddressLiteralWithAFittingPrefix(String range) {
		assertThatIllegalArgumentException().isThrownBy(() -> AddressRange.parse(range));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			127.0.0.1       | /127.0.0.1
			::1             | /0:0:0:0:0:0:0:1
			[::1]           | /0:0:0:0:0:0:0:1
			::ffff:1.2.3.4  | /1.2.3.4
			.1:2            | null
			1:2             | null
			example.com     | null
			1.2.3           | null
			""")
	void aLiteralIsReadWithoutLookingAnythingUp(String literal, String address) {
		InetAddress parsed = AddressRange.literal(literal);
		assertThat((parsed != null) ? parsed.toString() : null).isEqualTo(address);
	}

}
