package io.github.upgraderequired.core.rule;

import io.github.upgraderequired.core.RecentValues;
import io.github.upgraderequired.core.Verdict;

/**
 * The verdicts a rule last built from a template and the value a request sent, so that
 * the clients that send the same old version again and again get the same verdict: the
 * engine then keeps one decision for them, and the renderer prepares its answer once. A
 * few entries, taken in turn ({@link RecentValues}): a stream of distinct values only
 * replaces them.
 */
final class RecentVerdicts {

	private final RecentValues<Entry> entries = new RecentValues<>(8);

	/**
	 * Return the template with the value the request sent.
	 * @param template the verdict but for the current value
	 * @param current the value the request sent
	 * @return the verdict, the same as for an earlier request when it is still kept
	 */
	Verdict withCurrent(Verdict template, String current) {
		for (int i = 0; i < this.entries.size(); i++) {
			Entry entry = this.entries.get(i);
			if (entry != null && entry.template == template && entry.current.equals(current)) {
				return entry.verdict;
			}
		}
		Verdict verdict = template.withCurrent(current);
		this.entries.add(new Entry(template, current, verdict));
		return verdict;
	}

	private record Entry(Verdict template, String current, Verdict verdict) {
	}

}
