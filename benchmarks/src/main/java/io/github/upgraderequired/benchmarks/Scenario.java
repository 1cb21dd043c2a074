package io.github.upgraderequired.benchmarks;

import java.util.Base64;
import java.util.List;

import io.github.upgraderequired.core.HttpProtocol;

/**
 * The requests of each rule type of the sample application's configuration: on the
 * allow path ones that every rule lets through, on the reject path ones that the
 * scenario's rule refuses. Requests vary with their index (agents, versions, protocols,
 * header spelling, a request id), and every string of every request is a fresh instance.
 */
enum Scenario {

	/**
	 * {@code /} over HTTP/1.1 against HTTP/1.0, rule {@code http-1-1} (every path).
	 */
	HTTP_VERSION("http-version", "http-1-1") {

		@Override
		BenchmarkRequest request(boolean allowed, int index) {
			if (allowed) {
				return browser(BenchmarkRequest.get("/"), index, false).build();
			}
			return BenchmarkRequest.get("/")
				.protocol(HttpProtocol.HTTP_1_0)
				.header("Host", "localhost:8080")
				.header("User-Agent", (index % 2 == 0) ? "ApacheBench/2.3" : "Wget/1.12 (linux-gnu)")
				.header("Accept", "*/*")
				.header("X-Request-Id", requestId(index))
				.build();
		}

	},

	/**
	 * {@code /secure/hello} over TLS against plain HTTP, rule {@code secure}.
	 */
	HTTPS("https", "secure") {

		@Override
		BenchmarkRequest request(boolean allowed, int index) {
			BenchmarkRequest.Builder request = BenchmarkRequest.get("/secure/hello");
			boolean h2 = allowed && index % 2 == 0;
			if (allowed) {
				request.tls((index % 3 == 0) ? "TLSv1.2" : "TLSv1.3");
			}
			if (h2) {
				request.protocol(HttpProtocol.HTTP_2);
			}
			return browser(request, index, h2).build();
		}

	},

	/**
	 * {@code /tls/hello} over TLS 1.3 against TLS 1.2, rule {@code tls-1-3}.
	 */
	TLS_VERSION("tls-version", "tls-1-3") {

		@Override
		BenchmarkRequest request(boolean allowed, int index) {
			boolean h2 = index % 2 == 0;
			BenchmarkRequest.Builder request = BenchmarkRequest.get("/tls/hello")
				.tls(allowed ? "TLSv1.3" : "TLSv1.2")
				.protocol(h2 ? HttpProtocol.HTTP_2 : HttpProtocol.HTTP_1_1);
			return browser(request, index, h2).build();
		}

	},

	/**
	 * {@code /h2/hello} over HTTP/2 (TLS or h2c) against HTTP/1.1, rule {@code http2}.
	 */
	HTTP2("http2", "http2") {

		@Override
		BenchmarkRequest request(boolean allowed, int index) {
			BenchmarkRequest.Builder request = BenchmarkRequest.get("/h2/hello")
				.protocol(allowed ? HttpProtocol.HTTP_2 : HttpProtocol.HTTP_1_1);
			if (index % 4 != 0) {
				request.tls("TLSv1.3");
			}
			return browser(request, index, allowed).build();
		}

	},

	/**
	 * {@code /ws/echo} with a version-13 WebSocket handshake against a plain
	 * {@code GET}, rule {@code websocket}.
	 */
	WEBSOCKET("websocket", "websocket") {

		@Override
		BenchmarkRequest request(boolean allowed, int index) {
			BenchmarkRequest.Builder request = BenchmarkRequest.get("/ws/echo")
				.header("Host", "localhost:8080")
				.header("User-Agent", agent(index).userAgent());
			if (!allowed) {
				return request.header("Accept", HTML)
					.header("Accept-Encoding", "gzip, deflate, br, zstd")
					.header("Accept-Language", "en-US,en;q=0.9")
					.header("X-Request-Id", requestId(index))
					.build();
			}
			boolean firefox = index % 3 == 0;
			return request.header("Upgrade", firefox ? "websocket" : "WebSocket")
				.header("Connection", firefox ? "keep-alive, Upgrade" : "Upgrade")
				.header("Origin", "http://localhost:8080")
				.header("Sec-WebSocket-Key", webSocketKey(index))
				.header("Sec-WebSocket-Version", "13")
				.header("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits")
				.header("X-Request-Id", requestId(index))
				.build();
		}

	},

	/**
	 * {@code /api/hello} with {@code API-Version} 2 to 9 or 2.x against 1 or 1.x, rule
	 * {@code api}.
	 */
	API_VERSION("api-version", "api") {

		private static final String[] ALLOWED = { "2", "3", "4", "5", "6", "7", "8", "9", "2.0", "2.1", "2.5", "2.10",
				"3.1.4", "v2" };

		private static final String[] REJECTED = { "1", "1.5", "1.0", "1.9.9", "0.9", "v1" };

		@Override
		BenchmarkRequest request(boolean allowed, int index) {
			String[] versions = allowed ? ALLOWED : REJECTED;
			return BenchmarkRequest.get("/api/hello")
				.header("Host", "localhost:8080")
				.header("User-Agent", (index % 2 == 0) ? "okhttp/4.12.0" : "Java-http-client/17.0.15")
				.header("Accept", "application/json")
				.header("API-Version", versions[index % versions.length])
				.header("X-Request-Id", requestId(index))
				.build();
		}

	},

	/**
	 * {@code /app/hello} from the iOS and Android apps, above and below their minimums
	 * (5.2.0 and 5.1.0), named in {@code X-App-Platform} and {@code X-App-Version} or,
	 * one request in four, only in the {@code User-Agent}; rule {@code mobile-app}.
	 */
	APP_VERSION("app-version", "mobile-app") {

		private static final String[][] ALLOWED = { { "ios", "5.2.0" }, { "iOS", "5.3.1" }, { "android", "5.1.0" },
				{ "Android", "5.2.4" }, { "ios", "6.0.0" }, { "android", "5.10.2" } };

		private static final String[][] REJECTED = { { "ios", "5.1.9" }, { "iOS", "4.9.3" }, { "android", "5.0.9" },
				{ "Android", "4.8.0" }, { "ios", "5.2.0-beta.1" }, { "android", "5.1.0-rc.1" } };

		@Override
		BenchmarkRequest request(boolean allowed, int index) {
			String[] app = (allowed ? ALLOWED : REJECTED)[index % ALLOWED.length];
			boolean ios = app[0].equalsIgnoreCase("ios");
			BenchmarkRequest.Builder request = BenchmarkRequest.get("/app/hello").header("Host", "api.example.com");
			if (index % 4 == 3) {
				request.header("User-Agent", "ExampleApp/" + app[1]
						+ (ios ? " (iOS 18.6; iPhone16,1; Scale/3.00)" : " (Android 15; Pixel 9; Build/AP4A)"));
			}
			else {
				request.header("User-Agent", ios ? "ExampleApp/" + app[1] + " CFNetwork/1568.100.1 Darwin/24.0.0"
						: "okhttp/4.12.0")
					.header("X-App-Platform", app[0])
					.header("X-App-Version", app[1]);
			}
			return request.header("Accept", "application/json")
				.header("Accept-Encoding", "gzip")
				.header("X-Request-Id", requestId(index))
				.build();
		}

	},

	/**
	 * {@code /web/} from current browsers against old ones, rule {@code browsers}
	 * (preset {@code modern}).
	 */
	BROWSER("browser", "browsers") {

		@Override
		BenchmarkRequest request(boolean allowed, int index) {
			List<UserAgents.Browser> browsers = allowed ? UserAgents.CURRENT : UserAgents.OLD;
			UserAgents.Browser browser = browsers.get(index % browsers.size());
			boolean h2 = index % 2 == 0;
			BenchmarkRequest.Builder request = BenchmarkRequest.get("/web/");
			if (h2) {
				request.protocol(HttpProtocol.HTTP_2).tls("TLSv1.3");
			}
			request.header(h2 ? "host" : "Host", "localhost:8080")
				.header(h2 ? "user-agent" : "User-Agent", browser.userAgent());
			if (browser.brands() != null) {
				// Chromium sends its hints in lower case over HTTP/1.1 too.
				request.header("sec-ch-ua", browser.brands())
					.header("sec-ch-ua-mobile", browser.userAgent().contains("Mobile") ? "?1" : "?0")
					.header("sec-ch-ua-platform", platform(browser.userAgent()));
			}
			return request.header(h2 ? "accept" : "Accept", HTML)
				.header(h2 ? "accept-encoding" : "Accept-Encoding", "gzip, deflate, br, zstd")
				.header(h2 ? "accept-language" : "Accept-Language", "en-US,en;q=0.9")
				.header(h2 ? "x-request-id" : "X-Request-Id", requestId(index))
				.build();
		}

	};

	private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private final String value;

	private final String rule;

	Scenario(String value, String rule) {
		this.value = value;
		this.rule = rule;
	}

	/**
	 * Return the scenario's name, as the benchmark's parameter gives it.
	 * @return the name
	 */
	String value() {
		return this.value;
	}

	/**
	 * Return the name of the rule that refuses the scenario's requests on the reject
	 * path.
	 * @return the rule's name
	 */
	String rule() {
		return this.rule;
	}

	/**
	 * Build a request.
	 * @param allowed {@code true} for one every rule lets through, {@code false} for one
	 * the scenario's rule refuses
	 * @param index the request's index in the pool, which picks its variant
	 * @return a request of fresh strings
	 */
	abstract BenchmarkRequest request(boolean allowed, int index);

	/**
	 * Return the scenario of a name.
	 * @param value the name, such as {@code http-version}
	 * @return the scenario
	 */
	static Scenario of(String value) {
		for (Scenario scenario : values()) {
			if (scenario.value.equals(value)) {
				return scenario;
			}
		}
		throw new IllegalArgumentException("No scenario '" + value + "'");
	}

	private static BenchmarkRequest.Builder browser(BenchmarkRequest.Builder request, int index, boolean h2) {
		UserAgents.Browser browser = agent(index);
		return request.header(h2 ? "host" : "Host", "localhost:8080")
			.header(h2 ? "user-agent" : "User-Agent", browser.userAgent())
			.header(h2 ? "accept" : "Accept", HTML)
			.header(h2 ? "accept-encoding" : "Accept-Encoding", "gzip, deflate, br, zstd")
			.header(h2 ? "accept-language" : "Accept-Language", "en-US,en;q=0.9")
			.header(h2 ? "x-request-id" : "X-Request-Id", requestId(index));
	}

	private static UserAgents.Browser agent(int index) {
		return UserAgents.CURRENT.get(index % UserAgents.CURRENT.size());
	}

	private static String platform(String userAgent) {
		if (userAgent.contains("Android")) {
			return "\"Android\"";
		}
		if (userAgent.contains("Macintosh")) {
			return "\"macOS\"";
		}
		return userAgent.contains("X11") ? "\"Linux\"" : "\"Windows\"";
	}

	private static String requestId(int index) {
		return Integer.toHexString(index * 0x9E3779B9);
	}

	private static String webSocketKey(int index) {
		byte[] nonce = new byte[16];
		for (int i = 0; i < nonce.length; i++) {
			nonce[i] = (byte) (index * 31 + i * 17);
		}
		return Base64.getEncoder().encodeToString(nonce);
	}

}
