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
			return new Matcher(parsed, Kind.ALL, pattern);
		}
		if (isLiteral(pattern)) {
			return new Matcher(parsed, Kind.LITERAL, pattern);
		}
		if (pattern.endsWith("/**") && isLiteral(pattern.substring(0, pattern.length() - 3))) {
			return new Matcher(parsed, Kind.PREFIX, pattern.substring(0, pattern.length() - 3));
		}
		return new Matcher(parsed, Kind.PARSED, pattern);
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
	 * How a pattern is matched against a plain path.
	 */
	private enum Kind {

		/**
		 * Every path ({@code /**}).
		 */
		ALL,

		/**
		 * The path equal to the pattern.
		 */
		LITERAL,

		/**
		 * The base and every path below it ({@code /base/**}).
		 */
		PREFIX,

		/**
		 * Matched by the parsed pattern.
		 */
		PARSED

	}

	/**
	 * A compiled pattern: compared on the string when the path is plain and the pattern
	 * allows it, matched by the parsed pattern otherwise.
	 */
	private static final class Matcher implements PathMatcher {

		private final PathPattern parsed;

		private final Kind kind;

		/**
		 * The pattern ({@link Kind#LITERAL}) or its base ({@link Kind#PREFIX}).
		 */
		private final String text;

		Matcher(PathPattern parsed, Kind kind, String text) {
			this.parsed = parsed;
			this.kind = kind;
			this.text = text;
		}

		@Override
		public boolean matches(String path) {
			return matches(path, PathMatcher.isPlain(path));
		}

		@Override
		public boolean matches(String path, boolean plain) {
			if (this.kind == Kind.ALL) {
				return true;
			}
			if (plain && this.kind != Kind.PARSED) {
				return matchesText(path);
			}
			try {
				return this.parsed.matches(PathContainer.parsePath(path));
			}
			catch (IllegalArgumentException ex) {
				// An escape that does not decode: no handler sees such a path either; compared
				// as it stands, so that the engine answers instead of throwing.
				return this.kind != Kind.PARSED && matchesText(path);
			}
		}

		private boolean matchesText(String path) {
			String text = this.text;
			if (!path.startsWith(text)) {
				return false;
			}
			// A prefix matches the base itself and every path below it, not /base-other.
			return path.length() == text.length() || (this.kind == Kind.PREFIX && path.charAt(text.length()) == '/');
		}

		@Override
		public String toString() {
			return this.parsed.getPatternString();
		}

	}

}
