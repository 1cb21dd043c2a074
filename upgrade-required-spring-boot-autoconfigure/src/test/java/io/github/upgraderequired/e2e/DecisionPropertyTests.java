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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsCoverage;
import net.jqwik.api.Tuple.Tuple3;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the decision and of the answer rendered for it, over every rule type of
 * the {@code e2e} profile, with the engine and renderer the auto-configuration builds from
 * it, and hostile requests: any characters, control characters, line breaks, values up to
 * the servers' header limit, thousands of separators, huge numbers and markup.
 */
class DecisionPropertyTests {

	private static final int TRIES = 10_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static RunningStack stack;

	private static UpgradeEngine engine;

	private static UpgradeResponseRenderer renderer;

	@BeforeContainer
	static void start() {
		stack = RunningStack.webMvc();
		engine = stack.engine();
		renderer = stack.renderer();
	}

	@AfterContainer
	static void stop() {
		stack.close();
	}

	@Property(tries = TRIES)
	void everyRequestIsDecidedAndAnsweredWithAWellFormedResponse(@ForAll("hostileRequests") GeneratedRequest request)
			throws Exception {
		Decision decision = engine.decide(request.toTestRequest());
		if (!decision.isRejected()) {
			Statistics.label("answer").collect(decision.isWarning() ? "warned" : "passed");
			Statistics.label("answer").coverage(DecisionPropertyTests::everyKindOfAnswer);
			assertThat(renderer.passHeaders(decision)).allSatisfy(DecisionPropertyTests::assertLegal);
			return;
		}
		UpgradeResponse response = renderer.render(decision, request.toTestRequest());
		Statistics.label("answer").collect((response.status() == 308) ? "redirect"
				: String.valueOf(response.contentType()).replaceAll(";.*", ""));
		Statistics.label("answer").coverage(DecisionPropertyTests::everyKindOfAnswer);
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
				assertThat(current.asString().length()).isLessThanOrEqualTo(128);
			}
		}
		else if (contentType.startsWith("text/html")) {
			assertThat(body.toLowerCase(Locale.ROOT)).doesNotContain("<script").doesNotContain("{{");
		}
		else {
			assertThat(contentType).startsWith("text/plain");
			assertThat(body).doesNotContain("\r").doesNotContain("\u0000");
		}
	}

	@Property(tries = TRIES)
	void theSameRequestAlwaysGetsTheSameAnswer(@ForAll("hostileRequests") GeneratedRequest request) {
		String first = answer(request);
		assertThat(answer(request)).isEqualTo(first);
		assertThat(answer(request)).isEqualTo(first);
	}

	@Property(tries = TRIES)
	void aHeaderNoRuleReadsNeverChangesTheAnswer(@ForAll("hostileRequests") GeneratedRequest request,
			@ForAll("unrelatedHeaderNames") String name, @ForAll("hostileValues") String value) {
		assertThat(answer(request.with(name, value))).isEqualTo(answer(request));
	}

	@Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
	void aGreaterVersionIsNeverRefusedWhereASmallerOneIsAllowed(
			@ForAll("orderedVersions") Tuple3<VersionProbe, GeneratedVersion, GeneratedVersion> versions) {
		VersionProbe probe = versions.get1();
		GeneratedVersion smaller = versions.get2();
		GeneratedVersion greater = versions.get3();
		Assume.that(!probe.isBlocked(greater));
		boolean smallerAllowed = probe.refuses(smaller) == null;
		Statistics.label("smaller").collect(smallerAllowed ? "allowed" : "refused");
		Statistics.label("smaller").coverage((coverage) -> {
			coverage.check("allowed").percentage((percent) -> percent > 10);
			coverage.check("refused").percentage((percent) -> percent > 10);
		});
		if (smallerAllowed) {
			assertThat(probe.refuses(greater)).as("%s allowed, but %s refused", smaller, greater).isNull();
		}
	}

	@Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
	void versionsFromTheMinimumUpAreAllowedAndVersionsBelowItRefused(
			@ForAll("versionsAroundTheMinimum") Tuple3<VersionProbe, GeneratedVersion, Boolean> versions) {
		VersionProbe probe = versions.get1();
		GeneratedVersion version = versions.get2();
		Statistics.label("probe").collect(probe);
		Statistics.label("probe").coverage((coverage) -> VersionProbe.ALL
			.forEach((each) -> coverage.check(each).percentage((percent) -> percent > 2)));
		if (versions.get3()) {
			Assume.that(!probe.isBlocked(version));
			assertThat(probe.refuses(version)).as("%s below the minimum %s", version, probe.minimum).isNull();
		}
		else {
			Decision.Rejection rejection = probe.refuses(version);
			assertThat(rejection).as("%s below the minimum %s", version, probe.minimum).isNotNull();
			assertThat(rejection.rule().name()).isEqualTo(probe.rule);
			assertThat(rejection.status()).isEqualTo(426);
			assertThat(rejection.upgrade()).isNotEmpty();
		}
	}

	@Property(tries = TRIES)
	void aValueThatDoesNotParseFollowsTheRulesUnknownValuePolicy(@ForAll("unparsableVersions") String value) {
		// api: unknown values allowed (the default); api-strict: refused.
		assertThat(rejection(GeneratedRequest.get("/api/hello").with("API-Version", value))).isNull();
		assertThat(rejection(GeneratedRequest.get("/api-strict/hello").with("API-Version", value)))
			.extracting((refused) -> refused.rule().name())
			.isEqualTo("api-strict");
		assertThat(rejection(GeneratedRequest.get("/app/hello").with("X-App-Platform", "ios")
			.with("X-App-Version", value))).isNull();
	}

	@Property(tries = TRIES)
	void aPlatformNotConfiguredIsRefusedAsTheRuleSays(@ForAll("unknownPlatforms") String platform,
			@ForAll("anyVersion") GeneratedVersion version) {
		// app: unknown-platform: reject.
		Decision.Rejection rejection = rejection(GeneratedRequest.get("/app/hello").with("X-App-Platform", platform)
			.with("X-App-Version", version.text()));
		assertThat(rejection).isNotNull();
		assertThat(rejection.rule().name()).isEqualTo("app");
	}

	@Property(tries = TRIES)
	void anAgentNoBrowserIsFoundInIsAllowed(@ForAll("unknownAgents") String agent) {
		assertThat(rejection(GeneratedRequest.get("/web/").with("User-Agent", agent))).isNull();
	}

	private static void everyKindOfAnswer(StatisticsCoverage coverage) {
		for (String kind : List.of("passed", "warned", "redirect", "application/problem+json", "text/html",
				"text/plain")) {
			coverage.check(kind).percentage((percent) -> percent > 0.2);
		}
	}

	private static String answer(GeneratedRequest request) {
		Decision decision = engine.decide(request.toTestRequest());
		if (!decision.isRejected()) {
			return "pass " + renderer.passHeaders(decision);
		}
		UpgradeResponse response = renderer.render(decision, request.toTestRequest());
		return response.status() + " " + response.headers() + " " + response.contentType() + " "
				+ Arrays.toString(response.body());
	}

	private static Decision.Rejection rejection(GeneratedRequest request) {
		return engine.decide(request.toTestRequest()).rejection();
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

	@Provide
	Arbitrary<GeneratedRequest> hostileRequests() {
		Arbitrary<String> paths = Arbitraries.oneOf(Arbitraries.of(GeneratedRequest.PATHS),
				Combinators.combine(Arbitraries.of(GeneratedRequest.PATHS), HostileValues.text())
					.as((path, suffix) -> path + suffix),
				HostileValues.text());
		Arbitrary<String> queries = Arbitraries.oneOf(HostileValues.text(),
				HostileValues.text().map((value) -> "version=" + value),
				HostileValues.text().map((value) -> "version=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
		Arbitrary<Map<String, String>> headers = Combinators
			.combine(Arbitraries.subsetOf(GeneratedRequest.READ_HEADERS), accepts().injectNull(0.2))
			.flatAs((names, accept) -> HostileValues.headerValue().list().ofSize(names.size()).map((values) -> {
				Map<String, String> map = new LinkedHashMap<>();
				int i = 0;
				for (String name : names) {
					map.put(name, values.get(i++));
				}
				if (accept != null) {
					map.put("Accept", accept);
				}
				return map;
			}));
		return Combinators
			.combine(Arbitraries.of(HttpProtocol.HTTP_1_0, HttpProtocol.HTTP_1_1, HttpProtocol.HTTP_2).injectNull(0.05),
					paths, queries.injectNull(0.5), Arbitraries.of(true, false),
					Arbitraries.of("127.0.0.1", "192.0.2.10", "::1", "not an address"), headers)
			.as(GeneratedRequest::new);
	}

	private static Arbitrary<String> accepts() {
		return Arbitraries.oneOf(Arbitraries.of("application/json", "application/problem+json", "*/*",
				"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html", "text/plain",
				"text/plain;q=0.5, text/html;q=0.4", "application/json;v=1"), HostileValues.text());
	}

	@Provide
	Arbitrary<String> hostileValues() {
		return HostileValues.text();
	}

	@Provide
	Arbitrary<String> unrelatedHeaderNames() {
		Set<String> read = GeneratedRequest.READ_HEADERS.stream()
			.map((name) -> name.toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
		return Arbitraries.strings()
			.withCharRange('a', 'z')
			.withCharRange('A', 'Z')
			.withCharRange('0', '9')
			.withChars("-_!#$%&'*+.^`|~")
			.ofMinLength(1)
			.ofMaxLength(40)
			.filter((name) -> {
				String lower = name.toLowerCase(Locale.ROOT);
				return !read.contains(lower) && !lower.startsWith("x-forwarded-") && !lower.startsWith("sec-")
						&& !lower.equals("host");
			});
	}

	@Provide
	Arbitrary<GeneratedVersion> anyVersion() {
		return GeneratedVersion.any();
	}

	@Provide
	Arbitrary<Tuple3<VersionProbe, GeneratedVersion, GeneratedVersion>> orderedVersions() {
		return Arbitraries.of(VersionProbe.ALL)
			.flatMap((probe) -> probe.versions()
				.flatMap((smaller) -> probe.onlyReleases(smaller.greater())
					.map((greater) -> Tuple.of(probe, smaller, greater))));
	}

	@Provide
	Arbitrary<Tuple3<VersionProbe, GeneratedVersion, Boolean>> versionsAroundTheMinimum() {
		return Arbitraries.of(VersionProbe.ALL).flatMap((probe) -> {
			GeneratedVersion minimum = GeneratedVersion.of(probe.minimum);
			Arbitrary<GeneratedVersion> same = Arbitraries.of(minimum,
					new GeneratedVersion(Arrays.copyOf(probe.minimum, probe.minimum.length + 1), null, false, null),
					new GeneratedVersion(probe.minimum, null, true, null),
					new GeneratedVersion(probe.minimum, null, false, "build.7"));
			Arbitrary<Tuple3<VersionProbe, GeneratedVersion, Boolean>> allowed = Arbitraries
				.oneOf(probe.onlyReleases(same), probe.onlyReleases(minimum.greater()))
				.map((version) -> Tuple.of(probe, version, true));
			Arbitrary<Tuple3<VersionProbe, GeneratedVersion, Boolean>> refused = probe
				.onlyReleases(minimum.smaller())
				.map((version) -> Tuple.of(probe, version, false));
			return Arbitraries.oneOf(allowed, refused);
		});
	}

	@Provide
	Arbitrary<String> unparsableVersions() {
		return Arbitraries.oneOf(
				// No digit at all.
				HostileValues.text().filter((value) -> value.chars().noneMatch(Character::isDigit)
						&& !value.isBlank()),
				// More than 18 digits in a segment.
				Arbitraries.strings().numeric().ofMinLength(19).ofMaxLength(400).map((digits) -> "9" + digits),
				// More than 8 segments.
				Arbitraries.integers().between(9, 2_000).map((count) -> "1" + ".1".repeat(count - 1)),
				// Longer than 64 characters.
				Arbitraries.integers().between(65, 7_000).map((length) -> "1." + "0".repeat(length - 2)),
				// Separators only, or misplaced.
				Arbitraries.of("1..2", ".1", "1.", "1,2", "1 2", "--1", "1-", "+1", "v", "vv1", "1.2.x", "0x10",
						"١٢", "１"));
	}

	@Provide
	Arbitrary<String> unknownPlatforms() {
		// Nothing but spaces and control characters counts as no platform (String.trim).
		return HostileValues.text()
			.filter((platform) -> !platform.trim().isEmpty())
			.filter((platform) -> !Set.of("ios", "android").contains(platform.trim().toLowerCase(Locale.ROOT)));
	}

	@Provide
	Arbitrary<String> unknownAgents() {
		return HostileValues.text()
			.filter((agent) -> !agent.matches("(?s).*(Chrome|Chromium|CriOS|Firefox|FxiOS|Safari|Version/|OPR|Opera|"
					+ "Edg|EdgiOS|SamsungBrowser|MSIE|Trident|Mobile|iPhone|iPad|Macintosh).*"));
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

		Arbitrary<GeneratedVersion> versions() {
			return this.releasesOnly ? GeneratedVersion.release() : GeneratedVersion.any();
		}

		Arbitrary<GeneratedVersion> onlyReleases(Arbitrary<GeneratedVersion> versions) {
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
			Decision.Rejection rejection = engine.decide(this.request.apply(version.text()).toTestRequest()).rejection();
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
