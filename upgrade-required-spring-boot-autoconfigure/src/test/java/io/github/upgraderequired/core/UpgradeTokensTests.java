package io.github.upgraderequired.core;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link UpgradeTokens}.
 */
class UpgradeTokensTests {

	@ParameterizedTest
	@ValueSource(strings = { "HTTP/1.1", "HTTP/2.0", "TLS/1.3", "h2c", "websocket", "API/2", "ExampleApp/5.2.0",
			"Chrome/120", "a!#$%&'*+-.^_`|~/1" })
	void legalTokens(String token) {
		assertThat(UpgradeTokens.isValid(token)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "/", "HTTP/", "/1.1", "HTTP 1.1", "HTTP/1.1/2", "TLS/1.3,", "a\"b", "é/1", "h2c;",
			"HTTP/(1)", "x\r\ny", "tab\t" })
	void illegalTokens(String token) {
		assertThat(UpgradeTokens.isValid(token)).isFalse();
	}

	@Test
	void validationNamesTheIllegalToken() {
		assertThatIllegalArgumentException().isThrownBy(() -> UpgradeTokens.validate(List.of("TLS/1.3", "TLS 1.2")))
			.withMessageStartingWith("'TLS 1.2' is not a legal Upgrade token");
	}

	@Test
	void validationNeedsAToken() {
		assertThatIllegalArgumentException().isThrownBy(() -> UpgradeTokens.validate(List.of()));
	}

}
