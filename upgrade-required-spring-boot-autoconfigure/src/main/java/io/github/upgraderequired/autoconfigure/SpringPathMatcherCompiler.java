package io.github.upgraderequired.autoconfigure;

import io.github.upgraderequired.core.PathMatcher;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

/**
 * Compiles path patterns with Spring's {@link PathPatternParser}, the syntax of
 * {@code @RequestMapping}. Literal patterns and patterns of the form {@code /prefix/**}
 * are matched on the string when the path has nothing to decode, and by the parsed
 * pattern otherwise, so encoded or parameterised paths cannot slip past.
 */
final class SpringPathMatcherCompiler implements PathMatcher.Compiler {

	@Override
	public PathMatcher compile(String pattern) {
		PathPattern parsed;
		try {
			parsed = PathPatternParser.defaultInstance.parse(pattern);
		}
		catch (PatternParseException ex) {
			throw new IllegalArgumentException(ex.getMessage() + " (at character " + ex.getPosition() + ")", ex);
		}
		if (pattern.equals("/**")) {
			return (path) -> true;
		}
		if (isLiteral(pattern)) {
			return (path) -> isPlain(path) ? path.equals(pattern) : matches(parsed, path);
		}
		if (pattern.endsWith("/**") && isLiteral(pattern.substring(0, pattern.length() - 3))) {
			String base = pattern.substring(0, pattern.length() - 3);
			String prefix = base + "/";
			return (path) -> isPlain(path) ? (path.equals(base) || path.startsWith(prefix)) : matches(parsed, path);
		}
		return (path) -> matches(parsed, path);
	}

	private static boolean matches(PathPattern pattern, String path) {
		return pattern.matches(PathContainer.parsePath(path));
	}

	private static boolean isLiteral(String pattern) {
		for (int i = 0; i < pattern.length(); i++) {
			char c = pattern.charAt(i);
			if (c == '*' || c == '?' || c == '{' || c == '}' || c == '%' || c == ';') {
				return false;
			}
		}
		return !pattern.contains("//") && !pattern.isEmpty() && !pattern.endsWith("/");
	}

	/**
	 * Return whether a path needs no decoding and has no path parameters, so that string
	 * comparison sees what the handler mappings see.
	 */
	private static boolean isPlain(String path) {
		return path.indexOf('%') < 0 && path.indexOf(';') < 0;
	}

}
