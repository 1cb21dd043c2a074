package io.github.upgraderequired.benchmarks;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.upgraderequired.core.HttpProtocol;
import io.github.upgraderequired.core.UpgradeRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The least work a decision on the sample application's configuration takes, written by
 * hand for that configuration: the default exclusions ({@code /actuator/**},
 * {@code /error}), the CORS preflight check, then every rule's paths in order as string
 * prefix checks (Spring's {@code PathPattern} only for a path with something to decode,
 * as the starter's matcher does), and for each rule in force the headers it needs, read
 * through {@link UpgradeRequest}, parsed in place without allocating: the forwarding
 * headers once (a forwarded request's HTTP and TLS versions are unknown, and let through,
 * without trusted proxies), the TLS protocol name, the {@code Upgrade} tokens, dotted
 * versions compared segment by segment against the minimums, the app's
 * {@code User-Agent} through the configured pattern, and the browser's family and
 * version from a cache of agent strings (as the starter's detector caches them) or from
 * a cache of its {@code Sec-CH-UA} brands. A refusal, a warning or a report is counted in a
 * Micrometer counter of the rule and client. It returns {@link #ALLOW}, {@link #WARN} or
 * the index of the refusing rule in {@link #RULES}, and answers every benchmark request
 * as the engine does (checked before each trial).
 */
final class Floor {

	/**
	 * The request is let through.
	 */
	static final int ALLOW = -1;

	/**
	 * The request is let through with a warning.
	 */
	static final int WARN = -2;

	/**
	 * The sample's rules, in order.
	 */
	static final List<String> RULES = List.of("http-1-1", "secure", "tls-1-3", "http2", "websocket", "api",
			"mobile-app", "browsers", "beta-app");

	private static final int HTTP_VERSION = 0;

	private static final int HTTPS = 1;

	private static final int TLS_VERSION = 2;

	private static final int HTTP2 = 3;

	private static final int WEBSOCKET = 4;

	private static final int API_VERSION = 5;

	private static final int APP_VERSION = 6;

	private static final int BROWSER = 7;

	private static final int BETA = 8;

	private static final int UNPARSABLE = Integer.MIN_VALUE;

	private static final String[] FORWARDED = { "Forwarded", "X-Forwarded-For", "X-Forwarded-Proto",
			"X-Forwarded-Host", "X-Forwarded-Port", "X-Forwarded-Prefix", "X-Forwarded-Ssl" };

	private static final PathPattern ACTUATOR = pattern("/actuator/**");

	private static final PathPattern ERROR = pattern("/error");

	private static final PathPattern SECURE = pattern("/secure/**");

	private static final PathPattern TLS = pattern("/tls/**");

	private static final PathPattern H2 = pattern("/h2/**");

	private static final PathPattern WS = pattern("/ws/**");

	private static final PathPattern API = pattern("/api/**");

	private static final PathPattern APP = pattern("/app/**");

	private static final PathPattern WEB = pattern("/web/**");

	private static final PathPattern BETA_PATHS = pattern("/beta/**");

	private static final long[] API_MINIMUM = { 2 };

	private static final long[] IOS_MINIMUM = { 5, 2, 0 };

	private static final long[] ANDROID_MINIMUM = { 5, 1, 0 };

	private static final long[] BETA_MINIMUM = { 6, 0, 0 };

	private static final Instant BETA_WARN_FROM = Instant.parse("2026-01-01T00:00:00Z");

	private static final Instant BETA_ENFORCE_FROM = Instant.parse("2099-01-01T00:00:00Z");

	private static final Pattern APP_USER_AGENT = Pattern
		.compile("ExampleApp/(?<version>[^ ]+) \\((?<platform>iOS|Android)");

	private static final Pattern IOS_VERSION = Pattern.compile("OS (\\d{1,3})_(\\d{1,3})");

	private static final int OTHER_CLIENT = 0;

	private static final int IOS_CLIENT = 1;

	private static final int ANDROID_CLIENT = 2;

	/**
	 * The browser families of the {@code modern} preset, in the order of their clients
	 * after {@code other}.
	 */
	private static final String[] FAMILIES = { "chrome", "edge", "firefox", "safari", "opera", "samsung-internet",
			"internet-explorer" };

	private static final int CHROME = 0;

	private static final int EDGE = 1;

	private static final int FIREFOX = 2;

	private static final int SAFARI = 3;

	private static final int OPERA = 4;

	private static final int SAMSUNG_INTERNET = 5;

	private static final int INTERNET_EXPLORER = 6;

	private static final int NOT_A_BROWSER = -1;

	/**
	 * The minimums of the {@code modern} preset by family; Internet Explorer is blocked.
	 */
	private static final long[][] BROWSER_MINIMUMS = { { 120 }, { 120 }, { 121 }, { 17, 2 }, { 106 }, { 25 } };

	private static final long[] IOS_FROZEN = { 18, 6 };

	private static final Agent NOT_BROWSER = new Agent(NOT_A_BROWSER, new long[0], false);

	private static final int MAX_CACHED_AGENTS = 4096;

	private final InstantSource clock;

	private final Map<String, Agent> agents = new ConcurrentHashMap<>();

	private final Map<String, Integer> hints = new ConcurrentHashMap<>();

	/**
	 * The counters by rule and client: {@code other}, then the platforms of
	 * {@code mobile-app} or the families of {@code browsers}.
	 */
	private final Counter[][] rejected;

	private final Counter[] betaWarned;

	private final Counter[] betaReported;

	private final FloorAnswers answers = new FloorAnswers();

	/**
	 * The client of the last refusal.
	 */
	private int client;

	/**
	 * The version the request of the last refusal sent, for the API and app rules.
	 */
	private @Nullable String current;

	/**
	 * Create a floor that counts in the given registry.
	 * @param registry the registry
	 * @param clock the clock of {@code beta-app}'s schedule
	 */
	Floor(MeterRegistry registry, InstantSource clock) {
		this.clock = clock;
		this.rejected = new Counter[RULES.size()][];
		for (int rule = 0; rule < RULES.size(); rule++) {
			this.rejected[rule] = counters(registry, rule, "rejected");
		}
		this.betaWarned = counters(registry, BETA, "warned");
		this.betaReported = counters(registry, BETA, "reported");
	}

	/**
	 * Decide on a request as {@link #decide(UpgradeRequest)} does and answer a refusal
	 * with the starter's bytes.
	 * @param request the request
	 * @return the answer, or {@code null} for a request let through
	 */
	FloorAnswers.@Nullable Answer answer(UpgradeRequest request) {
		int rule = decide(request);
		return (rule >= 0) ? this.answers.answer(rule, this.client, this.current, request) : null;
	}

	/**
	 * Decide on a request, counting a refusal, a warning or a report.
	 * @param request the request
	 * @return {@link #ALLOW}, {@link #WARN}, or the index of the refusing rule
	 */
	int decide(UpgradeRequest request) {
		String path = request.path();
		boolean plain = path.indexOf('%') < 0 && path.indexOf(';') < 0;
		if (under(path, plain, "/actuator", ACTUATOR) || (plain ? path.equals("/error") : matches(ERROR, path))) {
			return ALLOW;
		}
		if ("OPTIONS".equals(request.method()) && request.header("Origin") != null
				&& request.header("Access-Control-Request-Method") != null) {
			return ALLOW;
		}
		boolean forwarded = forwarded(request);
		if (!forwarded && isBelow(request.protocol(), HttpProtocol.HTTP_1_1)) {
			return reject(HTTP_VERSION, OTHER_CLIENT);
		}
		if (under(path, plain, "/secure", SECURE) && !request.secure()) {
			return reject(HTTPS, OTHER_CLIENT);
		}
		if (under(path, plain, "/tls", TLS) && !forwarded && tlsVersion(request.tlsProtocol()) < 3) {
			return reject(TLS_VERSION, OTHER_CLIENT);
		}
		if (under(path, plain, "/h2", H2) && !forwarded && isBelow(request.protocol(), HttpProtocol.HTTP_2)) {
			return reject(HTTP2, OTHER_CLIENT);
		}
		if (under(path, plain, "/ws", WS) && !isWebSocket13(request)) {
			return reject(WEBSOCKET, OTHER_CLIENT);
		}
		if (under(path, plain, "/api", API)) {
			String version = request.header("API-Version");
			if (version != null) {
				version = version.trim();
				if (version.length() <= 64 && isBelow(version, 0, version.length(), API_MINIMUM)) {
					this.current = version;
					return reject(API_VERSION, OTHER_CLIENT);
				}
			}
		}
		if (under(path, plain, "/app", APP)) {
			int client = appClientBelowMinimum(request);
			if (client >= 0) {
				return reject(APP_VERSION, client);
			}
		}
		if (under(path, plain, "/web", WEB)) {
			int client = browserClientBelowMinimum(request);
			if (client >= 0) {
				return reject(BROWSER, client);
			}
		}
		if (under(path, plain, "/beta", BETA_PATHS)) {
			return beta(request);
		}
		return ALLOW;
	}

	private int reject(int rule, int client) {
		this.rejected[rule][client].increment();
		this.client = client;
		return rule;
	}

	private static boolean forwarded(UpgradeRequest request) {
		for (String name : FORWARDED) {
			if (request.header(name) != null) {
				return true;
			}
		}
		return false;
	}

	private static boolean isBelow(@Nullable HttpProtocol protocol, HttpProtocol minimum) {
		return protocol != null && protocol.compareTo(minimum) < 0;
	}

	/**
	 * Return the minor version of a TLS protocol as Java names it (3 for
	 * {@code TLSv1.3}), -1 for SSL 3, or {@link Integer#MAX_VALUE} when there is none or
	 * it is not one of these, which lets the request through.
	 */
	private static int tlsVersion(@Nullable String protocol) {
		if (protocol == null) {
			return Integer.MAX_VALUE;
		}
		if (protocol.equals("SSLv3")) {
			return -1;
		}
		if (!protocol.startsWith("TLSv1")) {
			return Integer.MAX_VALUE;
		}
		if (protocol.length() == 5) {
			return 0;
		}
		if (protocol.length() == 7 && protocol.charAt(5) == '.' && protocol.charAt(6) >= '0'
				&& protocol.charAt(6) <= '3') {
			return protocol.charAt(6) - '0';
		}
		return Integer.MAX_VALUE;
	}

	private static boolean isWebSocket13(UpgradeRequest request) {
		String upgrade = request.header("Upgrade");
		if (upgrade == null || !hasToken(upgrade, "websocket")) {
			return false;
		}
		String version = request.header("Sec-WebSocket-Version");
		return version != null && version.trim().equals("13");
	}

	/**
	 * Return whether a comma-separated header holds a token, ignoring case and the
	 * spaces around it.
	 */
	private static boolean hasToken(String header, String token) {
		int start = 0;
		while (start <= header.length()) {
			int comma = header.indexOf(',', start);
			int end = (comma < 0) ? header.length() : comma;
			int from = start;
			int to = end;
			while (from < to && header.charAt(from) <= ' ') {
				from++;
			}
			while (to > from && header.charAt(to - 1) <= ' ') {
				to--;
			}
			if (to - from == token.length() && header.regionMatches(true, from, token, 0, token.length())) {
				return true;
			}
			start = end + 1;
		}
		return false;
	}

	/**
	 * Return the client of an app request below its platform's minimum, or -1.
	 */
	private int appClientBelowMinimum(UpgradeRequest request) {
		String platform = request.header("X-App-Platform");
		String version = request.header("X-App-Version");
		if (version == null) {
			String userAgent = request.header("User-Agent");
			if (userAgent != null) {
				Matcher matcher = APP_USER_AGENT.matcher((userAgent.length() > 512) ? userAgent.substring(0, 512)
						: userAgent);
				if (matcher.find()) {
					version = matcher.group("version");
					platform = matcher.group("platform");
				}
			}
		}
		if (version == null || platform == null) {
			return -1;
		}
		platform = platform.trim();
		long[] minimum;
		int client;
		if (platform.equalsIgnoreCase("ios")) {
			minimum = IOS_MINIMUM;
			client = IOS_CLIENT;
		}
		else if (platform.equalsIgnoreCase("android")) {
			minimum = ANDROID_MINIMUM;
			client = ANDROID_CLIENT;
		}
		else {
			return -1;
		}
		this.current = version;
		return isBelow(version, 0, version.length(), minimum) ? client : -1;
	}

	/**
	 * Return the client (1 + family) of a browser below its family's minimum or of a
	 * blocked family, or -1.
	 */
	private int browserClientBelowMinimum(UpgradeRequest request) {
		String userAgent = request.header("User-Agent");
		Agent agent = null;
		if (userAgent != null) {
			agent = agent(userAgent);
			if (agent.family == NOT_A_BROWSER) {
				return -1;
			}
		}
		int hinted = cachedHint(request.header("Sec-CH-UA-Full-Version-List"));
		if (hinted == UNPARSABLE) {
			hinted = cachedHint(request.header("Sec-CH-UA"));
		}
		if (hinted != UNPARSABLE) {
			return hinted;
		}
		if (agent == null) {
			return -1;
		}
		if (agent.family == INTERNET_EXPLORER) {
			return 1 + INTERNET_EXPLORER;
		}
		boolean below = compare(agent.version, BROWSER_MINIMUMS[agent.family]) < 0 && !agent.iosFrozen;
		return below ? 1 + agent.family : -1;
	}

	/**
	 * Judge a Client Hints brand list through a cache of what each value said, as the
	 * starter's detector caches its parses (the answers are small, cached {@code Integer}s).
	 */
	private int cachedHint(@Nullable String header) {
		if (header == null) {
			return UNPARSABLE;
		}
		Integer cached = this.hints.get(header);
		if (cached == null) {
			cached = hinted(header);
			this.hints.put(header, cached);
		}
		return cached;
	}

	/**
	 * Judge a Client Hints brand list: the client (1 + family) of a brand below its
	 * minimum, -1 when it passes, or {@link #UNPARSABLE} when it says nothing usable.
	 */
	private static int hinted(@Nullable String header) {
		if (header == null || header.isBlank() || header.length() > 1024) {
			return UNPARSABLE;
		}
		int family = NOT_A_BROWSER;
		int versionStart = 0;
		int versionEnd = 0;
		boolean other = false;
		int start = 0;
		for (int item = 0; item < 16 && start <= header.length(); item++) {
			int comma = header.indexOf(',', start);
			int end = (comma < 0) ? header.length() : comma;
			int from = start;
			int to = end;
			start = end + 1;
			while (from < to && header.charAt(from) <= ' ') {
				from++;
			}
			while (to > from && header.charAt(to - 1) <= ' ') {
				to--;
			}
			if (from == to || header.charAt(from) != '"') {
				continue;
			}
			int close = header.indexOf('"', from + 1);
			if (close < 0 || close >= to) {
				continue;
			}
			int v = header.indexOf("v=", close);
			if (v < 0 || v >= to) {
				continue;
			}
			int nameStart = from + 1;
			int nameLength = close - nameStart;
			if (containsIgnoreCase(header, nameStart, close, "not")
					&& containsIgnoreCase(header, nameStart, close, "brand")) {
				continue;
			}
			int brand = brand(header, nameStart, nameLength);
			if (brand == NOT_A_BROWSER) {
				continue;
			}
			if (brand == Integer.MAX_VALUE) {
				other = true;
				continue;
			}
			if (brand == Integer.MIN_VALUE) {
				// A webview or headless Chrome: not judged.
				return -1;
			}
			family = brand;
			versionStart = v + 2;
			versionEnd = to;
			while (versionStart < versionEnd && header.charAt(versionStart) <= ' ') {
				versionStart++;
			}
			if (versionEnd - versionStart >= 2 && header.charAt(versionStart) == '"'
					&& header.charAt(versionEnd - 1) == '"') {
				versionStart++;
				versionEnd--;
			}
		}
		if (other) {
			return -1;
		}
		if (family == NOT_A_BROWSER) {
			return UNPARSABLE;
		}
		int compared = compare(header, versionStart, versionEnd, BROWSER_MINIMUMS[family]);
		if (compared == UNPARSABLE) {
			return UNPARSABLE;
		}
		return (compared < 0) ? 1 + family : -1;
	}

	/**
	 * Return the family of a brand, {@link #NOT_A_BROWSER} for Chromium,
	 * {@link Integer#MIN_VALUE} for a webview or headless Chrome, or
	 * {@link Integer#MAX_VALUE} for another browser.
	 */
	private static int brand(String header, int start, int length) {
		if (is(header, start, length, "google chrome")) {
			return CHROME;
		}
		if (is(header, start, length, "microsoft edge")) {
			return EDGE;
		}
		if (is(header, start, length, "chromium")) {
			return NOT_A_BROWSER;
		}
		if (is(header, start, length, "opera") || is(header, start, length, "opera gx")) {
			return OPERA;
		}
		if (is(header, start, length, "samsung internet")) {
			return SAMSUNG_INTERNET;
		}
		if (is(header, start, length, "android webview") || is(header, start, length, "headlesschrome")) {
			return Integer.MIN_VALUE;
		}
		return Integer.MAX_VALUE;
	}

	private static boolean is(String text, int start, int length, String name) {
		return length == name.length() && text.regionMatches(true, start, name, 0, length);
	}

	private static boolean containsIgnoreCase(String text, int start, int end, String part) {
		for (int i = start; i + part.length() <= end; i++) {
			if (text.regionMatches(true, i, part, 0, part.length())) {
				return true;
			}
		}
		return false;
	}

	private Agent agent(String userAgent) {
		Agent agent = this.agents.get(userAgent);
		if (agent == null) {
			agent = parse(userAgent);
			if (this.agents.size() >= MAX_CACHED_AGENTS) {
				this.agents.clear();
			}
			this.agents.put(userAgent, agent);
		}
		return agent;
	}

	/**
	 * Read the family and version of the agents the benchmark sends (only on a cache
	 * miss, so its cost is not measured).
	 */
	private static Agent parse(String userAgent) {
		if (!userAgent.regionMatches(true, 0, "Mozilla/", 0, 8)) {
			return NOT_BROWSER;
		}
		int open = userAgent.indexOf('(');
		int close = userAgent.indexOf(')', open);
		String comment = (open >= 0 && close > open) ? userAgent.substring(open + 1, close) : "";
		if (comment.contains("MSIE") || comment.contains("Trident/")) {
			return new Agent(INTERNET_EXPLORER, new long[0], false);
		}
		boolean ios = comment.contains("iPhone") || comment.contains("iPad") || comment.contains("iPod");
		String edge = token(userAgent, "Edg/");
		edge = (edge != null) ? edge : token(userAgent, "EdgA/");
		edge = (edge != null) ? edge : token(userAgent, "Edge/");
		if (edge != null) {
			return browser(EDGE, edge, false);
		}
		if (token(userAgent, "OPR/") != null) {
			return browser(OPERA, token(userAgent, "OPR/"), false);
		}
		if (token(userAgent, "SamsungBrowser/") != null) {
			return browser(SAMSUNG_INTERNET, token(userAgent, "SamsungBrowser/"), false);
		}
		if (ios) {
			for (String name : new String[] { "CriOS/", "FxiOS/", "EdgiOS/", "OPT/" }) {
				if (token(userAgent, name) != null) {
					Matcher matcher = IOS_VERSION.matcher(comment);
					if (!matcher.find()) {
						return NOT_BROWSER;
					}
					long[] version = { Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)) };
					return new Agent(SAFARI, version, compare(version, IOS_FROZEN) >= 0);
				}
			}
			return (token(userAgent, "Version/") != null && token(userAgent, "Safari/") != null)
					? browser(SAFARI, token(userAgent, "Version/"), false) : NOT_BROWSER;
		}
		if (token(userAgent, "Firefox/") != null) {
			return browser(FIREFOX, token(userAgent, "Firefox/"), false);
		}
		if (token(userAgent, "Chrome/") != null) {
			return browser(CHROME, token(userAgent, "Chrome/"), false);
		}
		if (token(userAgent, "Version/") != null && token(userAgent, "Safari/") != null) {
			return browser(SAFARI, token(userAgent, "Version/"), false);
		}
		return NOT_BROWSER;
	}

	private static @Nullable String token(String userAgent, String name) {
		int index = userAgent.indexOf(name);
		while (index > 0 && userAgent.charAt(index - 1) != ' ') {
			index = userAgent.indexOf(name, index + 1);
		}
		if (index < 0) {
			return null;
		}
		int start = index + name.length();
		int end = userAgent.indexOf(' ', start);
		return userAgent.substring(start, (end < 0) ? userAgent.length() : end);
	}

	private static Agent browser(int family, String version, boolean iosFrozen) {
		String[] segments = version.split("\\.");
		long[] numbers = new long[segments.length];
		for (int i = 0; i < segments.length; i++) {
			if (segments[i].isEmpty() || !segments[i].chars().allMatch(Character::isDigit)) {
				return NOT_BROWSER;
			}
			numbers[i] = Long.parseLong(segments[i]);
		}
		return new Agent(family, numbers, iosFrozen);
	}

	private int beta(UpgradeRequest request) {
		Instant now = this.clock.instant();
		String version = request.header("X-App-Version");
		if (version == null || !isBelow(version, 0, version.length(), BETA_MINIMUM)) {
			return ALLOW;
		}
		if (!now.isBefore(BETA_ENFORCE_FROM)) {
			return reject(BETA, OTHER_CLIENT);
		}
		if (!now.isBefore(BETA_WARN_FROM)) {
			this.betaWarned[OTHER_CLIENT].increment();
			return WARN;
		}
		this.betaReported[OTHER_CLIENT].increment();
		return ALLOW;
	}

	private static boolean isBelow(String text, int start, int end, long[] minimum) {
		int compared = compare(text, start, end, minimum);
		return compared != UNPARSABLE && compared < 0;
	}

	/**
	 * Compare a version in a region of a text with a minimum of plain numbers, parsing it
	 * as the starter's {@code VersionNumber} does (an optional {@code v}, at most 8
	 * numeric segments of at most 18 digits, a pre-release below its release, build
	 * metadata ignored) without allocating.
	 * @return below, equal or above zero, or {@link #UNPARSABLE}
	 */
	static int compare(String text, int start, int end, long[] minimum) {
		while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
			start++;
		}
		while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
			end--;
		}
		if (start == end || end - start > 64) {
			return UNPARSABLE;
		}
		if (text.charAt(start) == 'v' || text.charAt(start) == 'V') {
			start++;
		}
		int plus = indexOf(text, '+', start, end);
		int releaseEnd = (plus >= 0) ? plus : end;
		int dash = indexOf(text, '-', start, releaseEnd);
		int numbersEnd = (dash >= 0) ? dash : releaseEnd;
		int compared = 0;
		int segment = 0;
		int segmentStart = start;
		for (int i = start; i <= numbersEnd; i++) {
			if (i == numbersEnd || text.charAt(i) == '.') {
				int digits = i - segmentStart;
				if (digits == 0 || digits > 18 || segment == 8) {
					return UNPARSABLE;
				}
				if (compared == 0) {
					long value = Long.parseLong(text, segmentStart, i, 10);
					compared = Long.compare(value, (segment < minimum.length) ? minimum[segment] : 0);
				}
				segment++;
				segmentStart = i + 1;
			}
			else if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return UNPARSABLE;
			}
		}
		for (int i = segment; compared == 0 && i < minimum.length; i++) {
			compared = Long.compare(0, minimum[i]);
		}
		if (dash >= 0) {
			if (!isIdentifiers(text, dash + 1, releaseEnd)) {
				return UNPARSABLE;
			}
			compared = (compared != 0) ? compared : -1;
		}
		if (plus >= 0 && !isIdentifiers(text, plus + 1, end)) {
			return UNPARSABLE;
		}
		return compared;
	}

	private static int compare(long[] version, long[] minimum) {
		for (int i = 0; i < Math.max(version.length, minimum.length); i++) {
			long mine = (i < version.length) ? version[i] : 0;
			long theirs = (i < minimum.length) ? minimum[i] : 0;
			if (mine != theirs) {
				return Long.compare(mine, theirs);
			}
		}
		return 0;
	}

	private static boolean isIdentifiers(String text, int start, int end) {
		if (start == end || text.charAt(start) == '.' || text.charAt(end - 1) == '.') {
			return false;
		}
		for (int i = start; i < end; i++) {
			char c = text.charAt(i);
			boolean allowed = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-'
					|| c == '.';
			if (!allowed || (c == '.' && text.charAt(i - 1) == '.')) {
				return false;
			}
		}
		return true;
	}

	private static int indexOf(String text, char c, int start, int end) {
		int index = text.indexOf(c, start);
		return (index >= 0 && index < end) ? index : -1;
	}

	private static boolean under(String path, boolean plain, String base, PathPattern pattern) {
		if (!plain) {
			return matches(pattern, path);
		}
		return path.startsWith(base) && (path.length() == base.length() || path.charAt(base.length()) == '/');
	}

	private static boolean matches(PathPattern pattern, String path) {
		return pattern.matches(PathContainer.parsePath(path));
	}

	private static PathPattern pattern(String pattern) {
		return PathPatternParser.defaultInstance.parse(pattern);
	}

	private static Counter[] counters(MeterRegistry registry, int rule, String outcome) {
		int clients = (rule == BROWSER) ? 1 + FAMILIES.length : (rule == APP_VERSION) ? 3 : 1;
		Counter[] counters = new Counter[clients];
		for (int client = 0; client < clients; client++) {
			String name = (client == 0) ? "other"
					: (rule == BROWSER) ? FAMILIES[client - 1] : (client == IOS_CLIENT) ? "ios" : "android";
			counters[client] = Counter.builder("floor.requests")
				.tag("rule", RULES.get(rule))
				.tag("outcome", outcome)
				.tag("client", name)
				.register(registry);
		}
		return counters;
	}

	/**
	 * What the floor keeps of an agent string.
	 *
	 * @param family the family, or {@link #NOT_A_BROWSER}
	 * @param version the version's numbers
	 * @param iosFrozen whether it is a frozen iOS version, which no minimum fails
	 */
	private record Agent(int family, long[] version, boolean iosFrozen) {

	}

}
