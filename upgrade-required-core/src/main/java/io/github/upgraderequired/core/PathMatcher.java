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
	 * Return whether the path matches, told whether it is plain, so that a request checked
	 * against many patterns is scanned once.
	 * @param path the path within the application
	 * @param plain whether the path is plain, as {@link #isPlain(String)} says
	 * @return {@code true} if it matches
	 */
	default boolean matches(String path, boolean plain) {
		return matches(path);
	}

	/**
	 * Return whether a path needs no decoding and has no path parameters (no {@code %}, no
	 * {@code ;}), so that comparing strings sees what the handler mappings see.
	 * @param path the path
	 * @return {@code true} if the path is plain
	 */
	static boolean isPlain(String path) {
		return path.indexOf('%') < 0 && path.indexOf(';') < 0;
	}

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
