package io.github.upgraderequired.e2e;

import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What a server running the {@code e2e} profile (and, over TLS, the {@code tls} profile)
 * must answer, worked out by hand from the reference's description of each rule type
 * (docs/rules.md) and from the profile's YAML, never by calling the starter's engine,
 * rules, parsers or renderer: the status, the {@code Upgrade} tokens, the rule that
 * refused, the headers that go with it, and which rules in warn mode warned. The
 * socket-level property test holds both stacks to it, so a wrong decision fails there
 * even when the engine and the renderer agree with each other.
 * <p>
 * It models the reference as it stands, forwarded requests included (those the trusted proxy
 * forwards are judged by its version headers, or are unknown; any other peer's by the
 * connection, forwarding headers or not). Where the reference was silent on a detail
 * (the forms of a version header, the longest version read), this model fixed one reading
 * and the reference now says it. The browser rule is modelled only for a few well-known
 * agents; for any other agent, or with Client Hints, its answer is checked for shape only.
 */
final class E2eProfileModel {

	/**
	 * The headers by which a request says it was forwarded, those that Spring's and the
	 * servers' forwarded-header handling read.
	 */
	private static final List<String> FORWARDING_HEADERS = List.of("Forwarded", "X-Forwarded-For",
			"X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-Port", "X-Forwarded-Prefix", "X-Forwarded-Ssl");

	private static final String TRUSTED_PROXY = "127.0.0.1";

	private static final List<String> HTTP_1_1 = List.of("HTTP/1.1");

	private static final List<String> TLS = List.of("TLS/1.3", "TLS/1.2");

	private static final List<String> TLS_1_3 = List.of("TLS/1.3");

	private static final List<String> API_2 = List.of("API/2");

	/**
	 * The version of a semantic version string: optional {@code v}, one to eight numeric
	 * segments, an optional pre-release and optional build metadata.
	 */
	private static final Pattern VERSION = Pattern
		.compile("[vV]?(\\d{1,18}(?:\\.\\d{1,18}){0,7})(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?"
				+ "(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");

	static final String CHROME_100 = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
			+ "Chrome/100.0.0.0 Safari/537.36";

	static final String CHROME_140 = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
			+ "Chrome/140.0.0.0 Safari/537.36";

	static final String FIREFOX_115 = "Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0";

	/**
	 * What the {@code modern} preset makes of agents whose browser the reference names: Chrome
	 * below 120 and Firefox below 121 are offered their family's minimum; HTTP libraries
	 * pass.
	 */
	private static final Map<String, List<String>> KNOWN_AGENTS = Map.of(CHROME_100, List.of("Chrome/120"),
			FIREFOX_115, List.of("Firefox/121"), CHROME_140, List.of(), "curl/8.5.0", List.of());

	/**
	 * The origin that the controllers' CORS configuration allows.
	 */
	static final String ALLOWED_ORIGIN = "https://app.example.com";

	private static final Pattern APP_USER_AGENT = Pattern
		.compile("ExampleApp/(?<version>[^ ]+) \\((?<platform>iOS|Android)");

	private E2eProfileModel() {
	}

	/**
	 * Return what the server must answer.
	 * @param request the request as sent
	 * @param tlsServer whether the server runs the {@code tls} profile as well
	 * @return the expected answer
	 */
	static Expected expect(Request request, boolean tlsServer) {
		Evaluation evaluation = new Evaluation(request);
		String path = request.path();
		if (under(path, "/actuator")) {
			return evaluation.result();
		}
		// The rules in the order written; the first refusal decides. The tls profile's file
		// wins over the e2e profile's, so its rule is bound, and runs, first.
		if (tlsServer) {
			evaluation.rule("tls-1-3-strict", under(path, "/tls-strict"), () -> tlsVersion(request, true));
		}
		evaluation.rule("http-1-1", true, () -> httpVersion(request, false));
		evaluation.rule("http-1-1-strict", under(path, "/strict"), () -> httpVersion(request, true));
		evaluation.rule("secure", under(path, "/secure"), () -> "s3cret".equals(request.header("X-Internal-Caller"))
				? null : https(request));
		// GET and HEAD are redirected; other methods get the 426.
		boolean redirectable = request.method().equals("GET") || request.method().equals("HEAD");
		evaluation.redirect("secure-redirect", under(path, "/redirect") && !request.secure() && redirectable,
				"https://localhost:8443" + path + ((request.query() != null) ? "?" + request.query() : ""));
		evaluation.rule("secure-redirect", under(path, "/redirect") && !redirectable, () -> https(request));
		// 'internal' exempts every loopback caller, and the tests call from loopback.
		evaluation.warn("deprecated", under(path, "/deprecated") && https(request) != null);
		evaluation.rule("http2", under(path, "/h2"), () -> http2(request));
		evaluation.rule("websocket", under(path, "/ws"), () -> webSocket(request));
		evaluation.rule("tls-1-3", under(path, "/tls"), () -> tlsVersion(request, false));
		evaluation.warn("tls-1-3-soon", under(path, "/tls-warn") && tlsVersion(request, false) != null);
		evaluation.rule("api", under(path, "/api"), () -> apiVersion(request.header("API-Version"), "2", false));
		evaluation.rule("app", under(path, "/app"), () -> app(request));
		evaluation.browser("browsers", under(path, "/web"), browser(request));
		evaluation.browserWarning("browsers-soon", under(path, "/web-soon"), browser(request));
		evaluation.warn("beta", under(path, "/beta") && beta(request));
		evaluation.warn("api-soon",
				under(path, "/api-soon") && apiVersion(request.header("API-Version"), "3", false) != null);
		evaluation.rule("api-query", under(path, "/api-query"),
				() -> apiVersion(queryParameter(request.query(), "version"), "2", false));
		evaluation.rule("api-path", under(path, "/api-path"), () -> apiVersion(segment(path, 1), "2", false));
		evaluation.rule("api-media", under(path, "/api-media"), () -> apiVersion(mediaTypeParameter(request), "2", false));
		evaluation.rule("api-strict", under(path, "/api-strict"),
				() -> apiVersion(request.header("API-Version"), "2", true));
		return evaluation.result();
	}

	/**
	 * Return whether the path is the given one or below it, as {@code /prefix/**} matches.
	 */
	private static boolean under(String path, String prefix) {
		return path.equals(prefix) || path.startsWith(prefix + "/");
	}

	/**
	 * Return whether the trusted proxy forwarded the request: it comes from that proxy and
	 * carries a forwarding header. From any other peer it came straight from the client,
	 * whatever headers it carries.
	 */
	static boolean forwarded(Request request) {
		return TRUSTED_PROXY.equals(request.peer())
				&& FORWARDING_HEADERS.stream().anyMatch((name) -> request.header(name) != null);
	}

	/**
	 * Return the client's HTTP version as {@code 10}, {@code 11}, {@code 20} or
	 * {@code 30}, or {@code null} if it is unknown: the connection's own unless the trusted
	 * proxy forwarded the request; then only what it says in its header.
	 */
	private static @Nullable Integer clientHttpVersion(Request request) {
		if (!forwarded(request)) {
			return request.transport().httpVersion();
		}
		String value = trustedHeader(request, "X-Forwarded-Http-Version");
		if (value == null) {
			return null;
		}
		return switch (value.trim()) {
			case "HTTP/1.0" -> 10;
			case "HTTP/1.1" -> 11;
			case "HTTP/2", "HTTP/2.0" -> 20;
			case "HTTP/3", "HTTP/3.0" -> 30;
			default -> null;
		};
	}

	/**
	 * Return the client's TLS version as {@code 10} to {@code 13} ({@code 3} for SSL 3.0),
	 * or {@code null} if it is unknown or there is none.
	 */
	private static @Nullable Integer clientTlsVersion(Request request) {
		String value = forwarded(request) ? trustedHeader(request, "X-Forwarded-Tls-Version")
				: request.transport().tlsVersion();
		if (value == null || value.length() > 16) {
			return null;
		}
		String version = value.trim().toUpperCase(Locale.ROOT);
		if (version.startsWith("SSL")) {
			return List.of("SSLV3", "SSLV3.0", "SSL/3", "SSL/3.0", "SSL3", "SSL3.0").contains(version) ? 3 : null;
		}
		if (version.startsWith("TLSV") || version.startsWith("TLS/")) {
			version = version.substring(4);
		}
		else if (version.startsWith("TLS")) {
			version = version.substring(3);
		}
		return switch (version) {
			case "1", "1.0" -> 10;
			case "1.1" -> 11;
			case "1.2" -> 12;
			case "1.3" -> 13;
			default -> null;
		};
	}

	/**
	 * Return a header of a request the trusted proxy forwarded if it is not longer than a
	 * version can be (32 characters), else {@code null}.
	 */
	private static @Nullable String trustedHeader(Request request, String name) {
		String value = request.header(name);
		return (value != null && value.length() <= 32) ? value : null;
	}

	private static @Nullable Refusal httpVersion(Request request, boolean rejectUnknown) {
		Integer version = clientHttpVersion(request);
		if (version == null) {
			return rejectUnknown ? new Refusal(HTTP_1_1) : null;
		}
		return (version < 11) ? new Refusal(HTTP_1_1) : null;
	}

	private static @Nullable Refusal https(Request request) {
		return request.secure() ? null : new Refusal(TLS);
	}

	private static @Nullable Refusal http2(Request request) {
		Integer version = clientHttpVersion(request);
		if (version == null || version >= 20) {
			return null;
		}
		return new Refusal(request.secure() ? List.of("HTTP/2.0") : List.of("h2c", "HTTP/2.0"));
	}

	private static @Nullable Refusal webSocket(Request request) {
		String upgrade = request.header("Upgrade");
		boolean handshake = upgrade != null && Arrays.stream(upgrade.split(","))
			.anyMatch((token) -> token.strip().equalsIgnoreCase("websocket"));
		String version = request.header("Sec-WebSocket-Version");
		return (handshake && version != null && version.trim().equals("13")) ? null
				: new Refusal(List.of("websocket"), Map.of("Sec-WebSocket-Version", "13"));
	}

	private static @Nullable Refusal tlsVersion(Request request, boolean rejectUnknown) {
		Integer version = clientTlsVersion(request);
		if (version == null) {
			return rejectUnknown ? new Refusal(TLS_1_3) : null;
		}
		return (version < 13) ? new Refusal(TLS_1_3) : null;
	}

	/**
	 * The API-version rules: a version that does not read (absent, not a semantic version)
	 * is unknown.
	 */
	private static @Nullable Refusal apiVersion(@Nullable String value, String minimum, boolean rejectUnknown) {
		Version version = (value != null) ? Version.parse(value.trim()) : null;
		if (version == null) {
			return rejectUnknown ? new Refusal(API_2) : null;
		}
		return (version.compareTo(Version.parse(minimum)) < 0) ? new Refusal(List.of("API/" + minimum)) : null;
	}

	/**
	 * The {@code app} rule: platform and version from {@code X-App-Platform} and
	 * {@code X-App-Version}, or, without the version header, from the {@code User-Agent}
	 * pattern; iOS at least 5.2.0 but not 5.3.1, Android at least 5.1.0, other platforms
	 * refused; an unknown version allowed.
	 */
	private static @Nullable Refusal app(Request request) {
		String platform = request.header("X-App-Platform");
		String versionText = request.header("X-App-Version");
		String userAgent = request.header("User-Agent");
		if (versionText == null && userAgent != null) {
			Matcher matcher = APP_USER_AGENT.matcher((userAgent.length() > 512) ? userAgent.substring(0, 512) : userAgent);
			if (matcher.find()) {
				versionText = matcher.group("version");
				platform = matcher.group("platform");
			}
		}
		if (versionText == null) {
			return null;
		}
		String name = (platform != null) ? platform.trim().toLowerCase(Locale.ROOT) : "";
		Version minimum = switch (name) {
			case "ios" -> Version.parse("5.2.0");
			case "android" -> Version.parse("5.1.0");
			default -> null;
		};
		if (minimum == null) {
			// A platform that is not configured, with a version read: refused, offering the
			// bare product, whatever the version is.
			return name.isEmpty() ? null : new Refusal(List.of("ExampleApp"));
		}
		Version version = Version.parse(versionText.strip());
		if (version == null) {
			return null;
		}
		// Blocked versions are compared as versions: 5.3.1+7 and 5.3.1.0 are 5.3.1.
		boolean blocked = name.equals("ios") && version.compareTo(Version.parse("5.3.1")) == 0;
		if (version.compareTo(minimum) >= 0 && !blocked) {
			return null;
		}
		String store = name.equals("ios") ? "https://apps.apple.com/app/id000000001"
				: "https://play.google.com/store/apps/details?id=com.example.app";
		return new Refusal(List.of("ExampleApp/" + minimum.text()),
				Map.of("Link", "<" + store + ">; rel=\"latest-version\""));
	}

	/**
	 * Return the tokens the {@code browsers} rule offers a known agent (none when it lets
	 * it through), or {@code null} when the agent is not one this model knows or Client
	 * Hints could change what it is. No agent is an unknown one, which passes.
	 */
	private static @Nullable List<String> browser(Request request) {
		if (request.header("Sec-CH-UA") != null || request.header("Sec-CH-UA-Full-Version-List") != null) {
			return null;
		}
		String agent = request.header("User-Agent");
		return (agent != null) ? KNOWN_AGENTS.get(agent) : List.of();
	}

	/**
	 * Return whether the {@code beta} rule (any platform at least 6.0.0, from
	 * {@code X-App-Version}) fails the request.
	 */
	private static boolean beta(Request request) {
		String text = request.header("X-App-Version");
		Version version = (text != null) ? Version.parse(text.strip()) : null;
		return version != null && version.compareTo(Version.parse("6.0.0")) < 0;
	}

	private static @Nullable String queryParameter(@Nullable String query, String name) {
		if (query == null) {
			return null;
		}
		for (String pair : query.split("&")) {
			String[] parts = pair.split("=", 2);
			if (parts[0].equals(name)) {
				return (parts.length == 1) ? "" : URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
			}
		}
		return null;
	}

	private static @Nullable String segment(String path, int index) {
		String[] segments = path.substring(1).split("/", -1);
		return (index < segments.length && !segments[index].isEmpty()) ? segments[index] : null;
	}

	/**
	 * Return the {@code v} parameter of the first media type in {@code Accept} that has
	 * one, else of {@code Content-Type}; quotes around the value removed.
	 */
	private static @Nullable String mediaTypeParameter(Request request) {
		for (String header : List.of("Accept", "Content-Type")) {
			String value = request.header(header);
			if (value == null) {
				continue;
			}
			for (String mediaType : value.split(",")) {
				for (String parameter : mediaType.split(";")) {
					int equals = parameter.indexOf('=');
					if (equals > 0 && parameter.substring(0, equals).trim().equalsIgnoreCase("v")) {
						String version = parameter.substring(equals + 1).trim();
						return (version.length() > 1 && version.startsWith("\"") && version.endsWith("\""))
								? version.substring(1, version.length() - 1) : version;
					}
				}
			}
		}
		return null;
	}

	/**
	 * How the request reached the server.
	 */
	enum Transport {

		HTTP_1_0("HTTP/1.0", null), HTTP_1_1("HTTP/1.1", null), H2C("HTTP/2", null),
		TLS_1_2_HTTP_1_1("HTTP/1.1", "TLSv1.2"), TLS_1_3_HTTP_1_0("HTTP/1.0", "TLSv1.3"),
		TLS_1_3_HTTP_1_1("HTTP/1.1", "TLSv1.3"), TLS_1_2_H2("HTTP/2", "TLSv1.2"), TLS_1_3_H2("HTTP/2", "TLSv1.3");

		private final String protocol;

		private final @Nullable String tls;

		Transport(String protocol, @Nullable String tls) {
			this.protocol = protocol;
			this.tls = tls;
		}

		String protocol() {
			return this.protocol;
		}

		@Nullable String tlsVersion() {
			return this.tls;
		}

		boolean secure() {
			return this.tls != null;
		}

		boolean http2() {
			return this.protocol.equals("HTTP/2");
		}

		int httpVersion() {
			return switch (this.protocol) {
				case "HTTP/1.0" -> 10;
				case "HTTP/1.1" -> 11;
				default -> 20;
			};
		}

	}

	/**
	 * A request as sent, without a body.
	 *
	 * @param method {@code GET}, {@code HEAD} or {@code POST}
	 * @param transport how it travels
	 * @param peer the client's address
	 * @param path the path, as the server decodes it
	 * @param query the raw query, or {@code null}
	 * @param headers the headers, each name once
	 */
	record Request(String method, Transport transport, String peer, String path, @Nullable String query,
			Map<String, String> headers) {

		Request {
			Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			byName.putAll(headers);
			headers = byName;
		}

		@Nullable String header(String name) {
			return this.headers.get(name);
		}

		boolean secure() {
			return this.transport.secure();
		}

		@Override
		public String toString() {
			StringBuilder text = new StringBuilder(this.method).append(' ').append(this.path);
			if (this.query != null) {
				text.append('?').append(this.query);
			}
			text.append(" over ").append(this.transport).append(" from ").append(this.peer);
			this.headers.forEach((name, value) -> text.append("\n  ").append(name).append(": ")
				.append((value.length() > 300) ? value.substring(0, 300) + "… (" + value.length() + " chars)" : value));
			return text.toString();
		}

	}

	/**
	 * What the server must answer.
	 *
	 * @param status 200 (101 for a WebSocket handshake that is let through), 308 or 426,
	 * or 0 where the browser rule decides for an agent this model does not know (200 or
	 * its 426)
	 * @param upgrade the tokens offered with a 426
	 * @param rule the rule that refused, or {@code null}
	 * @param headers headers the answer must carry, with their values
	 * @param warnings the rules in warn mode that warned, or {@code null} where the browser
	 * rule in warn mode may warn for an agent this model does not know
	 */
	record Expected(int status, List<String> upgrade, @Nullable String rule, Map<String, String> headers,
			@Nullable List<String> warnings) {

		@Nullable String location() {
			return this.headers.get("Location");
		}

	}

	private record Refusal(List<String> upgrade, Map<String, String> headers) {

		Refusal(List<String> upgrade) {
			this(upgrade, Map.of());
		}

	}

	@FunctionalInterface
	private interface Check {

		@Nullable Refusal check();

	}

	/**
	 * The rules applied in order: the first refusal decides, warnings gather.
	 */
	private static final class Evaluation {

		private final Request request;

		private int status;

		private @Nullable String rule;

		private List<String> upgrade = List.of();

		private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

		private final List<String> warnings = new ArrayList<>();

		private boolean warningsUnknown;

		Evaluation(Request request) {
			this.request = request;
		}

		private boolean decided() {
			return this.status != 0 || this.rule != null;
		}

		void rule(String name, boolean applies, Check check) {
			if (decided() || !applies) {
				return;
			}
			Refusal refusal = check.check();
			if (refusal != null) {
				refuse(name, refusal);
			}
		}

		private void refuse(String name, Refusal refusal) {
			this.status = 426;
			this.rule = name;
			this.upgrade = refusal.upgrade();
			this.headers.putAll(refusal.headers());
		}

		void redirect(String name, boolean applies, String location) {
			if (!decided() && applies) {
				this.status = 308;
				this.rule = name;
				this.headers.put("Location", location);
			}
		}

		void warn(String name, boolean fails) {
			if (fails) {
				this.warnings.add(name);
			}
		}

		/**
		 * The browser rule in enforce mode: {@code tokens} empty lets the agent through,
		 * {@code null} leaves the answer to the rule itself.
		 */
		void browser(String name, boolean applies, @Nullable List<String> tokens) {
			if (decided() || !applies) {
				return;
			}
			if (tokens == null) {
				this.rule = name;
			}
			else if (!tokens.isEmpty()) {
				refuse(name, new Refusal(tokens));
			}
		}

		void browserWarning(String name, boolean applies, @Nullable List<String> tokens) {
			if (applies && tokens == null) {
				this.warningsUnknown = true;
			}
			warn(name, applies && tokens != null && !tokens.isEmpty());
		}

		Expected result() {
			List<String> warned = this.warningsUnknown ? null : List.copyOf(this.warnings);
			String path = this.request.path();
			// The controllers' CORS configuration answers the allowed origin, on a 426 too.
			boolean cors = ALLOWED_ORIGIN.equals(this.request.header("Origin")) && !under(path, "/actuator")
					&& !under(path, "/ws") && this.status != 308;
			if (cors) {
				this.headers.put("Access-Control-Allow-Origin", ALLOWED_ORIGIN);
			}
			if (this.status == 0 && this.rule != null) {
				return new Expected(0, List.of(), this.rule, Map.of(), warned);
			}
			if (this.status == 0) {
				boolean handshake = under(path, "/ws");
				return new Expected(handshake ? 101 : 200, List.of(), null, Map.copyOf(this.headers), warned);
			}
			return new Expected(this.status, this.upgrade, this.rule, Map.copyOf(this.headers), warned);
		}

	}

	/**
	 * A semantic version: numeric segments compared as numbers (missing ones count as 0),
	 * a pre-release below its release, build metadata ignored.
	 */
	private record Version(List<BigInteger> numbers, List<String> preRelease, String text)
			implements Comparable<Version> {

		/**
		 * Parse a version of at most 64 characters, or return {@code null}.
		 */
		static @Nullable Version parse(String text) {
			if (text.length() > 64) {
				return null;
			}
			Matcher matcher = VERSION.matcher(text);
			if (!matcher.matches()) {
				return null;
			}
			List<BigInteger> numbers = Arrays.stream(matcher.group(1).split("\\.")).map(BigInteger::new).toList();
			List<String> preRelease = (matcher.group(2) != null) ? List.of(matcher.group(2).split("\\.")) : List.of();
			return new Version(numbers, preRelease, text);
		}

		@Override
		public int compareTo(Version other) {
			for (int i = 0; i < Math.max(this.numbers.size(), other.numbers.size()); i++) {
				BigInteger mine = (i < this.numbers.size()) ? this.numbers.get(i) : BigInteger.ZERO;
				BigInteger theirs = (i < other.numbers.size()) ? other.numbers.get(i) : BigInteger.ZERO;
				if (mine.compareTo(theirs) != 0) {
					return mine.compareTo(theirs);
				}
			}
			if (this.preRelease.isEmpty() || other.preRelease.isEmpty()) {
				return Boolean.compare(this.preRelease.isEmpty(), other.preRelease.isEmpty());
			}
			for (int i = 0; i < Math.min(this.preRelease.size(), other.preRelease.size()); i++) {
				int compared = compareIdentifiers(this.preRelease.get(i), other.preRelease.get(i));
				if (compared != 0) {
					return compared;
				}
			}
			return Integer.compare(this.preRelease.size(), other.preRelease.size());
		}

		private static int compareIdentifiers(String mine, String theirs) {
			boolean mineNumeric = mine.chars().allMatch(Character::isDigit);
			boolean theirsNumeric = theirs.chars().allMatch(Character::isDigit);
			if (mineNumeric && theirsNumeric) {
				return new BigInteger(mine).compareTo(new BigInteger(theirs));
			}
			if (mineNumeric != theirsNumeric) {
				return mineNumeric ? -1 : 1;
			}
			return mine.compareTo(theirs);
		}

	}

}
