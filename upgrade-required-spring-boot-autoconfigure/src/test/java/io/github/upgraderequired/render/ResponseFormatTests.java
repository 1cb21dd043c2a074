package io.github.upgraderequired.render;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ResponseFormat#negotiate(String)}.
 */
class ResponseFormatTests {

	@ParameterizedTest(name = "[{0}] -> {1}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			null                                                                 | PROBLEM_JSON
			''                                                                   | PROBLEM_JSON
			'*/*'                                                                | PROBLEM_JSON
			application/json                                                     | PROBLEM_JSON
			application/problem+json                                             | PROBLEM_JSON
			APPLICATION/JSON                                                     | PROBLEM_JSON
			application/*                                                        | PROBLEM_JSON
			text/html                                                            | HTML
			'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'    | HTML
			'text/html;q=0.5, application/json'                                  | PROBLEM_JSON
			'application/json;q=0.2, text/html;q=0.9'                            | HTML
			'text/html, application/xhtml+xml, image/jxr, */*'                   | HTML
			'text/html, */*'                                                     | HTML
			'*/*, text/plain'                                                    | TEXT
			'application/json, text/html'                                        | PROBLEM_JSON
			'text/html, application/json'                                        | PROBLEM_JSON
			'text/*, */*'                                                        | HTML
			text/plain                                                           | TEXT
			'text/plain, */*;q=0.1'                                              | TEXT
			'text/*'                                                             | HTML
			'text/*, text/html;q=0'                                              | TEXT
			'*/*;q=0.5, text/plain;q=0.8'                                        | TEXT
			image/png                                                            | PROBLEM_JSON
			'text/html;q=0'                                                      | PROBLEM_JSON
			'text/html;q=abc'                                                    | PROBLEM_JSON
			'text/html;q=2'                                                      | PROBLEM_JSON
			'text/html;level=1;q=0.7, application/json;q=0.6'                    | HTML
			',,,;;;,'                                                            | PROBLEM_JSON
			""")
	void chooses(String accept, ResponseFormat expected) {
		assertThat(ResponseFormat.negotiate(accept)).isEqualTo(expected);
	}

}
