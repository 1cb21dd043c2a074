package io.github.upgraderequired.core;

/**
 * Matches a request path against one compiled pattern.
 */
@FunctionalInterface
public interface PathMatcher {

	/**
	 * Return whether the path matches.
	 * @param path the path within the application
	 * @return {@code true} if it matches
	 */
	boolean matches(String path);

	/**
	 * Compiles path patterns. The starter's implementation uses Spring's
	 * {@code PathPattern} syntax.
	 */
	@FunctionalInterface
	interface Compiler {

		/**
		 * Compile a pattern.
		 * @param pattern the pattern, such as {@code /api/**}
		 * @return the matcher
		 * @throws IllegalArgumentException if the pattern is not valid
		 */
		PathMatcher compile(String pattern);

	}

}
