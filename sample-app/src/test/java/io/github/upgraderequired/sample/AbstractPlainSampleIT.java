package io.github.upgraderequired.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.github.upgraderequired.client.UpgradeRequiredDetails;
import io.github.upgraderequired.client.UpgradeRequiredException;
import io.github.upgraderequired.client.reactive.WebClientUpgradeRequiredException;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row of the demo contract, allowed and turned away, against the packaged sample
 * serving plain HTTP (h2c included), with curl, raw sockets and the JDK client.
 */
abstract class AbstractPlainSampleIT extends AbstractSampleIT {

	static final String INTERNET_EXPLORER_11 = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko";

	static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
			+ "Chrome/%s Safari/537.36";

	static final String GOOGLEBOT_SMARTPHONE = "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) "
			+ "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/99.0.4844.84 Mobile Safari/537.36 "
			+ "(compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

	@Override
	protected HttpResponse<String> actuator(String path) throws Exception {
		return Clients.get(Clients.jdk(HttpClient.Version.HTTP_1_1), this.app.url("/actuator" + path));
	}

	@Test
	void http10IsTurnedAwayWithUpgradeToHttp11() throws Exception {
		HttpText curl = rejectedBy("http-1-1", Clients.curl("--http1.0", this.app.url("/")));
		assertThat(curl.header("Upgrade")).isEqualTo("HTTP/1.1");
		HttpText raw = rejectedBy("http-1-1", Clients.raw(this.app.port(), "GET / HTTP/1.0\r\n\r\n"));
		assertThat(raw.header("Upgrade")).isEqualTo("HTTP/1.1");
		assertThat(raw.header("Cache-Control")).isEqualTo("no-store");
		HttpText http11 = passed(Clients.curl("--http1.1", this.app.url("/")));
		assertThat((String) JsonPath.read(http11.body(), "$.service")).isEqualTo("upgrade-required sample");
		passed(Clients.get(Clients.jdk(HttpClient.Version.HTTP_1_1), this.app.url("/")));
	}

	@Test
	void healthAnswersABareHttp10Request() throws Exception {
		HttpText raw = passed(Clients.raw(this.app.port(), "GET /actuator/health HTTP/1.0\r\n\r\n"));
		assertThat(raw.body()).contains("\"status\":\"UP\"");
		passed(Clients.curl("--http1.0", this.app.url("/actuator/health")));
	}

	@Test
	void plainHttpToSecureIsTurnedAwayWithTlsTokens() throws Exception {
		HttpText curl = rejectedBy("secure",
				Clients.curl("-H", "Accept: application/json", this.app.url("/secure/hello")));
		assertThat(curl.version()).isEqualTo("HTTP/1.1");
		assertThat(curl.header("Upgrade")).isEqualTo("TLS/1.3, TLS/1.2");
		assertThat(curl.header("Connection")).containsIgnoringCase("upgrade");
		assertThat(curl.header("Content-Type")).startsWith("application/problem+json");
		assertThat(JsonPath.<List<String>>read(curl.body(), "$.upgrade")).containsExactly("TLS/1.3", "TLS/1.2");
		HttpResponse<String> jdk = rejectedBy("secure",
				Clients.get(Clients.jdk(HttpClient.Version.HTTP_1_1), this.app.url("/secure/hello")));
		assertThat(jdk.headers().firstValue("Upgrade")).hasValue("TLS/1.3, TLS/1.2");
	}

	@Test
	void h2cToSecureGetsTheWhole426WithoutConnectionOrUpgrade() throws Exception {
		HttpText h2c = rejectedBy("secure", Clients.curl("--http2-prior-knowledge", "-H", "Accept: application/json",
				this.app.url("/secure/hello")));
		assertThat(h2c.version()).isEqualTo("HTTP/2");
		assertThat(h2c.headerNames()).doesNotContain("connection", "upgrade");
		assertThat(JsonPath.<List<String>>read(h2c.body(), "$.upgrade")).containsExactly("TLS/1.3", "TLS/1.2");
	}

	@Test
	void http11ToTheHttp2PathIsOfferedH2c() throws Exception {
		HttpText http11 = rejectedBy("http2", Clients.curl("--http1.1", this.app.url("/h2/hello")));
		assertThat(http11.header("Upgrade")).isEqualTo("h2c, HTTP/2.0");
		HttpText priorKnowledge = passed(Clients.curl("--http2-prior-knowledge", this.app.url("/h2/hello")));
		assertThat(priorKnowledge.version()).isEqualTo("HTTP/2");
		HttpText upgraded = passed(Clients.curl("--http2", this.app.url("/h2/hello")));
		assertThat(upgraded.version()).isEqualTo("HTTP/2");
		HttpResponse<String> jdk = passed(
				Clients.get(Clients.jdk(HttpClient.Version.HTTP_2), this.app.url("/h2/hello")));
		assertThat(jdk.version()).isEqualTo(HttpClient.Version.HTTP_2);
		assertThat(jdk.body()).contains("Hello over HTTP/2");
	}

	@Test
	void theWebSocketPathSpeaksOnlyWebSocket13() throws Exception {
		HttpText plain = rejectedBy("websocket", Clients.curl(this.app.url("/ws/echo")));
		assertThat(plain.header("Upgrade")).isEqualTo("websocket");
		HttpText version8 = rejectedBy("websocket", Clients.rawKeepAlive(this.app.port(),
				"GET /ws/echo HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
						+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 8\r\n\r\n"));
		assertThat(version8.header("Upgrade")).isEqualTo("websocket");
		assertThat(version8.header("Connection")).containsIgnoringCase("upgrade");
		assertThat(version8.header("Sec-WebSocket-Version")).isEqualTo("13");
		assertThat(Clients.echo("ws://127.0.0.1:" + this.app.port() + "/ws/echo", "ping")).isEqualTo("ping");
	}

	@Test
	void anOldApiVersionIsTurnedAway() throws Exception {
		HttpText one = rejectedBy("api", Clients.curl("-H", "API-Version: 1", this.app.url("/api/hello")));
		assertThat(one.header("Upgrade")).isEqualTo("API/2");
		assertThat(one.header("Vary")).contains("API-Version");
		rejectedBy("api", Clients.get(Clients.jdk(HttpClient.Version.HTTP_1_1), this.app.url("/api/hello"),
				"API-Version", "1.9"));
		varies(says(passed(Clients.curl("-H", "API-Version: 2", this.app.url("/api/hello"))),
				"Hello from API version 2 or newer"), "API-Version");
		passed(Clients.curl("-H", "API-Version: 10", this.app.url("/api/hello")));
		passed(Clients.curl(this.app.url("/api/hello")));
		// The items the flood benchmark asks for, one path each, are guarded the same way.
		rejectedBy("api", Clients.curl("-H", "API-Version: 1", this.app.url("/api/items/42")));
		assertThat((String) JsonPath.read(passed(Clients.curl("-H", "API-Version: 2", this.app.url("/api/items/42")))
			.body(), "$.item")).isEqualTo("42");
	}

	@Test
	void anOldAppIsSentToItsStore() throws Exception {
		HttpText ios = rejectedBy("mobile-app", Clients.curl("-H", "X-App-Platform: ios", "-H",
				"X-App-Version: 5.1.9", this.app.url("/app/hello")));
		assertThat(ios.header("Upgrade")).isEqualTo("ExampleApp/5.2.0");
		assertThat((String) JsonPath.read(ios.body(), "$.upgradeUrl"))
			.isEqualTo("https://apps.apple.com/app/example-app/id0000000001");
		assertThat(ios.header("Link"))
			.isEqualTo("<https://apps.apple.com/app/example-app/id0000000001>; rel=\"latest-version\"");
		HttpText android = rejectedBy("mobile-app", Clients.curl("-H", "X-App-Platform: android", "-H",
				"X-App-Version: 5.0.9", this.app.url("/app/hello")));
		assertThat((String) JsonPath.read(android.body(), "$.upgradeUrl"))
			.isEqualTo("https://play.google.com/store/apps/details?id=com.example.app");
		assertThat(android.header("Upgrade")).isEqualTo("ExampleApp/5.1.0");
		assertThat(android.header("Link"))
			.isEqualTo("<https://play.google.com/store/apps/details?id=com.example.app>; rel=\"latest-version\"");
		varies(android, "Accept", "X-App-Platform", "X-App-Version", "User-Agent");
		HttpText byAgent = rejectedBy("mobile-app",
				Clients.curl("-A", "ExampleApp/5.1.0 (iOS 17.4; iPhone)", this.app.url("/app/hello")));
		assertThat(byAgent.header("Upgrade")).isEqualTo("ExampleApp/5.2.0");
		rejectedBy("mobile-app", Clients.curl("-A", "ExampleApp/5.0.0 (Android 14; Pixel 8)", this.app.url("/app/hello")));
		varies(says(passed(Clients.curl("-H", "X-App-Platform: ios", "-H", "X-App-Version: 5.2.0",
				this.app.url("/app/hello"))), "Hello, up-to-date app"), "X-App-Platform", "X-App-Version", "User-Agent");
		passed(Clients.curl("-H", "X-App-Platform: android", "-H", "X-App-Version: 5.1.0",
				this.app.url("/app/hello")));
		passed(Clients.curl("-A", "ExampleApp/5.10.0 (iOS 17.4; iPhone)", this.app.url("/app/hello")));
		// The items the flood benchmark asks for, one path each, are guarded the same way.
		rejectedBy("mobile-app", Clients.curl("-H", "X-App-Platform: ios", "-H", "X-App-Version: 5.1.9",
				this.app.url("/app/items/7")));
		assertThat((String) JsonPath.read(passed(Clients.curl("-H", "X-App-Platform: ios", "-H",
				"X-App-Version: 5.3.1", this.app.url("/app/items/7"))).body(), "$.item")).isEqualTo("7");
	}

	@Test
	void oldBrowsersGetTheUpgradePage() throws Exception {
		HttpText internetExplorer = rejectedBy("browsers", Clients.curl("-A", INTERNET_EXPLORER_11, "-H",
				"Accept: text/html, application/xhtml+xml, image/jxr, */*", this.app.url("/web/")));
		assertThat(internetExplorer.header("Content-Type")).startsWith("text/html");
		assertThat(internetExplorer.body()).contains("Please upgrade your browser to continue")
			.contains("href=\"https://github.com/upgraderequired/upgrade-required/blob/main/docs/rules.md#browser\"");
		assertThat(internetExplorer.header("Upgrade"))
			.isEqualTo("Chrome/120, Edge/120, Firefox/121, Safari/17.2, Opera/106, SamsungInternet/25");
		HttpText chrome119 = rejectedBy("browsers", Clients.curl("-A", CHROME.formatted("119.0.0.0"), "-H",
				"Accept: text/html", this.app.url("/web/")));
		assertThat(chrome119.header("Upgrade")).isEqualTo("Chrome/120");
		varies(chrome119, "Accept", "User-Agent", "Sec-CH-UA", "Sec-CH-UA-Full-Version-List");
		HttpText chrome120 = passed(Clients.curl("-A", CHROME.formatted("120.0.0.0"), "-H", "Accept: text/html",
				this.app.url("/web/")));
		varies(chrome120, "User-Agent", "Sec-CH-UA", "Sec-CH-UA-Full-Version-List");
		assertThat(chrome120.body()).contains("<h1>Welcome</h1>");
		passed(Clients.curl("-A", CHROME.formatted("131.0.0.0"), this.app.url("/web/")));
		passed(Clients.curl("-A", GOOGLEBOT_SMARTPHONE, this.app.url("/web/")));
		HttpText curl = passed(Clients.curl(this.app.url("/web/")));
		assertThat(curl.body()).contains("<h1>Welcome</h1>");
		// The items the flood benchmark asks for, one path each, are guarded the same way.
		rejectedBy("browsers", Clients.curl("-A", CHROME.formatted("119.0.0.0"), "-H", "Accept: text/html",
				this.app.url("/web/items/7")));
		assertThat((String) JsonPath.read(passed(Clients.curl("-A", CHROME.formatted("131.0.0.0"), "-H",
				"Accept: text/html,*/*;q=0.8", this.app.url("/web/items/7"))).body(), "$.item")).isEqualTo("7");
	}

	@Test
	void springsHttpClientsUnderstandTheSamplesAnswers() {
		try (SpringClients clients = SpringClients.start()) {
			List<Throwable> api = clients.getWithEach(URI.create(this.app.url("/api/hello")), Map.of("API-Version", "1"));
			for (Throwable thrown : api) {
				assertThat(thrown).isInstanceOfAny(UpgradeRequiredException.class,
						WebClientUpgradeRequiredException.class);
				assertThat(thrown).hasMessage("426 Upgrade Required: upgrade to API/2 (rule 'api', minimum 2, current 1);"
						+ " see https://github.com/upgraderequired/upgrade-required/blob/main/docs/rules.md#api-version");
				countRejection("api");
			}
			List<Throwable> app = clients.getWithEach(URI.create(this.app.url("/app/hello")),
					Map.of("X-App-Platform", "ios", "X-App-Version", "5.1.9"));
			assertThat(app.get(0)).isInstanceOf(UpgradeRequiredException.class)
				.isInstanceOf(HttpClientErrorException.class);
			UpgradeRequiredDetails details = ((UpgradeRequiredException) app.get(0)).getDetails();
			assertThat(details.upgrade()).containsExactly("ExampleApp/5.2.0");
			assertThat(details.rule()).isEqualTo("mobile-app");
			assertThat(details.upgradeUrl())
				.isEqualTo(URI.create("https://apps.apple.com/app/example-app/id0000000001"));
			assertThat(app.get(1)).isInstanceOf(UpgradeRequiredException.class);
			assertThat(app.get(2)).isInstanceOf(WebClientUpgradeRequiredException.class)
				.isInstanceOf(WebClientResponseException.class);
			assertThat(((WebClientUpgradeRequiredException) app.get(2)).getDetails()).isEqualTo(details);
			app.forEach((thrown) -> countRejection("mobile-app"));
			double sunset = clients.count("sunset");
			List<Throwable> beta = clients.getWithEach(URI.create(this.app.url("/beta/hello")),
					Map.of("X-App-Platform", "ios", "X-App-Version", "5.9.0"));
			assertThat(beta).containsOnlyNulls();
			beta.forEach((none) -> countWarning("beta-app"));
			assertThat(clients.count("sunset") - sunset).isEqualTo(3);
		}
	}

	@Test
	void theBetaPathWarnsDuringItsGracePeriod() throws Exception {
		HttpText old = warnedBy("beta-app", Clients.curl("-H", "X-App-Platform: ios", "-H", "X-App-Version: 5.9.0",
				this.app.url("/beta/hello")));
		assertThat(old.header("Deprecation")).isEqualTo("@1767225600");
		assertThat(old.header("Sunset")).isEqualTo("Thu, 01 Jan 2099 00:00:00 GMT");
		assertThat(old.header("Link")).isEqualTo("<https://github.com/upgraderequired/upgrade-required/blob/main/docs/modes.md>; "
				+ "rel=\"deprecation\"; type=\"text/html\", <https://github.com/upgraderequired/upgrade-required/blob/main/docs/modes.md>; "
				+ "rel=\"sunset\"; type=\"text/html\"");
		varies(says(old, "Hello, beta app (6.0.0 will soon be required)"), "X-App-Platform", "X-App-Version");
		varies(passed(Clients.curl("-H", "X-App-Platform: ios", "-H", "X-App-Version: 6.0.0",
				this.app.url("/beta/hello"))), "X-App-Platform", "X-App-Version");
	}

	@Test
	void theTlsRuleCannotSeeAVersionOverPlainHttpAndSaysSo() throws Exception {
		passed(Clients.curl(this.app.url("/tls/hello")));
		assertThat(this.app.log()).contains("The TLS-version rules [tls-1-3] will not see a TLS version");
	}

}
