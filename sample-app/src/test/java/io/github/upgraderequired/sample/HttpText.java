package io.github.upgraderequired.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A response as a client printed or received it: the status line, the header fields in
 * the order they came, and the body. Interim responses (such as the {@code 101} of an
 * h2c upgrade) are skipped.
 *
 * @param version the protocol of the status line ({@code HTTP/1.1}, {@code HTTP/2})
 * @param status the status code
 * @param headers the header fields, names as sent
 * @param body the body
 */
record HttpText(String version, int status, List<Map.Entry<String, String>> headers, String body) {

	/**
	 * Parse the text of one or more responses (interim ones first), as {@code curl -i}
	 * prints them or a raw socket receives them.
	 * @param text the text
	 * @return the final response
	 */
	static HttpText parse(String text) {
		String rest = text;
		while (true) {
			int end = rest.indexOf("\r\n\r\n");
			int separator = 4;
			if (end < 0) {
				end = rest.indexOf("\n\n");
				separator = 2;
			}
			String head = (end < 0) ? rest : rest.substring(0, end);
			String body = (end < 0) ? "" : rest.substring(end + separator);
			String[] lines = head.split("\r?\n");
			String[] statusLine = lines[0].split(" ", 3);
			if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
				throw new IllegalArgumentException("Not an HTTP response: " + abbreviate(text));
			}
			int status = Integer.parseInt(statusLine[1].trim());
			if (status >= 100 && status < 200 && body.startsWith("HTTP/")) {
				rest = body;
				continue;
			}
			List<Map.Entry<String, String>> headers = new ArrayList<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				if (colon > 0) {
					headers.add(Map.entry(lines[i].substring(0, colon), lines[i].substring(colon + 1).trim()));
				}
			}
			return new HttpText(statusLine[0], status, List.copyOf(headers), body);
		}
	}

	/**
	 * The first value of a header field, the name compared without regard to case.
	 * @param name the field name
	 * @return the value, or {@code null}
	 */
	String header(String name) {
		return this.headers.stream()
			.filter((field) -> field.getKey().equalsIgnoreCase(name))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	/**
	 * Every value of a header field, in the order received, the name compared without
	 * regard to case.
	 * @param name the field name
	 * @return the values, empty if the field is absent
	 */
	List<String> headers(String name) {
		return this.headers.stream()
			.filter((field) -> field.getKey().equalsIgnoreCase(name))
			.map(Map.Entry::getValue)
			.toList();
	}

	/**
	 * The names of the header fields, in lower case.
	 * @return the names
	 */
	List<String> headerNames() {
		return this.headers.stream().map((field) -> field.getKey().toLowerCase(Locale.ROOT)).toList();
	}

	private static String abbreviate(String text) {
		return (text.length() > 200) ? text.substring(0, 200) + "…" : text;
	}

}
