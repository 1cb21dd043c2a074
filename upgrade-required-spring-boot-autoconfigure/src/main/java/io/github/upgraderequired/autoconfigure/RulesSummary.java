package io.github.upgraderequired.autoconfigure;

import java.time.Instant;
import java.util.Locale;
import java.util.StringJoiner;

import io.github.upgraderequired.core.Mode;
import io.github.upgraderequired.core.RuleDescriptor;
import io.github.upgraderequired.core.Schedule;
import io.github.upgraderequired.core.UpgradeEngine;

/**
 * The one line logged at start-up and after a refresh: every rule with its type and its mode now (after an
 * operator's override).
 */
final class RulesSummary {

	private RulesSummary() {
	}

	static String of(UpgradeEngine engine) {
		if (engine.rules().isEmpty()) {
			return "upgrade-required: no rules configured";
		}
		Instant now = engine.clock().instant();
		StringJoiner rules = new StringJoiner(", ");
		int active = 0;
		for (RuleDescriptor rule : engine.rules()) {
			Schedule schedule = rule.settings().schedule();
			Mode mode = engine.modeAt(rule.name(), now);
			if (mode != Mode.OFF) {
				active++;
			}
			String next = "";
			if (mode == Mode.REPORT && schedule.warnFrom() != null) {
				next = " until " + schedule.warnFrom();
			}
			else if (mode == Mode.WARN && schedule.enforceFrom() != null) {
				next = " until " + schedule.enforceFrom();
			}
			rules.add(rule.name() + " (" + rule.type() + ", " + mode.name().toLowerCase(Locale.ROOT) + next
					+ ")");
		}
		int all = engine.rules().size();
		String count = (active == all) ? all + " rule" + ((all == 1) ? "" : "s") : active + " of " + all + " rules";
		return "upgrade-required: " + count + " active: " + rules;
	}

}
