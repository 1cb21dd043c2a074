package io.github.upgraderequired.e2e;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a property over generated cases: 10,000 unless told otherwise, from a fixed seed,
 * so that the build always tries the same cases and a change cannot fail on cases an
 * earlier build never tried. {@code -Dupgrade-required.property-seed=random} draws a new
 * seed for each property, to explore; {@code -Dupgrade-required.property-seed=<seed>}
 * makes a failed run again. A failure names the property's case, its number and the
 * seed.
 */
final class PropertyCheck {

	static final int TRIES = 10_000;

	private static final String SEED_PROPERTY = "upgrade-required.property-seed";

	private static final long DEFAULT_SEED = 20_261_122L;

	private PropertyCheck() {
	}

	/**
	 * Check the property on {@link #TRIES} cases.
	 * @return what the property tallied
	 */
	static <T> Tally forAll(Gen<T> cases, Property<T> property) {
		return forAll(TRIES, cases, property);
	}

	static <T> Tally forAll(int tries, Gen<T> cases, Property<T> property) {
		String configured = System.getProperty(SEED_PROPERTY);
		long seed = (configured == null) ? DEFAULT_SEED
				: "random".equals(configured) ? ThreadLocalRandom.current().nextLong() : Long.parseLong(configured);
		Random random = new Random(seed);
		Tally tally = new Tally();
		for (int i = 1; i <= tries; i++) {
			T value = cases.next(random);
			try {
				property.check(value, tally);
			}
			catch (Throwable ex) {
				throw new AssertionError("The property failed on case " + i + " of " + tries + " (replay with -D"
						+ SEED_PROPERTY + "=" + seed + "):\n" + describe(value) + "\n" + ex.getMessage(), ex);
			}
		}
		return tally;
	}

	private static String describe(Object value) {
		String text = String.valueOf(value);
		return (text.length() > 4_000) ? text.substring(0, 4_000) + "… (" + text.length() + " characters)" : text;
	}

	/**
	 * A property of one case.
	 *
	 * @param <T> the type of the cases
	 */
	@FunctionalInterface
	interface Property<T> {

		void check(T value, Tally tally) throws Exception;

	}

	/**
	 * How often each kind of case came up, so that a test can show that the cases it
	 * meant to cover were tried, not only the easy ones.
	 */
	static final class Tally {

		private final Map<String, Integer> counts = new TreeMap<>();

		void count(Object kind) {
			this.counts.merge(String.valueOf(kind), 1, Integer::sum);
		}

		/**
		 * Assert that a kind came up at most {@code times} times.
		 */
		Tally assertAtMost(int times, Object kind) {
			assertThat(this.counts.getOrDefault(String.valueOf(kind), 0)).as("cases of '%s' in %s", kind, this.counts)
				.isLessThanOrEqualTo(times);
			return this;
		}

		/**
		 * Assert that each kind came up at least {@code times} times.
		 */
		Tally assertEach(int times, Object... kinds) {
			for (Object kind : kinds) {
				assertThat(this.counts.getOrDefault(String.valueOf(kind), 0)).as("cases of '%s' in %s", kind, this.counts)
					.isGreaterThanOrEqualTo(times);
			}
			return this;
		}

		@Override
		public String toString() {
			return this.counts.toString();
		}

	}

}
