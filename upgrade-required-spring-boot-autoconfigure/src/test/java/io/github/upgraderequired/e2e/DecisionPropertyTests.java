package io.github.upgraderequired.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.upgraderequired.core.Decision;
import io.github.upgraderequired.core.Header;
import io.github.upgraderequired.core.HttpProtocol;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.render.UpgradeResponse;
import io.github.upgraderequired.render.UpgradeResponseRenderer;
import io.github.upgraderequired.test.MockUpgradeRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatObject;

/**
 * Properties of the decision and of the answer rendered for it, over every rule type of
 * the {@code e2e} profile, with the engine and renderer the auto-configuration builds from
 * it, and hostile requests: any characters, control characters, line breaks, values up to
 * the servers' header limit, thousands of separators, huge numbers and markup.
 */
class DecisionPropertyTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static RunningStack stack;

	private static UpgradeEngine engine;

	private static UpgradeResponseRenderer renderer;

	@BeforeAll
	static void start() {
		stack = RunningStack.webMvc();
		engine = stack.engine();
		renderer = stack.renderer();
	}

	@AfterAll
	static void stop() {
		stack.close();
	}

	@Test
	void everyRequestIsDecidedAndAnsweredWithAWellFormedResponse() {
		PropertyCheck.forAll(hostileRequests(), (request, tally) -> {
			Decision decision = engine.decide(request.toMockRequest());
			if (!decision.isRejected()) {
				tally.count(decision.isWarning() ? "warned" : "passed");
				assertThat(renderer.passHeaders(decision)).allSatisfy(DecisionPropertyTests::assertLegal);
				return;
			}
			UpgradeResponse response = renderer.render(decision, request.toMockRequest());
			tally.count((response.status() == 308) ? "redirect"
					: String.valueOf(response.contentType()).replaceAll(";.*", ""));
			assertThat(response.status()).isIn(308, 426);
			assertThat(response.headers()).allSatisfy(DecisionPropertyTests::assertLegal);
			assertThat(response.contentLength()).isEqualTo(response.body().length);
			String body = new String(response.body(), StandardCharsets.UTF_8);
			if (response.status() == 308) {
				URI location = URI.create(header(response, "Location"));
				assertThat(location.getScheme()).isEqualTo("https");
				assertThat(location.getHost()).isEqualTo("localhost");
				return;
			}
			assertThat(header(response, "Cache-Control")).isEqualTo("no-store");
			String contentType = String.valueOf(response.contentType());
			if (contentType.startsWith("application/problem+json")) {
				JsonNode problem = JSON.readTree(body);
				assertThat(problem.get("status").asInt()).isEqualTo(response.status());
				assertThat(problem.get("rule").asString()).isEqualTo(decision.rejection().rule().name());
				JsonNode current = problem.get("current");
				if (current != null) {
					// Cut to 128 characters and an ellipsis.
					assertThat(current.asString().length()).isLessThanOrEqualTo(129);
					if (current.asString().length() == 129) {
						assertThat(current.asString()).endsWith("…");
						tally.count("truncated");
					}
				}
			}
			else if (contentType.startsWith("text/html")) {
				assertThat(body.toLowerCase(Locale.ROOT)).doesNotContain("<script");
				// Every placeholder of the page was replaced, once: a '{{' left in the page
				// can only be one the request brought, shown as text.
				assertThat(occurrences(body, "{{")).isLessThanOrEqualTo(occurrences(request.toString(), "{{"));
			}
			else {
				assertThat(contentType).startsWith("text/plain");
				assertThat(body).doesNotContain("\r").doesNotContain("\u0000");
			}
			tally.count("rule " + decision.rejection().rule().name());
		}).assertEach(20, "passed", "warned", "redirect", "application/problem+json", "text/html", "text/plain")
			.assertEach(5, "truncated")
			// Every rule that can refuse over plain HTTP did, at least once.
			.assertEach(1, "rule http-1-1", "rule http-1-1-strict", "rule secure", "rule secure-redirect",
					"rule internal", "rule http2", "rule websocket", "rule api", "rule api-query", "rule api-path",
					"rule api-media", "rule api-strict", "rule app", "rule browsers");
	}

	@Test
	void theSameRequestAlwaysGetsTheSameAnswer() {
		PropertyCheck.forAll(hostileRequests(), (request, tally) -> {
			String first = answer(request);
			assertThat(answer(request)).isEqualTo(first);
			assertThat(answer(request)).isEqualTo(first);
		});
	}

	@Test
	void aHeaderNoRuleReadsNeverChangesTheAnswer() {
		Gen<GeneratedRequest> requests = hostileRequests();
		Gen<String> names = unrelatedHeaderNames();
		Gen<GeneratedRequest[]> pairs = (random) -> {
			GeneratedRequest request = requests.next(random);
			return new GeneratedRequest[] { request,
					request.with(names.next(random), HostileValues.text().next(random)) };
		};
		PropertyCheck.forAll(pairs.map(List::of), (pair, tally) -> {
			String answer = answer(pair.get(0));
			tally.count(answer.startsWith("pass") ? "passed" : "refused");
			assertThat(answer(pair.get(1))).isEqualTo(answer);
		}).assertEach(1_000, "passed", "refused");
	}

	@Test
	void aGreaterVersionIsNeverRefusedWhereASmallerOneIsAllowed() {
		Gen<List<Object>> cases = Gen.of(VersionProbe.ALL)
			.flatMap((probe) -> probe.versions()
				.flatMap((smaller) -> probe.onlyReleases(smaller.greater())
					.map((greater) -> List.<Object>of(probe, smaller, greater))));
		PropertyCheck.forAll(cases, (versions, tally) -> {
			VersionProbe probe = (VersionProbe) versions.get(0);
			GeneratedVersion smaller = (GeneratedVersion) versions.get(1);
			GeneratedVersion greater = (GeneratedVersion) versions.get(2);
			if (probe.isBlocked(greater)) {
				return;
			}
			boolean smallerAllowed = probe.refuses(smaller) == null;
			tally.count(smallerAllowed ? "allowed" : "refused");
			if (smallerAllowed) {
				assertThat(probe.refuses(greater)).as("%s allowed, but %s refused", smaller, greater).isNull();
			}
		}).assertEach(1_000, "allowed", "refused");
	}

	@Test
	void versionsFromTheMinimumUpAreAllowedAndVersionsBelowItRefused() {
		Gen<List<Object>> cases = Gen.of(VersionProbe.ALL).flatMap((probe) -> {
			GeneratedVersion minimum = GeneratedVersion.of(probe.minimum);
			Gen<GeneratedVersion> same = Gen.of(minimum,
					new GeneratedVersion(Arrays.copyOf(probe.minimum, probe.minimum.length + 1), null, false, null),
					new GeneratedVersion(probe.minimum, null, true, null),
					new GeneratedVersion(probe.minimum, null, false, "build.7"));
			Gen<List<Object>> allowed = Gen.oneOf(probe.onlyReleases(same), probe.onlyReleases(minimum.greater()))
				.map((version) -> List.of(probe, version, true));
			Gen<List<Object>> refused = probe.onlyReleases(minimum.smaller())
				.map((version) -> List.of(probe, version, false));
			return Gen.oneOf(allowed, refused);
		});
		PropertyCheck.forAll(cases, (versions, tally) -> {
			VersionProbe probe = (VersionProbe) versions.get(0);
			GeneratedVersion version = (GeneratedVersion) versions.get(1);
			tally.count(probe);
			if ((Boolean) versions.get(2)) {
				if (!probe.isBlocked(version)) {
					assertThat(probe.refuses(version)).as("%s below the minimum %s", version, probe.minimum).isNull();
				}
				return;
			}
			Decision.Rejection rejection = probe.refuses(version);
			assertThat(rejection).as("%s below the minimum %s", version, probe.minimum).isNotNull();
			assertThat(rejection.rule().name()).isEqualTo(probe.rule);
			assertThat(rejection.status()).isEqualTo(426);
			assertThat(rejection.upgrade()).isNotEmpty();
		}).assertEach(300, VersionProbe.ALL.toArray());
	}

	@Test
	void aValueThatDoesNotParseFollowsTheRulesUnknownValuePolicy() {
		PropertyCheck.forAll(unparsableVersions(), (value, tally) -> {
			// api: unknown values allowed (the default); api-strict: refused.
			assertThat(rejection(GeneratedRequest.get("/api/hello").with("API-Version", value))).isNull();
			assertThatObject(rejection(GeneratedRequest.get("/api-strict/hello").with("API-Version", value)))
				.extracting((refused) -> refused.rule().name())
				.isEqualTo("api-strict");
			assertThat(rejection(GeneratedRequest.get("/app/hello").with("X-App-Platform", "ios")
				.with("X-App-Version", value))).isNull();
		});
	}

	@Test
	void aPlatformNotConfiguredIsRefusedAsTheRuleSays() {
		// Nothing but spaces and control characters counts as no platform (String.trim).
		Gen<String> platforms = HostileValues.text()
			.filter((platform) -> !platform.trim().isEmpty())
			.filter((platform) -> !Set.of("ios", "android").contains(platform.trim().toLowerCase(Locale.ROOT)));
		Gen<List<String>> cases = (random) -> List.of(platforms.next(random), GeneratedVersion.any().next(random).text());
		PropertyCheck.forAll(cases, (platformAndVersion, tally) -> {
			// app: unknown-platform: reject.
			Decision.Rejection rejection = rejection(GeneratedRequest.get("/app/hello")
				.with("X-App-Platform", platformAndVersion.get(0))
				.with("X-App-Version", platformAndVersion.get(1)));
			assertThat(rejection).isNotNull();
			assertThat(rejection.rule().name()).isEqualTo("app");
		});
	}

	@Test
	void anAgentNoBrowserIsFoundInIsAllowed() {
		Gen<String> agents = HostileValues.text()
			.filter((agent) -> !agent.matches("(?s).*(Chrome|Chromium|CriOS|Firefox|FxiOS|Safari|Version/|OPR|Opera|"
					+ "Edg|EdgiOS|SamsungBrowser|MSIE|Trident|Mobile|iPhone|iPad|Macintosh).*"));
		PropertyCheck.forAll(agents, (agent, tally) -> assertThat(
				rejection(GeneratedRequest.get("/web/").with("User-Agent", agent))).isNull());
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

	private static String answer(GeneratedRequest request) {
		Decision decision = engine.decide(request.toMockRequest());
		if (!decision.isRejected()) {
			return "pass " + renderer.passHeaders(decision);
		}
		UpgradeResponse response = renderer.render(decision, request.toMockRequest());
		return response.status() + " " + response.headers() + " " + response.contentType() + " "
				+ Arrays.toString(response.body());
	}

	private static Decision.Rejection rejection(GeneratedRequest request) {
		return engine.decide(request.toMockRequest()).rejection();
	}

	private static void assertLegal(Header header) {
		assertThat(header.name()).matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
		assertThat(header.value()).as(header.name())
			.doesNotContainPattern("[\\x00-\\x08\\x0A-\\x1F\\x7F]")
			.matches("[\\x09\\x20-\\xFF]*");
	}

	private static String header(UpgradeResponse response, String name) {
		return response.headers()
			.stream()
			.filter((header) -> header.name().equalsIgnoreCase(name))
			.map(Header::value)
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + name + " header in " + response.headers()));
	}

	private static Gen<GeneratedRequest> hostileRequests() {
		Gen<String> paths = Gen.oneOf(Gen.of(GeneratedRequest.PATHS),
				(random) -> Gen.of(GeneratedRequest.PATHS).next(random) + HostileValues.text().next(random),
				// The API version as a path segment, whatever it holds.
				(random) -> "/api-path/" + HostileValues.text().next(random) + "/hello", HostileValues.text());
		Gen<String> queries = Gen.oneOf(HostileValues.text(), HostileValues.text().map((value) -> "version=" + value),
				Gen.of("version=1", "version=1.9", "version=2", "version=10", "a=b&version=0"),
				HostileValues.text().map((value) -> "version=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
		Gen<Map<String, String>> headers = (random) -> {
			Map<String, String> map = new LinkedHashMap<>();
			for (String name : Gen.subsetOf(GeneratedRequest.READ_HEADERS).next(random)) {
				map.put(name, HostileValues.headerValue().next(random));
			}
			if (random.nextInt(4) == 0) {
				// A WebSocket handshake, whose Sec-WebSocket-Version the WebSocket rule echoes.
				map.put("Upgrade", "websocket");
				map.put("Connection", "Upgrade");
				if (random.nextBoolean()) {
					// Longer than the 128 characters the answer shows of it.
					map.put("Sec-WebSocket-Version",
							"1".repeat(100 + random.nextInt(200)) + HostileValues.headerValue().next(random));
				}
			}
			String accept = accepts().orNull(0.2).next(random);
			if (accept != null) {
				map.put("Accept", accept);
			}
			return map;
		};
		return (random) -> new GeneratedRequest(
				Gen.of(HttpProtocol.HTTP_1_0, HttpProtocol.HTTP_1_1, HttpProtocol.HTTP_2).orNull(0.05).next(random),
				paths.next(random), queries.orNull(0.5).next(random), random.nextBoolean(),
				Gen.of("127.0.0.1", "192.0.2.10", "::1", "not an address").next(random), headers.next(random));
	}

	private static Gen<String> accepts() {
		return Gen.oneOf(Gen.of("application/json", "application/problem+json", "*/*",
				"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html", "text/plain",
				"text/plain;q=0.5, text/html;q=0.4", "application/json;v=1"), HostileValues.text());
	}

	private static Gen<String> unrelatedHeaderNames() {
		Set<String> read = GeneratedRequest.READ_HEADERS.stream()
			.map((name) -> name.toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
		return Gen.strings("azAZ09", "-_!#$%&'*+.^`|~", 1, 40).filter((name) -> {
			String lower = name.toLowerCase(Locale.ROOT);
			return !read.contains(lower) && !lower.startsWith("x-forwarded-") && !lower.startsWith("sec-")
					&& !lower.equals("host") && !lower.equals("upgrade") && !lower.equals("connection");
		});
	}

	private static Gen<String> unparsableVersions() {
		return Gen.oneOf(
				// No digit at all.
				HostileValues.text()
					.filter((value) -> value.chars().noneMatch(Character::isDigit) && !value.isBlank()),
				// More than 18 digits in a segment.
				Gen.strings("09", "", 19, 400).map((digits) -> "9" + digits),
				// More than 8 segments.
				Gen.ints(9, 2_000).map((count) -> "1" + ".1".repeat(count - 1)),
				// Longer than 64 characters.
				Gen.ints(65, 7_000).map((length) -> "1." + "0".repeat(length - 2)),
				// Separators only, or misplaced; digits that are not ASCII.
				Gen.of("1..2", ".1", "1.", "1,2", "1 2", "--1", "1-", "+1", "v", "vv1", "1.2.x", "0x10",
						"\u0661\u0662", "\uff11"));
	}

	/**
	 * Where a rule of the {@code e2e} profile reads a version, and how a request carries
	 * one.
	 */
	static final class VersionProbe {

		static final List<VersionProbe> ALL = List.of(
				new VersionProbe("API-Version header", "api", false, new long[] { 2 },
						(version) -> GeneratedRequest.get("/api/hello").with("API-Version", version)),
				new VersionProbe("query parameter", "api-query", false, new long[] { 2 },
						(version) -> GeneratedRequest.get("/api-query/hello")
							.withPath("/api-query/hello", "version=" + URLEncoder.encode(version, StandardCharsets.UTF_8))),
				new VersionProbe("path segment", "api-path", false, new long[] { 2 },
						(version) -> GeneratedRequest.get("/api-path/" + version + "/hello")),
				new VersionProbe("media type parameter", "api-media", false, new long[] { 2 },
						(version) -> GeneratedRequest.get("/api-media/hello")
							.with("Accept", "application/json;v=" + version)),
				new VersionProbe("ios app headers", "app", false, new long[] { 5, 2, 0 },
						(version) -> GeneratedRequest.get("/app/hello").with("X-App-Platform", "ios")
							.with("X-App-Version", version)),
				new VersionProbe("android app headers", "app", false, new long[] { 5, 1, 0 },
						(version) -> GeneratedRequest.get("/app/hello").with("X-App-Platform", "android")
							.with("X-App-Version", version)),
				new VersionProbe("app User-Agent", "app", false, new long[] { 5, 2, 0 },
						(version) -> GeneratedRequest.get("/app/hello")
							.with("User-Agent", "ExampleApp/" + version + " (iOS 17.4; iPhone)")),
				new VersionProbe("Chrome", "browsers", true, new long[] { 120 },
						(version) -> GeneratedRequest.get("/web/").with("User-Agent",
								"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/"
										+ version + " Safari/537.36")),
				new VersionProbe("Firefox", "browsers", true, new long[] { 121 },
						(version) -> GeneratedRequest.get("/web/").with("User-Agent",
								"Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/" + version)),
				new VersionProbe("Safari", "browsers", true, new long[] { 17, 2 },
						(version) -> GeneratedRequest.get("/web/").with("User-Agent",
								"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
										+ "Version/" + version + " Safari/605.1.15")),
				new VersionProbe("Chrome Client Hints", "browsers", true, new long[] { 120 },
						(version) -> GeneratedRequest.get("/web/")
							.with("User-Agent",
									"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
											+ "Chrome/130.0.0.0 Safari/537.36")
							.with("Sec-CH-UA-Full-Version-List", "\"Not A(Brand\";v=\"99.0.0.0\", \"Google Chrome\";v=\""
									+ version + "\", \"Chromium\";v=\"" + version + "\"")));

		private final String name;

		final String rule;

		private final boolean releasesOnly;

		final long[] minimum;

		private final Function<String, GeneratedRequest> request;

		private VersionProbe(String name, String rule, boolean releasesOnly, long[] minimum,
				Function<String, GeneratedRequest> request) {
			this.name = name;
			this.rule = rule;
			this.releasesOnly = releasesOnly;
			this.minimum = minimum;
			this.request = request;
		}

		Gen<GeneratedVersion> versions() {
			return this.releasesOnly ? GeneratedVersion.release() : GeneratedVersion.any();
		}

		Gen<GeneratedVersion> onlyReleases(Gen<GeneratedVersion> versions) {
			return this.releasesOnly ? versions.filter((version) -> version.preRelease() == null && !version.prefixed()
					&& version.build() == null && version.numbers()[0] > 0) : versions;
		}

		/**
		 * Return whether the version is one the rule blocks although it meets the
		 * minimum (ios 5.3.1 in the {@code e2e} profile).
		 */
		boolean isBlocked(GeneratedVersion version) {
			return this.rule.equals("app") && this.minimum[1] == 2 && version.sameReleaseAs(5, 3, 1);
		}

		/**
		 * Return the rejection by this probe's rule, or {@code null} if the request is
		 * allowed.
		 */
		Decision.Rejection refuses(GeneratedVersion version) {
			Decision.Rejection rejection = engine.decide(this.request.apply(version.text()).toMockRequest()).rejection();
			if (rejection != null) {
				assertThat(rejection.rule().name()).isEqualTo(this.rule);
			}
			return rejection;
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
