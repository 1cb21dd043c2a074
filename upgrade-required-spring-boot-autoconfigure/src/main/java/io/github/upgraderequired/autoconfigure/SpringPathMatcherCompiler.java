package io.github.upgraderequired.autoconfigure;

import java.util.function.Predicate;

import io.github.upgraderequired.core.PathMatcher;
import org.jspecify.annotations.Nullable;

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
			return new Matcher(parsed, (path) -> true);
		}
		if (isLiteral(pattern)) {
			return new Matcher(parsed, pattern::equals);
		}
		if (pattern.endsWith("/**") && isLiteral(pattern.substring(0, pattern.length() - 3))) {
			String base = pattern.substring(0, pattern.length() - 3);
			String prefix = base + "/";
			return new Matcher(parsed, (path) -> path.startsWith(prefix) || path.equals(base));
		}
		return new Matcher(parsed, null);
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
	 * A compiled pattern: compared on the string when the path is plain and the pattern
	 * allows it, matched by the parsed pattern otherwise.
	 */
	private static final class Matcher implements PathMatcher {

		private final PathPattern parsed;

		private final @Nullable Predicate<String> plainMatch;

		Matcher(PathPattern parsed, @Nullable Predicate<String> plainMatch) {
			this.parsed = parsed;
			this.plainMatch = plainMatch;
		}

		@Override
		public boolean matches(String path) {
			return matches(path, PathMatcher.isPlain(path));
		}

		@Override
		public boolean matches(String path, boolean plain) {
			if (plain && this.plainMatch != null) {
				return this.plainMatch.test(path);
			}
			return this.parsed.matches(PathContainer.parsePath(path));
		}

		@Override
		public String toString() {
			return this.parsed.getPatternString();
		}

	}

}
