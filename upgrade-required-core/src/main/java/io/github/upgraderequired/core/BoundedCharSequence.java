package io.github.upgraderequired.core;

/**
 * A character sequence that stops a regular expression spending more than a budget of
 * character reads on it, so that a configured pattern cannot be made to backtrack for
 * long by a crafted header. Reading past the budget throws {@link BudgetExceeded}.
 */
public final class BoundedCharSequence implements CharSequence {

	private final CharSequence text;

	private final int[] budget;

	/**
	 * Create a sequence with a budget of character reads.
	 * @param text the text
	 * @param budget the number of {@link #charAt(int)} calls allowed
	 */
	public BoundedCharSequence(CharSequence text, int budget) {
		this(text, new int[] { budget });
	}

	private BoundedCharSequence(CharSequence text, int[] budget) {
		this.text = text;
		this.budget = budget;
	}

	@Override
	public int length() {
		return this.text.length();
	}

	@Override
	public char charAt(int index) {
		if (--this.budget[0] < 0) {
			throw new BudgetExceeded();
		}
		return this.text.charAt(index);
	}

	@Override
	public CharSequence subSequence(int start, int end) {
		return new BoundedCharSequence(this.text.subSequence(start, end), this.budget);
	}

	@Override
	public String toString() {
		return this.text.toString();
	}

	/**
	 * Thrown when the budget of character reads is spent.
	 */
	public static final class BudgetExceeded extends RuntimeException {

		BudgetExceeded() {
			super("Too much matching work on one value", null, false, false);
		}

	}

}
