package io.github.upgraderequired.client;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading what servers send, the malformed and the oversized included: nothing throws,
 * what cannot be read is reported and ignored.
 */
class ServerHeadersTests {

	private static final URI BASE = URI.create("http://api.example.com/v1/orders?id=7");

	@Test
	void upgradeTokensAreReadInOrderWithoutRepeats() {
		ServerHeaders.Read<List<String>> read = ServerHeaders
			.upgradeTokens(List.of("TLS/1.3, TLS/1.2,,\tHTTP/1.1", "TLS/1.3"));
		assertThat(read.value()).containsExactly("TLS/1.3", "TLS/1.2", "HTTP/1.1");
		assertThat(read.unparsable()).isFalse();
	}

	@Test
	void illegalUpgradeTokensAreDroppedAndReported() {
		ServerHeaders.Read<List<String>> read = ServerHeaders
			.upgradeTokens(List.of("TLS/1.3, <script>, HTTP 2, /1.1, h2c/, \u0000x, ", "x".repeat(65)));
		assertThat(read.value()).containsExactly("TLS/1.3");
		assertThat(read.unparsable()).isTrue();
	}

	@Test
	void upgradeTokensAreBounded() {
		StringBuilder many = new StringBuilder();
		for (int i = 0; i < 1000; i++) {
			many.append("P").append(i).append(", ");
		}
		assertThat(ServerHeaders.upgradeTokens(List.of(many.toString())).value()).hasSize(ServerHeaders.MAX_TOKENS);
		ServerHeaders.Read<List<String>> huge = ServerHeaders.upgradeTokens(List.of("TLS/1.3," + "a".repeat(9000)));
		assertThat(huge.value()).isEmpty();
		assertThat(huge.unparsable()).isTrue();
	}

	@Test
	void deprecationIsAStructuredFieldDate() {
		assertThat(ServerHeaders.deprecation("@1688169599")).isEqualTo(Instant.ofEpochSecond(1688169599));
		assertThat(ServerHeaders.deprecation(" @-1 ")).isEqualTo(Instant.ofEpochSecond(-1));
		assertThat(ServerHeaders.deprecation("true")).isSameAs(ServerHeaders.UNDATED);
		assertThat(ServerHeaders.deprecation("?1")).isSameAs(ServerHeaders.UNDATED);
		assertThat(ServerHeaders.deprecation("Sun, 11 Nov 2018 23:59:59 GMT"))
			.isEqualTo(Instant.parse("2018-11-11T23:59:59Z"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "@", "@1.5", "@1688169599x", "@9999999999999999", "@ 1", "yes", "1688169599",
			"@1688169599\r\nX-Evil: 1", "Sun, 31 Feb 2018 23:59:59 GMT" })
	void malformedDeprecationIsNotRead(String value) {
		assertThat(ServerHeaders.deprecation(value)).isNull();
	}

	@Test
	void theThreeFormsOfHttpDateAreRead() {
		Instant expected = Instant.parse("1994-11-06T08:49:37Z");
		assertThat(ServerHeaders.httpDate("Sun, 06 Nov 1994 08:49:37 GMT")).isEqualTo(expected);
		assertThat(ServerHeaders.httpDate("Sunday, 06-Nov-94 08:49:37 GMT")).isEqualTo(expected);
		assertThat(ServerHeaders.httpDate("Sun Nov  6 08:49:37 1994")).isEqualTo(expected);
		assertThat(ServerHeaders.httpDate("Sat, 31 Dec 2016 23:59:60 GMT"))
			.isEqualTo(Instant.parse("2017-01-01T00:00:00Z"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "tomorrow", "Sun, 6 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 08:49:37 UTC",
			"Sun, 06 Nov 1994 25:49:37 GMT", "Sun, 30 Feb 1994 08:49:37 GMT", "Sun, 06 Foo 1994 08:49:37 GMT",
			"2099-01-01T00:00:00Z", "Sun, 06 Nov 99999 08:49:37 GMT" })
	void malformedHttpDatesAreNotRead(String value) {
		assertThat(ServerHeaders.httpDate(value)).isNull();
	}

	@Test
	void deprecationAndSunsetLinksAreReadAndResolved() {
		ServerHeaders.Read<ServerHeaders.Links> read = ServerHeaders.links(List.of(
				"<https://docs.example.com/deprecation>; rel=\"deprecation\"; type=\"text/html\", </v2/orders>; rel=sunset",
				"<https://example.com/next>; rel=next, <https://example.com/both>; title=\"a, b; c\"; REL=\"Sunset deprecation\""),
				BASE);
		assertThat(read.value().deprecation()).containsExactly(URI.create("https://docs.example.com/deprecation"),
				URI.create("https://example.com/both"));
		assertThat(read.value().sunset()).containsExactly(URI.create("http://api.example.com/v2/orders"),
				URI.create("https://example.com/both"));
		assertThat(read.unparsable()).isFalse();
	}

	@Test
	void anUnquotedMediaTypeParameterIsTolerated() {
		ServerHeaders.Read<ServerHeaders.Links> read = ServerHeaders
			.links(List.of("<https://docs.example.com/d>; rel=deprecation; type=text/html"), BASE);
		assertThat(read.value().deprecation()).containsExactly(URI.create("https://docs.example.com/d"));
		assertThat(read.unparsable()).isFalse();
	}

	@Test
	void malformedDeprecationLinksAreReportedButOtherLinksAreNoneOfOurBusiness() {
		assertThat(ServerHeaders.links(List.of("<javascript:alert(1)>; rel=deprecation"), BASE).unparsable()).isTrue();
		assertThat(ServerHeaders.links(List.of("<https://a b>; rel=deprecation"), BASE).unparsable()).isTrue();
		assertThat(ServerHeaders.links(List.of("https://example.com; rel=sunset"), BASE).unparsable()).isTrue();
		assertThat(ServerHeaders.links(List.of("<https://example.com; rel=sunset"), BASE).unparsable()).isTrue();
		assertThat(ServerHeaders.links(List.of("<https://example.com>; rel=\"sunset"), BASE).unparsable()).isTrue();
		ServerHeaders.Read<ServerHeaders.Links> mixed = ServerHeaders
			.links(List.of("garbage, <https://docs.example.com/d>; rel=deprecation"), BASE);
		assertThat(mixed.unparsable()).isTrue();
		assertThat(mixed.value().deprecation()).containsExactly(URI.create("https://docs.example.com/d"));
		ServerHeaders.Read<ServerHeaders.Links> unrelated = ServerHeaders.links(List.of("<<<>>>; rel=next; ;;"), BASE);
		assertThat(unrelated.unparsable()).isFalse();
		assertThat(unrelated.value().deprecation()).isEmpty();
	}

	@Test
	void linksAreBounded() {
		String many = "<https://example.com/d>; rel=deprecation, ".repeat(100);
		assertThat(ServerHeaders.links(List.of(many), BASE).value().deprecation()).hasSize(ServerHeaders.MAX_LINKS);
		ServerHeaders.Read<ServerHeaders.Links> huge = ServerHeaders
			.links(List.of("<https://example.com/" + "d".repeat(9000) + ">; rel=deprecation"), BASE);
		assertThat(huge.unparsable()).isTrue();
		assertThat(huge.value().deprecation()).isEmpty();
	}

	@Test
	void printableTextHasNoControlCharactersAndIsCut() {
		assertThat(ServerHeaders.printable("a\r\nb\u0085c\u2028d\te", 100)).isEqualTo("a??b?c?d?e");
		assertThat(ServerHeaders.printable("abcdef", 3)).isEqualTo("abc…");
		assertThat(ServerHeaders.printable("ab\uD83D\uDE00", 3)).isEqualTo("ab…");
	}

}
