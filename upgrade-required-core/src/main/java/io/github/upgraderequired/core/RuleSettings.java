package io.github.upgraderequired.core;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where a rule applies and how it acts. Path patterns use Spring's {@code PathPattern}
 * syntax ({@code /api/**}); an empty include list means every path.
 */
public final class RuleSettings {

	private static final RuleSettings DEFAULTS = builder().build();

	private final Schedule schedule;

	private final @Nullable Instant deprecation;

	private final @Nullable String documentation;

	private final List<String> paths;

	private final List<String> excludePaths;

	private final List<String> methods;

	private final List<String> exemptAddresses;

	private final @Nullable String exemptHeaderName;

	private final @Nullable String exemptHeaderValue;

	private final UnknownValuePolicy unknown;

	private final int status;

	private RuleSettings(Builder builder) {
		this.schedule = builder.schedule;
		this.deprecation = builder.deprecation;
		this.documentation = builder.documentation;
		this.paths = List.copyOf(builder.paths);
		this.excludePaths = List.copyOf(builder.excludePaths);
		this.methods = List.copyOf(builder.methods);
		this.exemptAddresses = List.copyOf(builder.exemptAddresses);
		this.exemptHeaderName = builder.exemptHeaderName;
		this.exemptHeaderValue = builder.exemptHeaderValue;
		this.unknown = builder.unknown;
		this.status = builder.status;
	}

	/**
	 * Return settings that enforce on every path and method, with status 426.
	 * @return the defaults
	 */
	public static RuleSettings defaults() {
		return DEFAULTS;
	}

	/**
	 * Return a builder starting from the defaults.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return the mode and grace period.
	 * @return the schedule
	 */
	public Schedule schedule() {
		return this.schedule;
	}

	/**
	 * Return the instant sent in {@code Deprecation} when warning; falls back to the
	 * schedule's {@code warnFrom}. A rule that can warn needs one of the two.
	 * @return the instant, or {@code null}
	 */
	public @Nullable Instant deprecation() {
		return this.deprecation;
	}

	/**
	 * Return whether the rule can be in warn mode without an instant to send in
	 * {@code Deprecation}: in warn mode without dates, or with only an
	 * {@code enforceFrom}, and with no {@link #deprecation()}. The engine refuses such
	 * settings rather than make a date up.
	 * @return {@code true} if {@code warnFrom} or {@code deprecation} is missing
	 */
	public boolean canWarnWithoutDeprecation() {
		if (this.deprecation != null || this.schedule.warnFrom() != null || this.schedule.mode() == Mode.OFF) {
			return false;
		}
		return this.schedule.enforceFrom() != null || this.schedule.mode() == Mode.WARN;
	}

	/**
	 * Return the URL of documentation about the rule, linked from responses and from
	 * {@code Link} when warning.
	 * @return the URL, or {@code null}
	 */
	public @Nullable String documentation() {
		return this.documentation;
	}

	/**
	 * Return the path patterns the rule applies to; empty for all.
	 * @return the patterns
	 */
	public List<String> paths() {
		return this.paths;
	}

	/**
	 * Return the path patterns the rule never applies to.
	 * @return the patterns
	 */
	public List<String> excludePaths() {
		return this.excludePaths;
	}

	/**
	 * Return the methods the rule applies to; empty for all.
	 * @return the upper-case methods
	 */
	public List<String> methods() {
		return this.methods;
	}

	/**
	 * Return the remote addresses (CIDR ranges or single addresses) that are exempt.
	 * @return the ranges
	 */
	public List<String> exemptAddresses() {
		return this.exemptAddresses;
	}

	/**
	 * Return the name of a request header that exempts a caller when it carries
	 * {@link #exemptHeaderValue()}.
	 * @return the header name, or {@code null}
	 */
	public @Nullable String exemptHeaderName() {
		return this.exemptHeaderName;
	}

	/**
	 * Return the value of {@link #exemptHeaderName()} that exempts a caller.
	 * @return the value, or {@code null}
	 */
	public @Nullable String exemptHeaderValue() {
		return this.exemptHeaderValue;
	}

	/**
	 * Return what happens when the rule cannot read its value.
	 * @return the policy
	 */
	public UnknownValuePolicy unknown() {
		return this.unknown;
	}

	/**
	 * Return the status of the upgrade response.
	 * @return the status, 426 unless configured
	 */
	public int status() {
		return this.status;
	}

	/**
	 * Builds {@link RuleSettings}.
	 */
	public static final class Builder {

		private Schedule schedule = Schedule.ENFORCE;

		private @Nullable Instant deprecation;

		private @Nullable String documentation;

		private List<String> paths = List.of();

		private List<String> excludePaths = List.of();

		private List<String> methods = List.of();

		private List<String> exemptAddresses = List.of();

		private @Nullable String exemptHeaderName;

		private @Nullable String exemptHeaderValue;

		private UnknownValuePolicy unknown = UnknownValuePolicy.ALLOW;

		private int status = 426;

		private Builder() {
		}

		/**
		 * Set the mode and grace period.
		 * @param schedule the schedule
		 * @return this builder
		 */
		public Builder schedule(Schedule schedule) {
			this.schedule = schedule;
			return this;
		}

		/**
		 * Set a fixed mode without dates.
		 * @param mode the mode
		 * @return this builder
		 */
		public Builder mode(Mode mode) {
			return schedule(new Schedule(mode, null, null));
		}

		/**
		 * Set the instant sent in {@code Deprecation}.
		 * @param deprecation the instant
		 * @return this builder
		 */
		public Builder deprecation(@Nullable Instant deprecation) {
			this.deprecation = deprecation;
			return this;
		}

		/**
		 * Set the documentation URL.
		 * @param documentation the URL
		 * @return this builder
		 */
		public Builder documentation(@Nullable String documentation) {
			this.documentation = documentation;
			return this;
		}

		/**
		 * Set the path patterns the rule applies to.
		 * @param paths the patterns
		 * @return this builder
		 */
		public Builder paths(List<String> paths) {
			this.paths = paths;
			return this;
		}

		/**
		 * Set the path patterns the rule never applies to.
		 * @param excludePaths the patterns
		 * @return this builder
		 */
		public Builder excludePaths(List<String> excludePaths) {
			this.excludePaths = excludePaths;
			return this;
		}

		/**
		 * Set the methods the rule applies to.
		 * @param methods the methods
		 * @return this builder
		 */
		public Builder methods(List<String> methods) {
			this.methods = methods.stream().map((method) -> method.toUpperCase(java.util.Locale.ROOT)).toList();
			return this;
		}

		/**
		 * Set the exempt remote addresses.
		 * @param exemptAddresses CIDR ranges or single addresses
		 * @return this builder
		 */
		public Builder exemptAddresses(List<String> exemptAddresses) {
			this.exemptAddresses = exemptAddresses;
			return this;
		}

		/**
		 * Exempt callers that send a header with a value.
		 * @param name the header name
		 * @param value the value
		 * @return this builder
		 */
		public Builder exemptHeader(@Nullable String name, @Nullable String value) {
			this.exemptHeaderName = name;
			this.exemptHeaderValue = value;
			return this;
		}

		/**
		 * Set what happens when the rule cannot read its value.
		 * @param unknown the policy
		 * @return this builder
		 */
		public Builder unknown(UnknownValuePolicy unknown) {
			this.unknown = unknown;
			return this;
		}

		/**
		 * Set the status of the upgrade response.
		 * @param status a 4xx status
		 * @return this builder
		 */
		public Builder status(int status) {
			this.status = status;
			return this;
		}

		/**
		 * Build the settings.
		 * @return the settings
		 */
		public RuleSettings build() {
			return new RuleSettings(this);
		}

	}

}
