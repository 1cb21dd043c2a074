package io.github.upgraderequired.autoconfigure;

import java.util.List;

import io.github.upgraderequired.core.PathMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link SpringPathMatcherCompiler}: its shortcuts must agree with Spring's
 * {@link PathPattern}, which the handler mappings use, on every path.
 */
class SpringPathMatcherCompilerTests {

	private static final List<String> PATHS = List.of("/", "", "/api", "/api/", "/api/v1", "/api/v1/orders",
			"/apis", "/API/v1", "/api%2Fv1", "/ap%69/v1", "/api;jsessionid=1/v1", "/api/v1;x=y", "//api/v1",
			"/api/./v1", "/api/../secure", "/secure/hello", "/secure/hello/", "/secure/hell%6F", "/secure/hello;a=b",
			"/secure", "/x/api/v1", "/error", "/errors", "/error/", "/actuator", "/actuator/health",
			"/actuator/health/liveness", "/actuator-x");

	private final SpringPathMatcherCompiler compiler = new SpringPathMatcherCompiler();

	@ParameterizedTest
	@ValueSource(strings = { "/api/**", "/secure/hello", "/secure/**", "/error", "/actuator/**", "/**", "/",
			"/api/*/orders", "/api/{version}/**", "/secure/{*rest}", "/api/v?" })
	void agreesWithPathPatternOnEveryPath(String pattern) {
		PathMatcher matcher = this.compiler.compile(pattern);
		PathPattern reference = PathPatternParser.defaultInstance.parse(pattern);
		for (String path : PATHS) {
			assertThat(matcher.matches(path)).as("%s on %s", pattern, path)
				.isEqualTo(reference.matches(PathContainer.parsePath(path)));
		}
	}

	@Test
	void encodedPathsCannotSlipPastAPrefix() {
		assertThat(this.compiler.compile("/secure/**").matches("/secur%65/hello")).isTrue();
		assertThat(this.compiler.compile("/secure/hello").matches("/secure/hell%6F")).isTrue();
	}

	@Test
	void everythingMatchesEveryPathWhateverItHolds() {
		PathMatcher all = this.compiler.compile("/**");
		assertThat(all.matches(";a=b")).isTrue();
		assertThat(all.matches("/a%zz")).isTrue();
		assertThat(all.matches("/api/%")).isTrue();
		assertThat(all.matches("/api;v=1/x", false)).isTrue();
	}

	@Test
	void aPathWhoseEscapesDoNotDecodeIsComparedAsItStandsInsteadOfThrowing() {
		assertThat(this.compiler.compile("/api/**").matches("/api/%zz")).isTrue();
		assertThat(this.compiler.compile("/api/**").matches("/a%zz")).isFalse();
		assertThat(this.compiler.compile("/api/hello").matches("/api/hello;%zz")).isFalse();
		assertThat(this.compiler.compile("/api/{version}").matches("/api/%")).isFalse();
		assertThat(this.compiler.compile("/api/{version}").matches("/x;%zz=1")).isFalse();
	}

	@Test
	void aPrefixMatchesItsBaseAndBelowButNotASibling() {
		PathMatcher api = this.compiler.compile("/api/**");
		assertThat(api.matches("/api", true)).isTrue();
		assertThat(api.matches("/api/v1", true)).isTrue();
		assertThat(api.matches("/apiv1", true)).isFalse();
		assertThat(api.matches("/ap", true)).isFalse();
		PathMatcher literal = this.compiler.compile("/api/hello");
		assertThat(literal.matches("/api/hello", true)).isTrue();
		assertThat(literal.matches("/api/hello/", true)).isFalse();
		assertThat(literal.matches("/api/hellos", true)).isFalse();
	}

	@Test
	void anInvalidPatternIsRefusedWithTheParsersReason() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.compiler.compile("/api/{*rest}/more"))
			.withMessageContaining("should be placed at the start or end of the pattern")
			.withMessageContaining("at character");
	}

}
