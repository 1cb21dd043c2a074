package io.github.upgraderequired.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.github.upgraderequired.core.Header;
import io.github.upgraderequired.core.HttpProtocol;
import io.github.upgraderequired.core.UpgradeRequest;
import org.jspecify.annotations.Nullable;

/**
 * The least work that answering a refusal of the sample application takes, written by
 * hand: the same status, headers, content type and bytes as the starter's upgrade
 * response. Everything no request changes is built once, when the floor is made, from the
 * sample's configuration written out here (the texts of the rules, the built-in page read
 * from the starter's jar); per request the floor only picks the headers of the request's
 * HTTP version and, where the body holds a value from the request (the path in a problem
 * body, the version the client sent), allocates the body once and copies the constant
 * bytes and the value into it. An HTML page names neither, so it is never built per
 * request.
 */
final class FloorAnswers {

	private static final String TYPE_TITLE_STATUS = "{\"type\":\"about:blank\",\"title\":\"Upgrade Required\",\"status\":426";

	private static final String DOCUMENTATION = "https://github.com/upgraderequired/upgrade-required/blob/main/docs/rules.md#";

	private static final String SUPPORTED = "Chrome 120, Edge 120, Firefox 121, Safari 17.2, Opera 106, "
			+ "Samsung Internet 25";

	private static final String ALL_BROWSERS = "Chrome/120, Edge/120, Firefox/121, Safari/17.2, Opera/106, "
			+ "SamsungInternet/25";

	private static final String PROBLEM_JSON = "application/problem+json";

	private static final String HTML = "text/html;charset=UTF-8";

	private static final String[] FAMILY_NAMES = { "Chrome", "Edge", "Firefox", "Safari", "Opera",
			"Samsung Internet" };

	private static final String[] FAMILY_TOKENS = { "Chrome/120", "Edge/120", "Firefox/121", "Safari/17.2",
			"Opera/106", "SamsungInternet/25" };

	private static final String[] APP_PLATFORMS = { "ios", "android" };

	private static final String[] APP_MINIMUMS = { "5.2.0", "5.1.0" };

	private static final String[] APP_STORES = { "https://apps.apple.com/app/example-app/id0000000001",
			"https://play.google.com/store/apps/details?id=com.example.app" };

	private static final String INSTANCE = ",\"instance\":\"";

	private final String[] pageTexts;

	private final String[] pagePlaceholders;

	private final Response httpVersion;

	private final Response https;

	private final Response tlsVersion;

	private final Response http2Cleartext;

	private final Response http2Tls;

	private final Response webSocket;

	private final Response api;

	private final Response[] app;

	private final Response[] browsers;

	private final Response internetExplorer;

	FloorAnswers() {
		String page = page();
		List<String> texts = new ArrayList<>();
		List<String> placeholders = new ArrayList<>();
		int position = 0;
		for (int open = page.indexOf("{{"); open >= 0; open = page.indexOf("{{", position)) {
			int close = page.indexOf("}}", open);
			texts.add(page.substring(position, open));
			placeholders.add(page.substring(open + 2, close).trim());
			position = close + 2;
		}
		texts.add(page.substring(position));
		this.pageTexts = texts.toArray(String[]::new);
		this.pagePlaceholders = placeholders.toArray(String[]::new);
		this.httpVersion = json("HTTP/1.1", "", "This service requires HTTP/1.1 or newer. The request used HTTP/1.0.",
				"[\"HTTP/1.1\"]", "http-1-1", "HTTP/1.1", "HTTP/1.0", null, "http-version");
		this.https = html("TLS/1.3, TLS/1.2", "", null, "Please upgrade to continue",
				"This resource is only served over HTTPS.", "secure", "https-426-or-a-redirect");
		this.tlsVersion = html("TLS/1.3", "", null, "Please upgrade to continue",
				"This service requires TLSv1.3 or newer. The connection used TLSv1.2.", "tls-1-3", "tls-version");
		this.http2Cleartext = html("h2c, HTTP/2.0", "", null, "Please upgrade to continue",
				"This resource requires HTTP/2. Over cleartext, connect with HTTP/2 prior knowledge (h2c), or send "
						+ "'Upgrade: h2c' with HTTP2-Settings on an HTTP/1.1 request.",
				"http2", "http2");
		this.http2Tls = html("HTTP/2.0", "", null, "Please upgrade to continue",
				"This resource requires HTTP/2. Over TLS, HTTP/2 is negotiated with ALPN during the handshake: use a "
						+ "client that offers 'h2'.",
				"http2", "http2");
		this.webSocket = html("websocket", ", Upgrade, Sec-WebSocket-Version",
				new Header("Sec-WebSocket-Version", "13"), "Please upgrade to continue",
				"This endpoint only speaks WebSocket: open it with a WebSocket handshake.", "websocket", "websocket");
		this.api = json("API/2", ", API-Version", "This API version is no longer supported: use version 2 or newer.",
				"[\"API/2\"]", "api", "2", null, null, "api-version");
		this.app = new Response[APP_PLATFORMS.length];
		for (int i = 0; i < APP_PLATFORMS.length; i++) {
			String token = "ExampleApp/" + APP_MINIMUMS[i];
			this.app[i] = json(token, ", X-App-Platform, X-App-Version, User-Agent",
					"This version of the app is no longer supported: update to " + APP_MINIMUMS[i] + " or newer.",
					"[\"" + token + "\"]", "mobile-app", APP_MINIMUMS[i], null, APP_STORES[i], "app-version")
				.withHeader(new Header("Link", "<" + APP_STORES[i] + ">; rel=\"latest-version\""));
		}
		this.browsers = new Response[FAMILY_TOKENS.length];
		String browserVary = ", User-Agent, Sec-CH-UA, Sec-CH-UA-Full-Version-List";
		for (int i = 0; i < FAMILY_TOKENS.length; i++) {
			String minimum = FAMILY_TOKENS[i].substring(FAMILY_TOKENS[i].indexOf('/') + 1);
			this.browsers[i] = html(FAMILY_TOKENS[i], browserVary, null, "Please upgrade your browser to continue",
					"Please use a newer browser: " + FAMILY_NAMES[i] + " " + minimum + " or newer. Supported: "
							+ SUPPORTED + ".",
					"browsers", "browser");
		}
		this.internetExplorer = html(ALL_BROWSERS, browserVary, null, "Please upgrade your browser to continue",
				"Internet Explorer is not supported. Supported: " + SUPPORTED + ".", "browsers", "browser");
	}

	/**
	 * Answer a request the floor refused.
	 * @param rule the index of the refusing rule in {@link Floor#RULES}
	 * @param client the floor's client of the refusal: the platform (1 for iOS, 2 for
	 * Android) or 1 + the browser family
	 * @param current the version the request sent, for the API and app rules
	 * @param request the request
	 * @return the answer
	 */
	Answer answer(int rule, int client, @Nullable String current, UpgradeRequest request) {
		HttpProtocol protocol = request.protocol();
		return switch (Floor.RULES.get(rule)) {
			case "http-1-1" -> this.httpVersion.answer(protocol, request.path(), null);
			case "secure" -> this.https.answer(protocol, null, null);
			case "tls-1-3" -> this.tlsVersion.answer(protocol, null, null);
			case "http2" -> (request.secure() ? this.http2Tls : this.http2Cleartext).answer(protocol, null, null);
			case "websocket" -> this.webSocket.answer(protocol, null, null);
			case "api" -> this.api.answer(protocol, request.path(), current);
			case "mobile-app" -> this.app[client - 1].answer(protocol, request.path(), current);
			case "browsers" -> ((client - 1 < this.browsers.length) ? this.browsers[client - 1] : this.internetExplorer)
				.answer(protocol, null, null);
			default -> throw new IllegalArgumentException("The floor does not answer for rule " + rule);
		};
	}

	/**
	 * A problem body: constant but for the path and, where there is one, the version the
	 * client sent.
	 */
	private Response json(String upgrade, String vary, String detail, String upgradeArray, String rule,
			String minimum, @Nullable String current, @Nullable String upgradeUrl, String documentation) {
		String head = TYPE_TITLE_STATUS + ",\"detail\":\"" + detail + "\"" + INSTANCE;
		String middle = "\",\"upgrade\":" + upgradeArray + ",\"rule\":\"" + rule + "\",\"minimum\":\"" + minimum
				+ "\",\"current\":\"";
		String tail = "\"" + ((upgradeUrl != null) ? ",\"upgradeUrl\":\"" + upgradeUrl + "\"" : "")
				+ ",\"documentation\":\"" + DOCUMENTATION + documentation + "\"}";
		if (current != null) {
			// A constant current value: only the path comes from the request.
			return new Response(headers(upgrade, vary, null), PROBLEM_JSON, null, bytes(head),
					bytes(middle + current + tail), null);
		}
		return new Response(headers(upgrade, vary, null), PROBLEM_JSON, null, bytes(head), bytes(middle), bytes(tail));
	}

	/**
	 * A page: constant.
	 */
	private Response html(String upgrade, String vary, @Nullable Header extra, String heading, String detail,
			String rule, String documentation) {
		StringBuilder page = new StringBuilder();
		for (int i = 0; i < this.pagePlaceholders.length; i++) {
			page.append(this.pageTexts[i]);
			page.append(switch (this.pagePlaceholders[i]) {
				case "title" -> "Upgrade Required";
				case "heading" -> heading;
				case "detail" -> detail.replace("'", "&#39;");
				case "upgrade" -> upgrade;
				case "rule" -> rule;
				case "status" -> "426";
				case "link" -> "<p><a href=\"" + DOCUMENTATION + documentation + "\">Learn more</a></p>";
				default -> "";
			});
		}
		page.append(this.pageTexts[this.pagePlaceholders.length]);
		return new Response(headers(upgrade, vary, extra), HTML, bytes(page.toString()), null, null, null);
	}

	/**
	 * Return the headers by HTTP version: HTTP/1.0 (and unknown), HTTP/1.1, HTTP/2.
	 */
	@SuppressWarnings("unchecked")
	private static List<Header>[] headers(String upgrade, String vary, @Nullable Header extra) {
		List<Header>[] headers = new List[3];
		for (int kind = 0; kind < 3; kind++) {
			List<Header> list = new ArrayList<>();
			if (kind < 2) {
				list.add(new Header("Upgrade", upgrade));
			}
			if (kind == 1) {
				list.add(new Header("Connection", "Upgrade"));
			}
			list.add(new Header("Cache-Control", "no-store"));
			list.add(new Header("Vary", "Accept" + vary));
			if (extra != null) {
				list.add(extra);
			}
			headers[kind] = List.copyOf(list);
		}
		return headers;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String page() {
		try (InputStream in = FloorAnswers.class
			.getResourceAsStream("/io/github/upgraderequired/render/upgrade-required.html")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What the floor answers: the status is always 426.
	 *
	 * @param headers the headers
	 * @param contentType the content type
	 * @param body the body
	 */
	record Answer(List<Header> headers, String contentType, byte[] body) {

	}

	/**
	 * A refusal's constant parts: the headers by HTTP version, and a constant body or the
	 * bytes around the path and the version sent.
	 */
	private record Response(List<Header>[] headers, String contentType, byte @Nullable [] body,
			byte @Nullable [] head, byte @Nullable [] middle, byte @Nullable [] tail) {

		Response withHeader(Header header) {
			@SuppressWarnings("unchecked")
			List<Header>[] more = new List[this.headers.length];
			for (int i = 0; i < more.length; i++) {
				List<Header> list = new ArrayList<>(this.headers[i]);
				list.add(header);
				more[i] = List.copyOf(list);
			}
			return new Response(more, this.contentType, this.body, this.head, this.middle, this.tail);
		}

		Answer answer(@Nullable HttpProtocol protocol, @Nullable String path, @Nullable String current) {
			int kind = (protocol == null || protocol == HttpProtocol.HTTP_1_0) ? 0
					: (protocol == HttpProtocol.HTTP_1_1) ? 1 : 2;
			if (this.body != null) {
				return new Answer(this.headers[kind], this.contentType, this.body);
			}
			// The path and the version as they are: the benchmark's are plain ASCII.
			int length = this.head.length + path.length() + this.middle.length
					+ ((current != null) ? current.length() + this.tail.length : 0);
			byte[] body = new byte[length];
			int position = copy(this.head, body, 0);
			position = copy(path, body, position);
			position = copy(this.middle, body, position);
			if (current != null) {
				position = copy(current, body, position);
				copy(this.tail, body, position);
			}
			return new Answer(this.headers[kind], this.contentType, body);
		}

		private static int copy(byte[] from, byte[] to, int position) {
			System.arraycopy(from, 0, to, position, from.length);
			return position + from.length;
		}

		private static int copy(String from, byte[] to, int position) {
			for (int i = 0; i < from.length(); i++) {
				to[position++] = (byte) from.charAt(i);
			}
			return position;
		}

	}

}
