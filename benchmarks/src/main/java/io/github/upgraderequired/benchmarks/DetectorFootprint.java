package io.github.upgraderequired.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.List;
import java.util.Locale;

import io.github.upgraderequired.core.browser.BrowserDetector;
import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;

/**
 * Measures, in a fresh JVM, what a User-Agent detector costs to start and to keep: the
 * time from before its classes are loaded to a detector built that has detected one
 * agent, and the heap used after a full GC before building it and after building it
 * and detecting the whole corpus once (the corpus is read before the first figure, so
 * that it is in both). Prints one line of {@code key=value} pairs:
 * <pre>
 * subject=ours readyMillis=41.2 uptimeAtReadyMillis=310 heapBeforeBytes=... heapAfterBytes=... heapDeltaBytes=... agents=1601
 * </pre>
 * Subjects: {@code ours} (the starter's detector, uncached as in
 * {@link DetectorBenchmark}), {@code ours-cached} (its production cache),
 * {@code yauaa} (YAUAA uncached, agent name and major version only), {@code yauaa-cached}
 * (the same with YAUAA's default cache) and {@code yauaa-all} (uncached, all fields). Run
 * once per JVM, with {@code benchmarks/footprint}.
 */
public final class DetectorFootprint {

	private static final List<String> SUBJECTS = List.of("ours", "ours-cached", "yauaa", "yauaa-cached", "yauaa-all");

	private DetectorFootprint() {
	}

	/**
	 * Measure one subject.
	 * @param args the subject and, optionally, the corpus file
	 */
	public static void main(String[] args) {
		if (args.length < 1 || args.length > 2 || !SUBJECTS.contains(args[0])) {
			System.err.println("Usage: DetectorFootprint " + String.join("|", SUBJECTS) + " [corpus]");
			System.exit(2);
		}
		String name = args[0];
		List<String> agents = UserAgentCorpus.load((args.length > 1) ? args[1] : UserAgentCorpus.DEFAULT_LOCATION);
		long heapBefore = heapAfterFullGc();
		long start = System.nanoTime();
		Subject subject = switch (name) {
			case "ours" -> new Ours(0);
			case "ours-cached" -> new Ours(BrowserDetector.DEFAULT_CACHE_SIZE);
			case "yauaa" -> new Yauaa(false, false);
			case "yauaa-cached" -> new Yauaa(false, true);
			case "yauaa-all" -> new Yauaa(true, false);
			default -> throw new IllegalStateException("No subject " + name);
		};
		Object first = subject.detect(agents.get(0));
		double readyMillis = (System.nanoTime() - start) / 1_000_000.0;
		long uptimeAtReady = ManagementFactory.getRuntimeMXBean().getUptime();
		int detected = 0;
		for (String agent : agents) {
			if (subject.detect(agent) != null) {
				detected++;
			}
		}
		long heapAfter = heapAfterFullGc();
		Reference.reachabilityFence(subject);
		Reference.reachabilityFence(first);
		System.out.printf(Locale.ROOT,
				"subject=%s readyMillis=%.1f uptimeAtReadyMillis=%d heapBeforeBytes=%d heapAfterBytes=%d "
						+ "heapDeltaBytes=%d agents=%d%n",
				name, readyMillis, uptimeAtReady, heapBefore, heapAfter, heapAfter - heapBefore, detected);
	}

	/**
	 * Return the heap used once full collections no longer free more than 64 KiB.
	 */
	private static long heapAfterFullGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 10; i++) {
			System.gc();
			long now = memory.getHeapMemoryUsage().getUsed();
			if (i >= 2 && Math.abs(used - now) < 64 * 1024) {
				return now;
			}
			used = now;
		}
		return used;
	}

	/**
	 * A detector under measurement; its implementations load the detector's classes only
	 * when created.
	 */
	private interface Subject {

		Object detect(String userAgent);

	}

	/**
	 * The starter's detector.
	 */
	private static final class Ours implements Subject {

		private final BrowserDetector detector;

		Ours(int cacheSize) {
			this.detector = new BrowserDetector(cacheSize);
		}

		@Override
		public Object detect(String userAgent) {
			return this.detector.detect(userAgent, null, null);
		}

	}

	/**
	 * YAUAA.
	 */
	private static final class Yauaa implements Subject {

		private final UserAgentAnalyzer analyzer;

		Yauaa(boolean allFields, boolean cached) {
			UserAgentAnalyzer.UserAgentAnalyzerBuilder builder = UserAgentAnalyzer.newBuilder()
				.hideMatcherLoadStats()
				.immediateInitialization();
			if (!cached) {
				builder.withoutCache();
			}
			if (allFields) {
				builder.withAllFields();
			}
			else {
				builder.withField(UserAgent.AGENT_NAME).withField(UserAgent.AGENT_VERSION_MAJOR);
			}
			this.analyzer = builder.build();
		}

		@Override
		public Object detect(String userAgent) {
			UserAgent agent = this.analyzer.parse(userAgent);
			return agent.getValue(UserAgent.AGENT_NAME) + " " + agent.getValue(UserAgent.AGENT_VERSION_MAJOR);
		}

	}

}
