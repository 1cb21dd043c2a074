package io.github.upgraderequired.core;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A rule's configured mode and grace period. Without dates the rule runs in its configured
 * mode. With dates, the mode follows the clock: {@link Mode#REPORT} before
 * {@code warnFrom}, {@link Mode#WARN} from {@code warnFrom}, {@link Mode#ENFORCE} from
 * {@code enforceFrom}. A rule with only {@code enforceFrom} warns until then; a rule with
 * only {@code warnFrom} never enforces. {@link Mode#OFF} always wins. A rule that can
 * warn also needs the instant to send in {@code Deprecation}: {@code warnFrom}, or
 * {@link RuleSettings#deprecation()}.
 *
 * @param mode the configured mode
 * @param warnFrom the instant warnings start, if any
 * @param enforceFrom the instant enforcement starts, if any
 */
public record Schedule(Mode mode, @Nullable Instant warnFrom, @Nullable Instant enforceFrom) {

	/**
	 * A schedule that always enforces.
	 */
	public static final Schedule ENFORCE = new Schedule(Mode.ENFORCE, null, null);

	/**
	 * Create a new schedule.
	 * @param mode the configured mode
	 * @param warnFrom the instant warnings start, if any
	 * @param enforceFrom the instant enforcement starts, if any
	 * @throws IllegalArgumentException if {@code enforceFrom} is before {@code warnFrom}
	 */
	public Schedule {
		if (warnFrom != null && enforceFrom != null && enforceFrom.isBefore(warnFrom)) {
			throw new IllegalArgumentException(
					"enforce-from (" + enforceFrom + ") is before warn-from (" + warnFrom + ")");
		}
	}

	/**
	 * Return whether the mode depends on the clock.
	 * @return {@code true} when dates are set and the mode is not {@link Mode#OFF}
	 */
	public boolean isTimed() {
		return this.mode != Mode.OFF && (this.warnFrom != null || this.enforceFrom != null);
	}

	/**
	 * Return the mode in force at the given instant.
	 * @param now the instant, only read for a timed schedule
	 * @return the mode
	 */
	public Mode modeAt(@Nullable Instant now) {
		if (!isTimed() || now == null) {
			return this.mode;
		}
		if (this.enforceFrom != null && !now.isBefore(this.enforceFrom)) {
			return Mode.ENFORCE;
		}
		if (this.warnFrom == null || !now.isBefore(this.warnFrom)) {
			return Mode.WARN;
		}
		return Mode.REPORT;
	}

}
