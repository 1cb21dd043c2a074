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
 * must answer to a {@code GET}, worked out by hand from the README's description of each
 * rule type and from the profile's YAML, never by calling the starter's engine, rules,
 * parsers or renderer: the status, the {@code Upgrade} tokens, the rule that refused and
 * whether a rule in warn mode warned. The socket-level property test holds both stacks to
 * it, so a wrong decision fails there even when the engine and the renderer agree with
 * each other.
 * <p>
 * Where the README leaves a detail open (the forms of a version header, the longest value
 * read), this model fixes one reading, and the README says it too. The browser rules are
 * not modelled: their answers are only checked for shape.
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
			return Expected.passed(false);
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
		evaluation.redirect("secure-redirect", under(path, "/redirect") && !request.secure(),
				"https://localhost:8443" + path + ((request.query() != null) ? "?" + request.query() : ""));
		// 'internal' exempts every loopback caller, and the tests call from loopback.
		evaluation.warn("deprecated", under(path, "/deprecated") && https(request) != null);
		evaluation.rule("http2", under(path, "/h2"), () -> http2(request));
		evaluation.rule("websocket", under(path, "/ws"), () -> webSocket(request));
		evaluation.rule("tls-1-3", under(path, "/tls"), () -> tlsVersion(request, false));
		evaluation.warn("tls-1-3-soon", under(path, "/tls-warn") && tlsVersion(request, false) != null);
		evaluation.rule("api", under(path, "/api"), () -> apiVersion(request.header("API-Version"), "2", false));
		evaluation.rule("app", under(path, "/app"), () -> app(request));
		evaluation.browser("browsers", under(path, "/web"));
		evaluation.browser("browsers-soon", under(path, "/web-soon"));
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
	 * Return whether a proxy forwarded the request: it carries a forwarding header.
	 */
	private static boolean forwarded(Request request) {
		return FORWARDING_HEADERS.stream().anyMatch((name) -> request.header(name) != null);
	}

	/**
	 * Return the client's HTTP version as {@code 10}, {@code 11}, {@code 20} or
	 * {@code 30}, or {@code null} if it is unknown: the connection's own unless the request
	 * was forwarded; then only what the trusted proxy says in its header.
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
	 * Return a header of a forwarded request if a trusted proxy sent it and it is not
	 * longer than a version can be (32 characters), else {@code null}.
	 */
	private static @Nullable String trustedHeader(Request request, String name) {
		if (!TRUSTED_PROXY.equals(request.peer())) {
			return null;
		}
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
		return (handshake && version != null && version.trim().equals("13")) ? null : new Refusal(List.of("websocket"));
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
			return name.isEmpty() ? null : new Refusal(List.of("ExampleApp"));
		}
		Version version = Version.parse(versionText.strip());
		if (version == null) {
			return null;
		}
		boolean blocked = name.equals("ios") && version.compareTo(Version.parse("5.3.1")) == 0;
		return (version.compareTo(minimum) < 0 || blocked) ? new Refusal(List.of("ExampleApp/" + minimum.text())) : null;
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
	 * A {@code GET} as sent.
	 *
	 * @param transport how it travels
	 * @param peer the client's address
	 * @param path the path, as the server decodes it
	 * @param query the raw query, or {@code null}
	 * @param headers the headers, each name once
	 */
	record Request(Transport transport, String peer, String path, @Nullable String query, Map<String, String> headers) {

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
			StringBuilder text = new StringBuilder("GET ").append(this.path);
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
	 * or 0 where a browser rule decides (200 or its 426)
	 * @param upgrade the tokens offered with a 426
	 * @param rule the rule that refused, or {@code null}
	 * @param location the redirect's location, or {@code null}
	 * @param warned whether a rule in warn mode warned ({@code null} where a browser rule
	 * may warn)
	 */
	record Expected(int status, List<String> upgrade, @Nullable String rule, @Nullable String location,
			@Nullable Boolean warned) {

		static Expected passed(@Nullable Boolean warned) {
			return new Expected(200, List.of(), null, null, warned);
		}

	}

	private record Refusal(List<String> upgrade) {
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

		private @Nullable Expected refused;

		private boolean warned;

		private boolean browserDecides;

		private boolean browserMayWarn;

		Evaluation(Request request) {
			this.request = request;
		}

		void rule(String name, boolean applies, Check check) {
			if (this.refused != null || this.browserDecides || !applies) {
				return;
			}
			Refusal refusal = check.check();
			if (refusal != null) {
				this.refused = new Expected(426, refusal.upgrade(), name, null, null);
			}
		}

		void redirect(String name, boolean applies, String location) {
			if (this.refused == null && !this.browserDecides && applies) {
				this.refused = new Expected(308, List.of(), name, location, null);
			}
		}

		void warn(String name, boolean fails) {
			this.warned |= fails;
		}

		void browser(String name, boolean applies) {
			if (applies && name.endsWith("-soon")) {
				this.browserMayWarn = true;
			}
			else if (applies && this.refused == null) {
				this.browserDecides = true;
			}
		}

		Expected result() {
			Boolean warnedOrUnknown = (this.browserMayWarn && !this.warned) ? null : this.warned;
			if (this.refused != null) {
				return new Expected(this.refused.status(), this.refused.upgrade(), this.refused.rule(),
						this.refused.location(), warnedOrUnknown);
			}
			if (this.browserDecides) {
				return new Expected(0, List.of(), null, null, null);
			}
			boolean handshake = under(this.request.path(), "/ws");
			return new Expected(handshake ? 101 : 200, List.of(), null, null, warnedOrUnknown);
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
