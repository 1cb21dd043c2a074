package io.github.upgraderequired.core.rule;

import io.github.upgraderequired.core.Verdict;
import org.jspecify.annotations.Nullable;

/**
 * The verdicts a rule last built from a template and the value a request sent, so that
 * the clients that send the same old version again and again get the same verdict: the
 * engine then keeps one decision for them, and the renderer prepares its answer once. A
 * few entries, taken in turn: a stream of distinct values only replaces them.
 */
final class RecentVerdicts {

	private static final int SIZE = 8;

	private final @Nullable Entry[] entries = new Entry[SIZE];

	private int next;

	/**
	 * Return the template with the value the request sent.
	 * @param template the verdict but for the current value
	 * @param current the value the request sent
	 * @return the verdict, the same as for an earlier request when it is still kept
	 */
	Verdict withCurrent(Verdict template, String current) {
		for (Entry entry : this.entries) {
			if (entry != null && entry.template == template && entry.current.equals(current)) {
				return entry.verdict;
			}
		}
		Verdict verdict = template.withCurrent(current);
		// Racy on purpose: two threads may take the same slot, and an entry is lost.
		int slot = this.next;
		this.next = (slot + 1) & (SIZE - 1);
		this.entries[slot] = new Entry(template, current, verdict);
		return verdict;
	}

	private record Entry(Verdict template, String current, Verdict verdict) {
	}

}
