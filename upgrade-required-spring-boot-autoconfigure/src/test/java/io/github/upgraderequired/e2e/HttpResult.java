package io.github.upgraderequired.e2e;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A response as a client saw it: the protocol of its status line, header names in lower
 * case.
 */
record HttpResult(String protocol, int status, Map<String, List<String>> headers, String body) {

	String header(String name) {
		List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	List<String> headers(String name) {
		return this.headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
	}

	/**
	 * Return the names listed in every {@code Vary} header line.
	 */
	List<String> vary() {
		return listed("Vary").toList();
	}

	/**
	 * Return the options listed in every {@code Connection} header line, in lower case.
	 */
	List<String> connectionOptions() {
		return listed("Connection").map((option) -> option.toLowerCase(Locale.ROOT)).toList();
	}

	/**
	 * Return the elements of a header that is a comma-separated list, across its lines.
	 */
	private Stream<String> listed(String name) {
		return headers(name).stream().flatMap((line) -> Arrays.stream(line.split(","))).map(String::trim);
	}

	boolean hasHeader(String name) {
		return this.headers.containsKey(name.toLowerCase(Locale.ROOT));
	}

}
