package io.github.upgraderequired.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.upgraderequired.core.browser.Agent;
import io.github.upgraderequired.core.browser.BrowserDetector;
import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Uncached detections per second over a User-Agent corpus (uap-core's test agents, some
 * 1,600 strings of browsers, bots, apps and devices): the starter's
 * {@link BrowserDetector} with no cache against YAUAA without its cache, asked for the
 * two fields the starter needs (agent name and major version) and, as
 * {@code yauaaAllFields}, for all. Each invocation detects the next agent of the corpus.
 * The corpus is read from {@code corpus}, {@value UserAgentCorpus#DEFAULT_LOCATION}
 * relative to the repository root unless given ({@code -p corpus=<file>}).
 * <p>
 * Not final: JMH subclasses its states.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class DetectorBenchmark {

	/**
	 * Detect the next agent with the starter's detector, uncached.
	 * @param agents the corpus
	 * @param ours the detector
	 * @return what it detected
	 */
	@Benchmark
	public Agent ours(Agents agents, Ours ours) {
		return ours.detector.detect(agents.next(), null, null);
	}

	/**
	 * Parse the next agent with YAUAA, uncached, limited to agent name and major version.
	 * @param agents the corpus
	 * @param yauaa the analyzer
	 * @param blackhole receives the two fields
	 */
	@Benchmark
	public void yauaa(Agents agents, Yauaa yauaa, Blackhole blackhole) {
		UserAgent agent = yauaa.analyzer.parse(agents.next());
		blackhole.consume(agent.getValue(UserAgent.AGENT_NAME));
		blackhole.consume(agent.getValue(UserAgent.AGENT_VERSION_MAJOR));
	}

	/**
	 * Parse the next agent with YAUAA, uncached, computing all its fields.
	 * @param agents the corpus
	 * @param yauaa the analyzer
	 * @param blackhole receives the two fields the starter needs
	 */
	@Benchmark
	public void yauaaAllFields(Agents agents, YauaaAllFields yauaa, Blackhole blackhole) {
		UserAgent agent = yauaa.analyzer.parse(agents.next());
		blackhole.consume(agent.getValue(UserAgent.AGENT_NAME));
		blackhole.consume(agent.getValue(UserAgent.AGENT_VERSION_MAJOR));
	}

	/**
	 * The corpus, taken in turn.
	 */
	@State(Scope.Thread)
	public static class Agents {

		/**
		 * The corpus file.
		 */
		@Param(UserAgentCorpus.DEFAULT_LOCATION)
		public String corpus;

		private String[] agents;

		private int next;

		/**
		 * Read the corpus.
		 */
		@Setup(Level.Trial)
		public void load() {
			List<String> agents = UserAgentCorpus.load(this.corpus);
			this.agents = agents.toArray(String[]::new);
		}

		String next() {
			int next = this.next;
			this.next = (next + 1 < this.agents.length) ? next + 1 : 0;
			return this.agents[next];
		}

	}

	/**
	 * The starter's detector with no cache.
	 */
	@State(Scope.Benchmark)
	public static class Ours {

		final BrowserDetector detector = new BrowserDetector(0);

	}

	/**
	 * YAUAA without cache, limited to the fields the starter needs.
	 */
	@State(Scope.Benchmark)
	public static class Yauaa {

		UserAgentAnalyzer analyzer;

		/**
		 * Build the analyzer.
		 */
		@Setup(Level.Trial)
		public void build() {
			this.analyzer = UserAgentAnalyzer.newBuilder()
				.withoutCache()
				.withField(UserAgent.AGENT_NAME)
				.withField(UserAgent.AGENT_VERSION_MAJOR)
				.hideMatcherLoadStats()
				.immediateInitialization()
				.build();
		}

	}

	/**
	 * YAUAA without cache, computing all fields.
	 */
	@State(Scope.Benchmark)
	public static class YauaaAllFields {

		UserAgentAnalyzer analyzer;

		/**
		 * Build the analyzer.
		 */
		@Setup(Level.Trial)
		public void build() {
			this.analyzer = UserAgentAnalyzer.newBuilder()
				.withoutCache()
				.withAllFields()
				.hideMatcherLoadStats()
				.immediateInitialization()
				.build();
		}

	}

}
