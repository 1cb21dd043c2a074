package io.github.upgraderequired.core;

import org.jspecify.annotations.Nullable;

/**
 * The last few values added, in a fixed number of slots that are replaced in turn: the
 * starter's caches on the request path, which are looked up by a scan (by identity or by
 * equality, never by hashing what a request brought), so that a stream of distinct values
 * only replaces entries. Not synchronized, on purpose: two threads may take the same slot,
 * and a value is lost, to be made again. The values must be immutable (final fields), so
 * that a thread reading a slot sees a value whole. Shared by the starter's packages; not
 * an API.
 *
 * @param <T> the type of the values
 */
public final class RecentValues<T> {

	private final @Nullable Object[] slots;

	private int next;

	/**
	 * Create slots for the given number of values.
	 * @param size the number of slots, a power of two
	 */
	public RecentValues(int size) {
		if (size <= 0 || Integer.bitCount(size) != 1) {
			throw new IllegalArgumentException("size must be a power of two, not " + size);
		}
		this.slots = new Object[size];
	}

	/**
	 * Return the number of slots.
	 * @return the number of slots
	 */
	public int size() {
		return this.slots.length;
	}

	/**
	 * Return the value in a slot.
	 * @param index the slot, from 0 to {@link #size()} - 1
	 * @return the value, or {@code null} if the slot is empty
	 */
	@SuppressWarnings("unchecked")
	public @Nullable T get(int index) {
		return (T) this.slots[index];
	}

	/**
	 * Add a value in the next slot, replacing the one there.
	 * @param value the value
	 */
	public void add(T value) {
		int slot = this.next;
		this.next = (slot + 1) & (this.slots.length - 1);
		this.slots[slot] = value;
	}

}
