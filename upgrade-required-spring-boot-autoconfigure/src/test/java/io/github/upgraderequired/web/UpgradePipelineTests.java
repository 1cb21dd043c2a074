package io.github.upgraderequired.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.github.upgraderequired.core.Decision;
import io.github.upgraderequired.core.DecisionListener;
import io.github.upgraderequired.core.Header;
import io.github.upgraderequired.core.HttpProtocol;
import io.github.upgraderequired.core.Mode;
import io.github.upgraderequired.core.ModeOverride;
import io.github.upgraderequired.core.RuleSettings;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.core.UpgradeRequest;
import io.github.upgraderequired.core.UpgradeRule;
import io.github.upgraderequired.core.Verdict;
import io.github.upgraderequired.core.rule.HttpVersionRule;
import io.github.upgraderequired.core.rule.WebSocketRule;
import io.github.upgraderequired.render.UpgradeResponse;
import io.github.upgraderequired.render.UpgradeResponseRenderer;
import io.github.upgraderequired.test.MockUpgradeRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link UpgradePipeline} and the {@link PipelineResult} it returns, on plain
 * values: what every adapter gets back for a request, and when a refusal is counted.
 */
class UpgradePipelineTests {

	private static final Instant DEPRECATION = Instant.parse("2026-01-01T00:00:00Z");

	private final List<String> outcomes = new ArrayList<>();

	@Test
	void aRequestNoRuleSpeaksOfGetsTheSharedPass() {
		PipelineResult result = pipeline(Mode.ENFORCE).process(MockUpgradeRequest.get("/open/a"));
		assertThat(result).isSameAs(PipelineResult.PASS);
		assertThat(result.refusal()).isNull();
		assertThat(result.passHeaders()).isEmpty();
		assertThat(result.decision()).isSameAs(Decision.PASS);
	}

	@Test
	void aWarnedRequestPassesWithTheWarningHeaders() {
		PipelineResult result = pipeline(Mode.WARN).process(http10("/old/a"));
		assertThat(result.refusal()).isNull();
		assertThat(result.passHeaders()).extracting(Header::name).contains("Deprecation");
		assertThat(this.outcomes).containsExactly("old:warned");
		result.refusalSent();
		assertThat(this.outcomes).containsExactly("old:warned");
	}

	@Test
	void requestsLetThroughWithTheSameVaryShareOneResultButWarningsAreEachRequestsOwn() {
		UpgradeEngine engine = UpgradeEngine.builder((pattern) -> (path) -> path.startsWith(pattern.replace("/**", "/")))
			.rules(List.of(new WebSocketRule("ws", List.of(), RuleSettings.builder().paths(List.of("/ws/**")).build())))
			.build();
		UpgradePipeline pipeline = new UpgradePipeline(engine, new UpgradeResponseRenderer());
		PipelineResult first = pipeline.process(handshake("/ws/a"));
		assertThat(first.refusal()).isNull();
		assertThat(first.passHeaders()).containsExactly(new Header("Vary", "Upgrade, Sec-WebSocket-Version"));
		assertThat(pipeline.process(handshake("/ws/b"))).isSameAs(first);
		UpgradePipeline warning = pipeline(Mode.WARN);
		PipelineResult warned = warning.process(http10("/old/a"));
		PipelineResult again = warning.process(http10("/old/b"));
		assertThat(again).isNotSameAs(warned);
		assertThat(again.passHeaders()).extracting(Header::name).contains("Deprecation");
		assertThat(this.outcomes).containsExactly("old:warned", "old:warned");
	}

	private static MockUpgradeRequest handshake(String path) {
		return MockUpgradeRequest.get(path).header("Upgrade", "websocket").header("Sec-WebSocket-Version", "13");
	}

	@Test
	void aRefusedRequestGetsTheCompleteResponseAndIsCountedOnlyOnceSent() {
		PipelineResult result = pipeline(Mode.ENFORCE).process(http10("/old/a"));
		UpgradeResponse refusal = result.refusal();
		assertThat(refusal).isNotNull();
		assertThat(refusal.status()).isEqualTo(426);
		assertThat(refusal.headers()).contains(new Header("Upgrade", "HTTP/1.1"));
		assertThat(refusal.body()).isNotEmpty().hasSize(refusal.contentLength());
		assertThat(result.passHeaders()).isEmpty();
		assertThat(this.outcomes).isEmpty();
		result.refusalSent();
		assertThat(this.outcomes).containsExactly("old:rejected");
		result.refusalSent();
		assertThat(this.outcomes).containsExactly("old:rejected");
	}

	@Test
	void eachRefusedRequestIsCountedOnItsOwn() {
		UpgradePipeline pipeline = pipeline(Mode.ENFORCE);
		pipeline.process(http10("/old/a")).refusalSent();
		pipeline.process(http10("/old/b")).refusalSent();
		assertThat(this.outcomes).containsExactly("old:rejected", "old:rejected");
	}

	@Test
	void aRefusalTheAdapterNeverSentIsNotCounted() {
		pipeline(Mode.ENFORCE).process(http10("/old/a"));
		assertThat(this.outcomes).isEmpty();
	}

	@Test
	void aRendererThatThrowsCostsTheClientNotItsAnswer() {
		UpgradeResponseRenderer failing = new UpgradeResponseRenderer() {

			@Override
			public UpgradeResponse render(Decision decision, UpgradeRequest request) {
				throw new IllegalStateException("broken renderer");
			}

		};
		PipelineResult result = new UpgradePipeline(engine(Mode.ENFORCE, false), failing).process(http10("/old/a"));
		assertThat(result.refusal()).isNotNull();
		assertThat(result.refusal().status()).isEqualTo(426);
		assertThat(result.refusal().headers()).contains(new Header("Upgrade", "HTTP/1.1"));
		result.refusalSent();
		assertThat(this.outcomes).containsExactly("old:rejected");
	}

	@Test
	void aRefusalByARuleThatFailedClosedIsCountedAsAnErrorOnly() {
		UpgradeEngine engine = UpgradeEngine.builder((pattern) -> (path) -> true)
			.rules(List.of(new ThrowingRule()))
			.failClosed(true)
			.listeners(List.of(listener()))
			.build();
		PipelineResult result = new UpgradePipeline(engine, new UpgradeResponseRenderer())
			.process(MockUpgradeRequest.get("/x"));
		assertThat(result.refusal()).isNotNull();
		result.refusalSent();
		assertThat(this.outcomes).containsExactly("throwing:error");
	}

	@Test
	void theApplicationsApiVersionIsAskedForOnlyWhereARuleThatReadsItApplies() {
		UpgradeRule readsIt = new UpgradeRule() {

			@Override
			public String name() {
				return "api";
			}

			@Override
			public List<String> upgrade() {
				return List.of("API-Version/2");
			}

			@Override
			public boolean readsApplicationApiVersion() {
				return true;
			}

			@Override
			public RuleSettings settings() {
				return RuleSettings.builder().paths(List.of("/api/**")).build();
			}

			@Override
			public Verdict check(UpgradeRequest request) {
				return Verdict.pass();
			}

		};
		List<String> matched = new ArrayList<>();
		UpgradePipeline pipeline = new UpgradePipeline(UpgradeEngine.builder((pattern) -> (path) -> {
			matched.add(pattern);
			return path.startsWith(pattern.replace("/**", "/"));
		})
			.rules(List.of(new HttpVersionRule("old", HttpProtocol.HTTP_1_1, List.of("HTTP/1.1"),
					RuleSettings.builder().paths(List.of("/old/**")).build()), readsIt))
			.build(), new UpgradeResponseRenderer());
		assertThat(pipeline.readsApplicationApiVersion(MockUpgradeRequest.get("/api/a"))).isTrue();
		assertThat(pipeline.readsApplicationApiVersion(MockUpgradeRequest.get("/other"))).isFalse();
		assertThat(pipeline.readsApplicationApiVersion(MockUpgradeRequest.get("/old/a"))).isFalse();
		// Only the paths of the rule that reads the version are matched, not every rule's.
		assertThat(matched).containsOnly("/api/**").isNotEmpty();
		assertThat(pipeline(Mode.ENFORCE).readsApplicationApiVersion(MockUpgradeRequest.get("/api/a"))).isFalse();
	}

	@Test
	void aSwapPutsAnotherPolicyInForceForTheRequestsThatFollow() {
		UpgradePipeline pipeline = pipeline(Mode.WARN);
		UpgradeEngine warning = pipeline.engine();
		assertThat(pipeline.process(http10("/old/a")).refusal()).isNull();
		UpgradeEngine enforcing = engine(Mode.ENFORCE, false);
		assertThat(pipeline.swap(enforcing)).isSameAs(warning);
		assertThat(pipeline.engine()).isSameAs(enforcing);
		PipelineResult refused = pipeline.process(http10("/old/b"));
		assertThat(refused.refusal()).isNotNull();
		// A refusal decided before the next swap is counted when sent, by its own engine.
		pipeline.swap(warning);
		refused.refusalSent();
		assertThat(this.outcomes).containsExactly("old:warned", "old:rejected");
		assertThat(pipeline.process(http10("/old/c")).refusal()).isNull();
	}

	@Test
	void underSwapsEveryRequestIsDecidedWhollyByOnePolicy() throws Exception {
		// No listener: this test's list of outcomes is for one thread.
		UpgradeEngine warning = engine(Mode.WARN, false, List.of());
		UpgradeEngine enforcing = engine(Mode.ENFORCE, false, List.of());
		UpgradePipeline pipeline = new UpgradePipeline(warning, new UpgradeResponseRenderer());
		AtomicBoolean stop = new AtomicBoolean();
		AtomicLong warned = new AtomicLong();
		AtomicLong refused = new AtomicLong();
		AtomicLong mixed = new AtomicLong();
		ExecutorService clients = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				running.add(clients.submit(() -> {
					while (!stop.get()) {
						PipelineResult result = pipeline.process(http10("/old/x"));
						// The warning policy lets through with Deprecation, the enforcing one
						// refuses without it: anything else would be half of each.
						boolean deprecated = result.passHeaders()
							.stream()
							.anyMatch((header) -> header.name().equals("Deprecation"));
						if (result.refusal() == null && deprecated) {
							warned.incrementAndGet();
						}
						else if (result.refusal() != null && !deprecated) {
							refused.incrementAndGet();
						}
						else {
							mixed.incrementAndGet();
						}
					}
				}));
			}
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
			int swaps = 0;
			while ((swaps < 1_000 || warned.get() < 1_000 || refused.get() < 1_000) && System.nanoTime() < deadline) {
				pipeline.swap(((swaps++ & 1) == 0) ? enforcing : warning);
				Thread.yield();
			}
			stop.set(true);
			for (Future<?> client : running) {
				client.get(10, TimeUnit.SECONDS);
			}
		}
		finally {
			clients.shutdownNow();
		}
		assertThat(mixed.get()).isZero();
		assertThat(warned.get()).isGreaterThanOrEqualTo(1_000);
		assertThat(refused.get()).isGreaterThanOrEqualTo(1_000);
	}

	@Test
	void anOverrideIsInForceAtOnceAndStaysAcrossSwapsThatKeepItsRule() {
		UpgradePipeline pipeline = pipeline(Mode.ENFORCE);
		ModeOverride report = new ModeOverride(Mode.REPORT, null, Instant.now(), "ops");
		assertThat(pipeline.override("old", report)).isNull();
		assertThat(pipeline.process(http10("/old/a")).refusal()).isNull();
		pipeline.swap(engine(Mode.ENFORCE, false));
		assertThat(pipeline.engine().overrides()).containsExactly(Map.entry("old", report));
		assertThat(pipeline.process(http10("/old/a")).refusal()).isNull();
		assertThat(pipeline.clearOverride("old")).isSameAs(report);
		assertThat(pipeline.clearOverride("old")).isNull();
		assertThat(pipeline.process(http10("/old/a")).refusal()).isNotNull();
	}

	@Test
	void aSwapDropsTheOverridesOfRulesTheNewPolicyNoLongerHas() {
		UpgradePipeline pipeline = pipeline(Mode.ENFORCE);
		pipeline.override("old", new ModeOverride(Mode.REPORT, null, Instant.now(), null));
		UpgradeEngine without = UpgradeEngine.builder((pattern) -> (path) -> true)
			.rules(List.of(new WebSocketRule("ws", List.of("websocket"), RuleSettings.defaults())))
			.build();
		pipeline.swap(without);
		assertThat(pipeline.engine().overrides()).isEmpty();
		pipeline.swap(engine(Mode.ENFORCE, false));
		assertThat(pipeline.process(http10("/old/a")).refusal()).isNotNull();
	}

	@Test
	void anOverrideOfAnUnknownRuleIsRefusedAndChangesNothing() {
		UpgradePipeline pipeline = pipeline(Mode.ENFORCE);
		UpgradeEngine before = pipeline.engine();
		ModeOverride report = new ModeOverride(Mode.REPORT, null, Instant.now(), null);
		assertThatIllegalArgumentException().isThrownBy(() -> pipeline.override("nope", report));
		assertThatIllegalArgumentException().isThrownBy(() -> pipeline.clearOverride("nope"));
		assertThat(pipeline.engine()).isSameAs(before);
	}

	@Test
	void anEndedOverrideIsDroppedAtTheNextChange() {
		UpgradePipeline pipeline = pipeline(Mode.ENFORCE);
		Instant since = Instant.now().minusSeconds(60);
		pipeline.override("old", new ModeOverride(Mode.REPORT, since.plusSeconds(1), since, null));
		assertThat(pipeline.engine().overrides()).hasSize(1);
		assertThat(pipeline.process(http10("/old/a")).refusal()).isNotNull();
		pipeline.swap(engine(Mode.ENFORCE, false));
		assertThat(pipeline.engine().overrides()).isEmpty();
	}

	private UpgradePipeline pipeline(Mode mode) {
		return new UpgradePipeline(engine(mode, false), new UpgradeResponseRenderer());
	}

	private UpgradeEngine engine(Mode mode, boolean failClosed) {
		return engine(mode, failClosed, List.of(listener()));
	}

	private static UpgradeEngine engine(Mode mode, boolean failClosed, List<DecisionListener> listeners) {
		RuleSettings settings = RuleSettings.builder()
			.paths(List.of("/old/**"))
			.mode(mode)
			.deprecation(DEPRECATION)
			.build();
		return UpgradeEngine.builder((pattern) -> (path) -> path.startsWith(pattern.replace("/**", "/")))
			.rules(List.of(new HttpVersionRule("old", HttpProtocol.HTTP_1_1, List.of("HTTP/1.1"), settings)))
			.failClosed(failClosed)
			.listeners(listeners)
			.build();
	}

	private DecisionListener listener() {
		return (rule, outcome, client, request) -> this.outcomes.add(rule.name() + ":" + outcome.value());
	}

	private static MockUpgradeRequest http10(String path) {
		return MockUpgradeRequest.get(path).protocol(HttpProtocol.HTTP_1_0);
	}

	/**
	 * A rule that throws on every request.
	 */
	static final class ThrowingRule implements UpgradeRule {

		@Override
		public String name() {
			return "throwing";
		}

		@Override
		public List<String> upgrade() {
			return List.of("HTTP/2.0");
		}

		@Override
		public Verdict check(UpgradeRequest request) {
			throw new IllegalStateException("broken rule");
		}

	}

}
