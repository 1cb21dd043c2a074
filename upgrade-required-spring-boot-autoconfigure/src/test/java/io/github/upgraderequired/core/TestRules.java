package io.github.upgraderequired.core;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Rules and helpers for engine tests.
 */
final class TestRules {

	/**
	 * Literal patterns and {@code /prefix/**}: enough for engine tests, which are not
	 * about pattern syntax.
	 */
	static final PathMatcher.Compiler PATHS = (pattern) -> {
		if (pattern.endsWith("/**")) {
			String base = pattern.substring(0, pattern.length() - 3);
			return (path) -> path.equals(base) || path.startsWith(base + "/");
		}
		if (pattern.contains("[")) {
			throw new IllegalArgumentException("bad pattern " + pattern);
		}
		return pattern::equals;
	};

	private TestRules() {
	}

	static Rule rejecting(String name, RuleSettings settings) {
		return new Rule(name, settings, (request) -> Verdict.upgrade("2", "1"));
	}

	static Rule rule(String name, RuleSettings settings, Function<UpgradeRequest, Verdict> check) {
		return new Rule(name, settings, check);
	}

	/**
	 * A rule that counts its checks.
	 */
	static final class Rule implements UpgradeRule {

		final AtomicInteger checks = new AtomicInteger();

		private final String name;

		private final RuleSettings settings;

		private final Function<UpgradeRequest, Verdict> check;

		private Set<String> readHeaders = Set.of();

		private List<String> upgrade = List.of("Test/2");

		private boolean readsApplicationApiVersion;

		Rule(String name, RuleSettings settings, Function<UpgradeRequest, Verdict> check) {
			this.name = name;
			this.settings = settings;
			this.check = check;
		}

		Rule reading(String... headers) {
			this.readHeaders = Set.of(headers);
			return this;
		}

		Rule readingApplicationApiVersion() {
			this.readsApplicationApiVersion = true;
			return this;
		}

		Rule offering(String... upgrade) {
			this.upgrade = List.of(upgrade);
			return this;
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public String type() {
			return "test";
		}

		@Override
		public List<String> upgrade() {
			return this.upgrade;
		}

		@Override
		public Set<String> readHeaders() {
			return this.readHeaders;
		}

		@Override
		public RuleSettings settings() {
			return this.settings;
		}

		@Override
		public boolean readsApplicationApiVersion() {
			return this.readsApplicationApiVersion;
		}

		@Override
		public Verdict check(UpgradeRequest request) {
			this.checks.incrementAndGet();
			return this.check.apply(request);
		}

	}

	/**
	 * A clock a test sets, that counts its reads.
	 */
	static final class MutableClock extends Clock {

		Instant now;

		int reads;

		MutableClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			this.reads++;
			return this.now;
		}

	}

}
