package io.github.upgraderequired.core;

import java.util.Objects;
import java.util.function.Function;

/**
 * Compiles path patterns of Spring's {@code PathPattern} syntax (the syntax of
 * {@code @RequestMapping}) with a parser for the general case, and matches the common
 * patterns without it: {@code /**}, literal patterns and {@code /prefix/**} are compared
 * on the string when the path has nothing to decode, so that most requests are matched
 * without parsing their path. A path whose escapes do not decode is compared as it stands,
 * so that the engine answers instead of throwing.
 * <p>
 * The parser is the syntax's own (the starter and its test fixture give Spring's
 * {@code PathPatternParser}); it throws {@link IllegalArgumentException} for a pattern
 * that is not valid, and its matcher throws it for a path that does not decode.
 */
public final class PathCompiler implements PathMatcher.Compiler {

	private final Function<String, PathMatcher> parser;

	/**
	 * Create a compiler.
	 * @param parser compiles a pattern into a matcher of any path
	 */
	public PathCompiler(Function<String, PathMatcher> parser) {
		this.parser = Objects.requireNonNull(parser, "parser must not be null");
	}

	@Override
	public PathMatcher compile(String pattern) {
		PathMatcher parsed = Objects.requireNonNull(this.parser.apply(pattern), "parser returned null");
		if (pattern.equals("/**")) {
			return new Matcher(parsed, Kind.ALL, pattern, pattern);
		}
		if (isLiteral(pattern)) {
			return new Matcher(parsed, Kind.LITERAL, pattern, pattern);
		}
		if (pattern.endsWith("/**") && isLiteral(pattern.substring(0, pattern.length() - 3))) {
			return new Matcher(parsed, Kind.PREFIX, pattern.substring(0, pattern.length() - 3), pattern);
		}
		return new Matcher(parsed, Kind.PARSED, pattern, pattern);
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

		private final PathMatcher parsed;

		private final Kind kind;

		/**
		 * The pattern ({@link Kind#LITERAL}) or its base ({@link Kind#PREFIX}).
		 */
		private final String text;

		private final String pattern;

		Matcher(PathMatcher parsed, Kind kind, String text, String pattern) {
			this.parsed = parsed;
			this.kind = kind;
			this.text = text;
			this.pattern = pattern;
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
				return this.parsed.matches(path);
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
			return this.pattern;
		}

	}

}
