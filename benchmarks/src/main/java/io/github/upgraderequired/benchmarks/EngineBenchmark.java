package io.github.upgraderequired.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import io.github.upgraderequired.core.Decision;
import io.github.upgraderequired.core.HttpProtocol;
import io.github.upgraderequired.core.RuleDescriptor;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.core.UpgradeRequest;
import io.github.upgraderequired.render.UpgradeResponse;
import io.github.upgraderequired.web.PipelineResult;
import io.github.upgraderequired.web.UpgradePipeline;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The engine's decision for one request, per rule type of the sample application and on
 * the allow and reject paths, beside the {@link Floor}: the same decision written by hand
 * for the sample's configuration with nothing more to it.
 * <p>
 * {@code engine} is the production engine, built by the starter's auto-configurations from
 * the sample's own configuration ({@link SampleApp}): {@code decide}, then
 * {@code rejectionSent} for a rejection, which counts it in Micrometer. {@code pipeline} is
 * what every adapter calls, the same engine with the answer prepared: the upgrade response
 * rendered for a rejection, the warning and {@code Vary} headers for the others. The browser
 * detector's caches are on, as in production: after the first pass every agent and every
 * Client Hints value is a cache hit, whose key is still hashed anew for every request.
 * {@code floor} reads the same requests through the same {@link UpgradeRequest}
 * interface, caches agents and hints the same way, and counts its refusals too. Each
 * invocation takes the next of {@value #POOL} requests, built anew before every
 * iteration, whose path and header values become new strings at every invocation (as a
 * server makes them for every request) unless {@link #freshStrings} is {@code false}, so
 * that cached hash codes and constant folding flatter neither. Before each trial, every
 * request's answer is checked to be the expected one for both.
 * <p>
 * Not final: JMH subclasses its states.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Thread)
public class EngineBenchmark {

	/**
	 * The number of distinct requests taken in turn; a power of two.
	 */
	static final int POOL = 1024;

	/**
	 * The rule type whose requests are sent.
	 */
	@Param({ "http-version", "https", "tls-version", "http2", "websocket", "api-version", "app-version", "browser" })
	public String scenario;

	/**
	 * {@code allow} for requests every rule lets through, {@code reject} for requests the
	 * scenario's rule refuses.
	 */
	@Param({ "allow", "reject" })
	public String path;

	/**
	 * {@code true} to make the path and header values new strings at every invocation;
	 * {@code false} keeps them from one pass over the pool to the next, which leaves only
	 * the decision's own allocations for {@code -prof gc} to count.
	 */
	@Param({ "true" })
	public boolean freshStrings;

	private Scenario requests;

	private boolean allowed;

	private SampleApp sample;

	private UpgradeEngine engine;

	private UpgradePipeline pipeline;

	private Floor floor;

	private BenchmarkRequest[] pool;

	private int next;

	/**
	 * Build the engine and the floor and check that both answer every request as
	 * expected.
	 */
	@Setup(Level.Trial)
	public void prepare() {
		this.requests = Scenario.of(this.scenario);
		this.allowed = switch (this.path) {
			case "allow" -> true;
			case "reject" -> false;
			default -> throw new IllegalArgumentException("path is allow or reject, not '" + this.path + "'");
		};
		this.sample = SampleApp.start(new SimpleMeterRegistry());
		this.engine = this.sample.engine();
		this.pipeline = this.sample.pipeline();
		this.floor = new Floor(new SimpleMeterRegistry(), Clock.systemUTC());
		check();
	}

	/**
	 * Close the sample's context.
	 */
	@TearDown(Level.Trial)
	public void close() {
		this.sample.close();
	}

	/**
	 * Build the requests of the next iteration.
	 */
	@Setup(Level.Iteration)
	public void buildRequests() {
		this.pool = pool(this.requests, this.allowed);
		this.next = 0;
	}

	/**
	 * Decide on a request with the starter's engine, as an adapter does.
	 * @param blackhole receives the decision
	 */
	@Benchmark
	public void engine(Blackhole blackhole) {
		UpgradeRequest request = nextRequest();
		Decision decision = this.engine.decide(request);
		if (decision.rejection() != null) {
			this.engine.rejectionSent(decision, request);
		}
		blackhole.consume(decision);
	}

	/**
	 * Take a request through the pipeline, as every adapter does.
	 * @param blackhole receives the result
	 */
	@Benchmark
	public void pipeline(Blackhole blackhole) {
		PipelineResult result = this.pipeline.process(nextRequest());
		result.refusalSent();
		blackhole.consume(result);
	}

	/**
	 * Decide on a request with the hand-written floor, and answer a refusal with the
	 * same bytes as the starter's.
	 * @param blackhole receives the answer
	 */
	@Benchmark
	public void floor(Blackhole blackhole) {
		blackhole.consume(this.floor.answer(nextRequest()));
	}

	private UpgradeRequest nextRequest() {
		int next = this.next;
		this.next = (next + 1) & (POOL - 1);
		BenchmarkRequest request = this.pool[next];
		request.reset(this.freshStrings);
		return request;
	}

	private static BenchmarkRequest[] pool(Scenario scenario, boolean allowed) {
		BenchmarkRequest[] pool = new BenchmarkRequest[POOL];
		for (int i = 0; i < POOL; i++) {
			pool[i] = scenario.request(allowed, i);
		}
		return pool;
	}

	private void check() {
		// The floor leaves out /actuator/** and /error, as the starter does by default.
		for (String path : List.of("/actuator/health", "/error")) {
			BenchmarkRequest http10 = BenchmarkRequest.get(path).protocol(HttpProtocol.HTTP_1_0).build();
			if (this.engine.decide(http10).isRejected() || this.floor.decide(http10) >= 0) {
				throw new IllegalStateException("The engine or the floor does not leave " + path + " out");
			}
		}
		List<String> rules = this.engine.rules().stream().map(RuleDescriptor::name).toList();
		if (!rules.equals(Floor.RULES)) {
			throw new IllegalStateException("The floor has the rules " + Floor.RULES + ", the engine " + rules);
		}
		String expected = this.allowed ? "a pass" : "a rejection by " + this.requests.rule();
		BenchmarkRequest[] pool = pool(this.requests, this.allowed);
		for (int i = 0; i < pool.length; i++) {
			String engine = outcome(this.engine.decide(pool[i]));
			PipelineResult result = this.pipeline.process(pool[i]);
			String pipeline = outcome(result.decision());
			String floor = outcome(this.floor.decide(pool[i]));
			checkAnswer(i, pool[i], result.refusal(), this.floor.answer(pool[i]));
			if (!engine.equals(expected) || !pipeline.equals(expected) || !floor.equals(expected)) {
				throw new IllegalStateException("Request " + i + " of " + this.scenario + " (" + this.path + "), "
						+ pool[i] + ": expected " + expected + ", the engine gave " + engine + ", the pipeline "
						+ pipeline + " and the floor " + floor);
			}
		}
	}

	/**
	 * Check that the floor answers a refusal with the pipeline's status, headers, content
	 * type and bytes.
	 */
	private void checkAnswer(int index, BenchmarkRequest request, @Nullable UpgradeResponse refusal,
			FloorAnswers.@Nullable Answer answer) {
		if (refusal == null && answer == null) {
			return;
		}
		boolean same = refusal != null && answer != null && refusal.status() == 426
				&& refusal.headers().equals(answer.headers()) && Objects.equals(refusal.contentType(), answer.contentType())
				&& Arrays.equals(refusal.body(), answer.body()) && refusal.contentLength() == answer.body().length;
		if (!same) {
			throw new IllegalStateException("Request " + index + " of " + this.scenario + " (" + this.path + "), "
					+ request + ": the pipeline answered " + describe(refusal) + ", the floor " + describe(answer));
		}
	}

	private static String describe(@Nullable UpgradeResponse refusal) {
		return (refusal != null) ? refusal.status() + " " + refusal.headers() + " " + refusal.contentType() + "\n"
				+ new String(refusal.body(), StandardCharsets.UTF_8) : "nothing";
	}

	private static String describe(FloorAnswers.@Nullable Answer answer) {
		return (answer != null) ? "426 " + answer.headers() + " " + answer.contentType() + "\n"
				+ new String(answer.body(), StandardCharsets.UTF_8) : "nothing";
	}

	private static String outcome(Decision decision) {
		if (decision.rejection() != null) {
			return "a rejection by " + decision.rejection().rule().name();
		}
		return decision.isWarning() ? "a warning" : "a pass";
	}

	private static String outcome(int answer) {
		if (answer >= 0) {
			return "a rejection by " + Floor.RULES.get(answer);
		}
		return (answer == Floor.WARN) ? "a warning" : "a pass";
	}

}
