package io.github.upgraderequired.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RecentValues}.
 */
class RecentValuesTests {

	@Test
	void valuesReplaceTheOldestInTurn() {
		RecentValues<String> values = new RecentValues<>(4);
		assertThat(values.size()).isEqualTo(4);
		assertThat(values.get(0)).isNull();
		for (int i = 0; i < 6; i++) {
			values.add("v" + i);
		}
		assertThat(new String[] { values.get(0), values.get(1), values.get(2), values.get(3) })
			.containsExactly("v4", "v5", "v2", "v3");
	}

	@Test
	void theSizeIsAPowerOfTwo() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RecentValues<>(6)).withMessageContaining("6");
		assertThatIllegalArgumentException().isThrownBy(() -> new RecentValues<>(0));
	}

}
