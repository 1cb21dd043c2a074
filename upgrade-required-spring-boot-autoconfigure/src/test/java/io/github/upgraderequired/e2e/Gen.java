package io.github.upgraderequired.e2e;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of random values for the property-based tests: given the same
 * {@link Random}, the same values, so that a failing case can be made again from the seed
 * {@link PropertyCheck} reports.
 *
 * @param <T> the type of the values
 */
@FunctionalInterface
interface Gen<T> {

	T next(Random random);

	default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
		return (random) -> mapper.apply(next(random));
	}

	default <R> Gen<R> flatMap(Function<? super T, Gen<R>> mapper) {
		return (random) -> mapper.apply(next(random)).next(random);
	}

	/**
	 * Only values that match, drawn again until one does (at most 10,000 times).
	 */
	default Gen<T> filter(Predicate<? super T> predicate) {
		return (random) -> {
			for (int attempt = 0; attempt < 10_000; attempt++) {
				T value = next(random);
				if (predicate.test(value)) {
					return value;
				}
			}
			throw new IllegalStateException("The filter refused 10,000 values in a row");
		};
	}

	/**
	 * {@code null} with the given probability, else a value.
	 */
	default Gen<T> orNull(double probability) {
		return (random) -> (random.nextDouble() < probability) ? null : next(random);
	}

	default Gen<List<T>> list(int min, int max) {
		return (random) -> {
			int size = min + random.nextInt(max - min + 1);
			List<T> list = new ArrayList<>(size);
			for (int i = 0; i < size; i++) {
				list.add(next(random));
			}
			return list;
		};
	}

	static <T> Gen<T> constant(T value) {
		return (random) -> value;
	}

	@SafeVarargs
	static <T> Gen<T> of(T... values) {
		return of(Arrays.asList(values));
	}

	static <T> Gen<T> of(List<T> values) {
		return (random) -> values.get(random.nextInt(values.size()));
	}

	@SafeVarargs
	static <T> Gen<T> oneOf(Gen<? extends T>... generators) {
		return oneOf(Arrays.asList(generators));
	}

	static <T> Gen<T> oneOf(List<? extends Gen<? extends T>> generators) {
		return (random) -> generators.get(random.nextInt(generators.size())).next(random);
	}

	/**
	 * One of the generators, each chosen in proportion to its weight.
	 */
	@SafeVarargs
	static <T> Gen<T> weighted(Weighted<? extends T>... choices) {
		int total = Arrays.stream(choices).mapToInt(Weighted::weight).sum();
		return (random) -> {
			int pick = random.nextInt(total);
			for (Weighted<? extends T> choice : choices) {
				pick -= choice.weight();
				if (pick < 0) {
					return choice.generator().next(random);
				}
			}
			throw new IllegalStateException();
		};
	}

	static <T> Weighted<T> weight(int weight, Gen<T> generator) {
		return new Weighted<>(weight, generator);
	}

	static Gen<Boolean> booleans() {
		return Random::nextBoolean;
	}

	static Gen<Integer> ints(int min, int max) {
		return (random) -> min + random.nextInt(max - min + 1);
	}

	/**
	 * Longs between the bounds, both included, the bounds themselves more often than by
	 * chance.
	 */
	static Gen<Long> longs(long min, long max) {
		return (random) -> {
			int edge = random.nextInt(20);
			if (edge == 0) {
				return min;
			}
			if (edge == 1) {
				return max;
			}
			return random.nextLong(min, max + 1);
		};
	}

	/**
	 * Strings of characters from the ranges ({@code "az09"} for a to z and 0 to 9) and the
	 * single characters given, between the two lengths, the shortest more often than by
	 * chance.
	 */
	static Gen<String> strings(String ranges, String singles, int min, int max) {
		StringBuilder alphabet = new StringBuilder(singles);
		for (int i = 0; i + 1 < ranges.length(); i += 2) {
			for (char c = ranges.charAt(i); c <= ranges.charAt(i + 1); c++) {
				alphabet.append(c);
				if (c == Character.MAX_VALUE) {
					break;
				}
			}
		}
		String chars = alphabet.toString();
		return (random) -> {
			int length = (random.nextInt(10) == 0) ? min : min + random.nextInt(max - min + 1);
			StringBuilder text = new StringBuilder(length);
			for (int i = 0; i < length; i++) {
				text.append(chars.charAt(random.nextInt(chars.length())));
			}
			return text.toString();
		};
	}

	/**
	 * A subset of the values, in their order.
	 */
	static <T> Gen<List<T>> subsetOf(List<T> values) {
		return (random) -> {
			List<T> subset = new ArrayList<>();
			for (T value : values) {
				if (random.nextBoolean()) {
					subset.add(value);
				}
			}
			return subset;
		};
	}

	/**
	 * A generator with its weight.
	 *
	 * @param <T> the type of the values
	 * @param weight the weight
	 * @param generator the generator
	 */
	record Weighted<T>(int weight, Gen<T> generator) {

	}

}
