package io.github.upgraderequired.e2e;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A real start-up with a wrong property, on each stack: it stops and prints the failure
 * analysis, which also shows that Boot finds the analyzer through {@code spring.factories}.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartUpFailureEndToEndTests {

	// A value of its own per stack, so neither run can pass on what the other printed.
	@ParameterizedTest
	@CsvSource({ "SERVLET, TLS 1.3", "REACTIVE, TLS 1.2" })
	void aWrongPropertyStopsStartUpWithTheAnalysis(WebApplicationType type, String token, CapturedOutput output) {
		SpringApplication application = new SpringApplication(BadApplication.class);
		application.setWebApplicationType(type);
		assertThatException().isThrownBy(() -> application.run("--server.port=0",
				"--upgrade-required.rules.legacy.type=https", "--upgrade-required.rules.legacy.upgrade=" + token));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: upgrade-required.rules.legacy.upgrade[0]")
			.contains("Value: '" + token + "'")
			.contains("Use a token such as HTTP/1.1");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class BadApplication {

	}

}
