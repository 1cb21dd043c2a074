package io.github.upgraderequired.sample;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged sample, on each stack, refuses to start with a misspelled key and says
 * which key it is and what was meant.
 */
class MisconfigurationIT {

	@ParameterizedTest
	@ValueSource(strings = { "", "webflux" })
	void aMisspelledKeyStopsStartUpNamingItAndTheKeyMeant(String profiles) throws Exception {
		String output = SampleAppProcess.failToStart("misspelled-" + (profiles.isEmpty() ? "mvc" : profiles), profiles,
				"--upgrade-required.rules.api.pathz=/x");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: upgrade-required.rules.api.pathz")
			.contains("Value: '/x'")
			.contains("Reason: it is not a setting of rules of type 'api-version'")
			.contains("Did you mean 'paths'? Rename or remove the key.");
	}

}
