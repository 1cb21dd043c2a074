package io.github.upgraderequired.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link VersionNumber}.
 */
class VersionNumberTests {

	@ParameterizedTest(name = "{0} {1} {2}")
	@CsvSource(delimiter = '|', textBlock = """
			5.10.0          | >  | 5.9.3
			139.0.7258.76   | >  | 139.0.7258
			139.0.7258.0    | =  | 139.0.7258
			5.2.0-beta.1    | <  | 5.2.0
			5.2.0-beta.1    | <  | 5.2.0-beta.2
			5.2.0-beta.2    | <  | 5.2.0-beta.11
			5.2.0-alpha     | <  | 5.2.0-beta
			5.2.0-1         | <  | 5.2.0-alpha
			5.2.0-beta      | <  | 5.2.0-beta.1
			5.2.0-rc.1      | >  | 5.1.9
			v5.2.0          | =  | 5.2.0
			V5.2            | =  | 5.2.0
			5.2.0+42        | =  | 5.2.0
			5.2.0+42        | =  | 5.2.0+43
			5.2.0-beta+42   | <  | 5.2.0
			1               | <  | 1.2
			1.2             | <  | v1.2.3
			2               | >  | 1.99.99
			05.01           | =  | 5.1
			10              | >  | 9
			999999999999999999 | > | 99999999999999999
			""")
	void orders(String left, String relation, String right) {
		VersionNumber a = VersionNumber.parse(left);
		VersionNumber b = VersionNumber.parse(right);
		int expected = switch (relation) {
			case ">" -> 1;
			case "<" -> -1;
			default -> 0;
		};
		assertThat(Integer.signum(a.compareTo(b))).isEqualTo(expected);
		assertThat(Integer.signum(b.compareTo(a))).isEqualTo(-expected);
		if (expected == 0) {
			assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "v", "1..2", "-1", ".1", "1.", "1.2.", "99999999999999999999.0",
			"1.2.3.4.5.6.7.8.9", "1.2a", "a.b", "1.2-", "1.2-beta..1", "1.2+", "1,2", "1 .2", "<script>", "\"1\"",
			"1.2\r\nX", "1\u00002", "\u00015.2.0", "5.2.0\u0000", "\r5.2.0", "١.٢", "1.2-bêta", "vv1" })
	void doesNotParseMalformedValues(String value) {
		assertThat(VersionNumber.parse(value)).isNull();
	}

	@Test
	void doesNotParseNullOrHugeValues() {
		assertThat(VersionNumber.parse(null)).isNull();
		assertThat(VersionNumber.parse("1." + "1.".repeat(4000))).isNull();
		assertThat(VersionNumber.parse("1".repeat(8000))).isNull();
	}

	@Test
	void keepsTheTextAndMajor() {
		VersionNumber version = VersionNumber.parse(" v5.2.1-beta.1+7 ");
		assertThat(version).hasToString("v5.2.1-beta.1+7");
		assertThat(version.major()).isEqualTo(5);
		assertThat(version.isPreRelease()).isTrue();
	}

	@Test
	void isATotalOrderOnShuffledInput() {
		List<String> ordered = List.of("0.9", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
				"1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.2", "1.10", "2.0.0.1", "10");
		List<VersionNumber> shuffled = new ArrayList<>(ordered.stream().map(VersionNumber::parse).toList());
		Collections.shuffle(shuffled, new Random(42));
		Collections.sort(shuffled);
		assertThat(shuffled).extracting(VersionNumber::toString).containsExactlyElementsOf(ordered);
	}

	@Test
	void aVersionComparedWhereItStandsOrdersAsTheParsedVersionDoes() {
		List<String> versions = List.of("5.2.0", "5.2", "5", "v5.2.0", "V5.2.1", " 5.2.0\t", "5.2.0-beta.1", "5.2.0-rc",
				"5.2.0+42", "5.2.0-beta+42", "5.10.0", "5.9.3", "05.01", "139.0.7258.76", "139.0.7258", "0", "0.0.0.1",
				"1.2.3.4.5.6.7.8", "1.2.3.4.5.6.7.8.9", "999999999999999999", "9999999999999999999", "", " ", "v", "5.",
				".5", "5..2", "5.2.x", "5,2", "5.2.0-", "5.2.0+", "5.2.0-be ta", "\u0665.2", "5.2.0\u0000",
				"1." + "1".repeat(70));
		List<String> minimums = List.of("5.2.0", "5.2.0-beta.1", "5.2.1", "5", "139.0.7258", "0.0.0.1", "1.2.3.4.5.6.7.8");
		for (String minimumText : minimums) {
			VersionNumber minimum = VersionNumber.parse(minimumText);
			for (String version : versions) {
				VersionNumber parsed = VersionNumber.parse(version);
				int expected = (parsed != null) ? Integer.signum(parsed.compareTo(minimum)) : VersionNumber.UNPARSABLE;
				assertThat(VersionNumber.compare(version, minimum)).as("'%s' against %s", version, minimumText)
					.isEqualTo(expected);
			}
		}
		assertThat(VersionNumber.compare(null, VersionNumber.parse("1"))).isEqualTo(VersionNumber.UNPARSABLE);
	}

}
