package io.github.upgraderequired.autoconfigure;

import io.github.upgraderequired.core.PathCompiler;
import io.github.upgraderequired.core.PathMatcher;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

/**
 * Compiles path patterns with Spring's {@link PathPatternParser}, the syntax of
 * {@code @RequestMapping}, with the core's shortcuts for the common patterns
 * ({@link PathCompiler}); a pattern that does not parse is refused with the position of
 * the mistake.
 */
final class SpringPathMatcherCompiler implements PathMatcher.Compiler {

	private final PathCompiler compiler = new PathCompiler(SpringPathMatcherCompiler::parse);

	@Override
	public PathMatcher compile(String pattern) {
		return this.compiler.compile(pattern);
	}

	private static PathMatcher parse(String pattern) {
		PathPattern parsed;
		try {
			parsed = PathPatternParser.defaultInstance.parse(pattern);
		}
		catch (PatternParseException ex) {
			throw new IllegalArgumentException(ex.getMessage() + " (at character " + ex.getPosition() + ")", ex);
		}
		return (path) -> parsed.matches(PathContainer.parsePath(path));
	}

}
