package io.github.upgraderequired.core;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A mode set for a rule by an operator, over what its configuration says, until it is
 * cleared or, if {@code until} is set, until that instant. A rule whose configuration
 * says {@link Mode#OFF} stays off whatever its override says; otherwise the override
 * replaces the rule's schedule while it lasts, and the schedule takes over again after it.
 * <p>
 * A rule that warns only because of an override and has no instant of its own to send in
 * {@code Deprecation} sends the instant the override was set; its {@code Sunset} is the
 * first instant it enforces after the override ends, if that is known.
 *
 * @param mode the mode the rule is in while the override lasts
 * @param until the instant the override ends, or {@code null} until it is cleared
 * @param since the instant the override was set
 * @param principal who set it, or {@code null} if not known
 */
public record ModeOverride(Mode mode, @Nullable Instant until, Instant since, @Nullable String principal) {

	/**
	 * Create a new override.
	 * @param mode the mode the rule is in while the override lasts
	 * @param until the instant the override ends, or {@code null} until it is cleared
	 * @param since the instant the override was set
	 * @param principal who set it, or {@code null} if not known
	 * @throws IllegalArgumentException if {@code until} is not after {@code since}
	 */
	public ModeOverride {
		Objects.requireNonNull(mode, "mode must not be null");
		Objects.requireNonNull(since, "since must not be null");
		if (until != null && !until.isAfter(since)) {
			throw new IllegalArgumentException("until (" + until + ") is not after " + since);
		}
	}

	/**
	 * Return whether the override is in force at an instant.
	 * @param now the instant, or {@code null} when only an override without an end is
	 * asked about
	 * @return {@code true} until {@code until}, and always without one
	 */
	public boolean isActiveAt(@Nullable Instant now) {
		return this.until == null || (now != null && now.isBefore(this.until));
	}

}
