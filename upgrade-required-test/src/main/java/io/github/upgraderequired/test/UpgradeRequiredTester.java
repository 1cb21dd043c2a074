package io.github.upgraderequired.test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import io.github.upgraderequired.core.DecisionListener;
import io.github.upgraderequired.core.PathCompiler;
import io.github.upgraderequired.core.PathMatcher;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.core.UpgradeRequest;
import io.github.upgraderequired.core.UpgradeRule;
import io.github.upgraderequired.render.UpgradeResponseRenderer;
import io.github.upgraderequired.web.UpgradePipeline;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Runs requests through the starter's request pipeline, the one every entry point shares,
 * and hands back what an adapter would have sent: the engine's decision, and the refusal
 * (status, headers, body) or the headers added to a request let through. No server is
 * started.
 * <p>
 * Test one rule, such as an application's own {@link UpgradeRule} bean, on its own:
 * <pre class="code">
 * UpgradeRequiredTester tester = UpgradeRequiredTester.forRule(new MyRule());
 * UpgradeResult result = tester.process(MockUpgradeRequest.get("/api").header("X-Client", "1.0"));
 * assertThat(result.status()).isEqualTo(426);
 * </pre>
 * or the whole configured pipeline, every rule from properties and every rule bean, with
 * the {@link UpgradePipeline} bean of an application context:
 * {@code UpgradeRequiredTester.of(context.getBean(UpgradePipeline.class))}.
 * <p>
 * A refusal is counted as sent, as an adapter counts it, by the pipeline's listeners (the
 * {@code upgrade.required.*} counters, events and logs of a configured pipeline). What
 * happens around the pipeline is left out: a request is never checked by an entry point
 * that would not see it, CORS is not applied, and what the server's forwarded-header
 * handling would decide ({@code secure}, the addresses) is set on the request by hand. The
 * tester is thread-safe.
 */
public final class UpgradeRequiredTester {

	private final UpgradePipeline pipeline;

	private UpgradeRequiredTester(UpgradePipeline pipeline) {
		this.pipeline = pipeline;
	}

	/**
	 * Return a tester for a pipeline, such as the one the starter configured in an
	 * application context.
	 * @param pipeline the pipeline
	 * @return the tester
	 */
	public static UpgradeRequiredTester of(UpgradePipeline pipeline) {
		return new UpgradeRequiredTester(Objects.requireNonNull(pipeline, "pipeline must not be null"));
	}

	/**
	 * Return a tester of one rule, with the built-in answer and the system clock.
	 * @param rule the rule
	 * @return the tester
	 * @throws IllegalArgumentException if the rule's settings or tokens are not valid, as
	 * they would stop the application's start-up
	 */
	public static UpgradeRequiredTester forRule(UpgradeRule rule) {
		return builder().rules(rule).build();
	}

	/**
	 * Return a builder of a pipeline of rules, for a tester that needs a fixed clock
	 * (schedules), several rules, excluded paths or listeners.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Decide on a request and prepare the answer, as an adapter does.
	 * @param request the request, such as a {@link MockUpgradeRequest}
	 * @return what would be sent
	 */
	public UpgradeResult process(UpgradeRequest request) {
		Objects.requireNonNull(request, "request must not be null");
		return UpgradeResult.sent(this.pipeline.process(request), request);
	}

	/**
	 * Builds a tester over a pipeline of rules. Path patterns are Spring's
	 * {@code PathPattern} syntax, matched as the starter matches them.
	 */
	public static final class Builder {

		private final List<UpgradeRule> rules = new ArrayList<>();

		private final List<String> excludePaths = new ArrayList<>();

		private final List<DecisionListener> listeners = new ArrayList<>();

		private Clock clock = Clock.systemUTC();

		private boolean failClosed;

		private UpgradeResponseRenderer renderer = new UpgradeResponseRenderer();

		private Builder() {
		}

		/**
		 * Add rules, evaluated in the order added.
		 * @param rules the rules
		 * @return this builder
		 */
		public Builder rules(UpgradeRule... rules) {
			this.rules.addAll(Arrays.asList(rules));
			return this;
		}

		/**
		 * Fix the instant the rules' schedules are read at.
		 * @param now the instant
		 * @return this builder
		 */
		public Builder at(Instant now) {
			return clock(Clock.fixed(now, ZoneOffset.UTC));
		}

		/**
		 * Set the clock the rules' schedules are read with.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock must not be null");
			return this;
		}

		/**
		 * Add path patterns no rule is evaluated for
		 * ({@code upgrade-required.exclude-paths}).
		 * @param patterns the patterns
		 * @return this builder
		 */
		public Builder excludePaths(String... patterns) {
			this.excludePaths.addAll(Arrays.asList(patterns));
			return this;
		}

		/**
		 * Set whether a rule in enforce mode that throws refuses the request
		 * ({@code upgrade-required.fail-closed}).
		 * @param failClosed {@code true} to refuse
		 * @return this builder
		 */
		public Builder failClosed(boolean failClosed) {
			this.failClosed = failClosed;
			return this;
		}

		/**
		 * Add listeners told of every outcome, as the starter's metrics and events are.
		 * @param listeners the listeners
		 * @return this builder
		 */
		public Builder listeners(DecisionListener... listeners) {
			this.listeners.addAll(Arrays.asList(listeners));
			return this;
		}

		/**
		 * Set the renderer of the answers, for a custom page or problem type.
		 * @param renderer the renderer
		 * @return this builder
		 */
		public Builder renderer(UpgradeResponseRenderer renderer) {
			this.renderer = Objects.requireNonNull(renderer, "renderer must not be null");
			return this;
		}

		/**
		 * Build the tester.
		 * @return the tester
		 * @throws IllegalArgumentException if a rule's settings or tokens, or a pattern, are
		 * not valid, as they would stop the application's start-up
		 */
		public UpgradeRequiredTester build() {
			UpgradeEngine engine = UpgradeEngine.builder(new PathCompiler(Builder::parse))
				.rules(this.rules)
				.excludePaths(this.excludePaths)
				.clock(this.clock)
				.failClosed(this.failClosed)
				.listeners(this.listeners)
				.build();
			return new UpgradeRequiredTester(new UpgradePipeline(engine, this.renderer));
		}

		private static PathMatcher parse(String pattern) {
			PathPattern parsed = PathPatternParser.defaultInstance.parse(pattern);
			return (path) -> parsed.matches(PathContainer.parsePath(path));
		}

	}

}
