package io.github.upgraderequired.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The details of a 426: from an upgrade-required server's problem, from any other
 * server's bare 426, and from hostile bodies.
 */
class UpgradeRequiredDetailsTests {

	@Test
	void aProblemFromAnUpgradeRequiredServerIsReadInFull() {
		HttpHeaders headers = headers("application/problem+json", "TLS/1.3, TLS/1.2");
		UpgradeRequiredDetails details = UpgradeRequiredDetails.read(headers, bytes("""
				{"type":"https://github.com/upgraderequired/upgrade-required#upgrade-required","title":"Upgrade Required",
				"status":426,"detail":"Use https.","instance":"/secure/hello","upgrade":["TLS/1.3","TLS/1.2"],
				"rule":"secure","minimum":"TLS","current":"http","upgradeUrl":"https://example.com/get",
				"documentation":"https://example.com/docs#https"}"""));
		assertThat(details).isEqualTo(new UpgradeRequiredDetails(java.util.List.of("TLS/1.3", "TLS/1.2"), "secure",
				"TLS", "http", URI.create("https://example.com/get"), URI.create("https://example.com/docs#https"),
				"Upgrade Required", "Use https."));
		assertThat(details.asksForTls()).isTrue();
		assertThat(details.describe()).isEqualTo("426 Upgrade Required: upgrade to TLS/1.3, TLS/1.2 (rule 'secure',"
				+ " minimum TLS, current http); see https://example.com/get");
	}

	@Test
	void withoutAnUpgradeHeaderTheTokensComeFromTheBody() {
		UpgradeRequiredDetails details = UpgradeRequiredDetails.read(headers("application/problem+json", null),
				bytes("{\"upgrade\":[\"HTTP/2.0\", \"bad token\"],\"rule\":\"http2\"}"));
		assertThat(details.upgrade()).containsExactly("HTTP/2.0");
		assertThat(details.asksForTls()).isFalse();
	}

	@Test
	void aBare426FromAnotherServerStillReads() {
		UpgradeRequiredDetails bare = UpgradeRequiredDetails.read(headers("text/plain", "TLS/1.2"),
				bytes("Upgrade to TLS, please."));
		assertThat(bare).isEqualTo(new UpgradeRequiredDetails(java.util.List.of("TLS/1.2"), null, null, null, null,
				null, null, null));
		assertThat(bare.describe()).isEqualTo("426 Upgrade Required: upgrade to TLS/1.2");
		UpgradeRequiredDetails nothing = UpgradeRequiredDetails.read(new HttpHeaders(), null);
		assertThat(nothing.upgrade()).isEmpty();
		assertThat(nothing.describe()).isEqualTo("426 Upgrade Required");
	}

	@Test
	void hostileBodiesLeaveTheHeaderTokens() {
		HttpHeaders headers = headers("application/problem+json", "TLS/1.3");
		String deep = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
		for (String body : new String[] { "{", "[1,2]", "not json", deep, "{\"rule\":{\"nested\":true}}",
				"\u0000\u0001" }) {
			UpgradeRequiredDetails details = UpgradeRequiredDetails.read(headers, bytes(body));
			assertThat(details.upgrade()).as(body.substring(0, Math.min(20, body.length()))).containsExactly("TLS/1.3");
			assertThat(details.rule()).isNull();
		}
		HttpHeaders badType = new HttpHeaders();
		badType.set(HttpHeaders.CONTENT_TYPE, "application/json;charset=no-such-charset");
		assertThat(UpgradeRequiredDetails.read(badType, bytes("{\"rule\":\"r\"}")).rule()).isNull();
		HttpHeaders notAType = new HttpHeaders();
		notAType.set(HttpHeaders.CONTENT_TYPE, "\"/\u00c3");
		assertThat(UpgradeRequiredDetails.read(notAType, bytes("{\"rule\":\"r\"}")).rule()).isNull();
	}

	@Test
	void valuesAreCutAndCleanedAndOnlyWebLinksKept() {
		String longValue = "x".repeat(1000);
		UpgradeRequiredDetails details = UpgradeRequiredDetails.read(headers("application/problem+json", null),
				bytes("{\"rule\":\"a\\r\\nb\",\"current\":\"" + longValue + "\",\"upgradeUrl\":\"javascript:alert(1)\","
						+ "\"documentation\":\"/relative\",\"minimum\":2}"));
		assertThat(details.rule()).isEqualTo("a??b");
		assertThat(details.current()).hasSize(UpgradeRequiredDetails.MAX_VALUE_LENGTH + 1).endsWith("…");
		assertThat(details.upgradeUrl()).isNull();
		assertThat(details.documentation()).isNull();
		assertThat(details.minimum()).isEqualTo("2");
	}

	@Test
	void aJsonBodyWithoutContentTypeIsRead() {
		assertThat(UpgradeRequiredDetails.read(new HttpHeaders(), bytes("{\"rule\":\"r\"}")).rule()).isEqualTo("r");
		assertThat(UpgradeRequiredDetails.read(headers("text/html", null), bytes("{\"rule\":\"r\"}")).rule()).isNull();
	}

	private static HttpHeaders headers(String contentType, String upgrade) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.CONTENT_TYPE, contentType);
		if (upgrade != null) {
			headers.set(HttpHeaders.UPGRADE, upgrade);
		}
		return headers;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
