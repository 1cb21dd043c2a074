package io.github.upgraderequired.e2e;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Values a hostile or broken client sends: any characters, control characters and line
 * breaks, strings up to just under the servers' header limit (8 KiB for the whole header
 * section on Tomcat and Reactor Netty), thousands of commas or dots, huge numbers, markup,
 * quotes and template placeholders.
 */
final class HostileValues {

	/**
	 * The longest single value: with the request line and the other headers, the header
	 * section stays under the servers' 8 KiB limit.
	 */
	static final int LONGEST = 7_400;

	private static final List<String> FRAGMENTS = List.of("<script>alert(1)</script>", "<", ">", "\"", "'", "\\",
			"\r\n", "\r\nSet-Cookie: a=b", "\n", "\r", "\u0000", "\u2028", "</title>", "{{detail}}", "{{upgrade}}",
			"${java.version}", "%0d%0a", "&lt;", "&", "\"}]", "{\"", "v", "1", "2.0", "120", ".", ",", ";", "=", " ",
			"\t", "\uD800", "\uDC00", "\uD83D\uDE00", "é", "ü", "\u00FF", "\u0085", "Chrome/", "Firefox/", "Version/",
			"Safari/", "ExampleApp/", "(iOS 17.4)", "\"Google Chrome\";v=\"", "Mozilla/5.0 ");

	private static final List<String> PLAUSIBLE = List.of("text/html", "application/json", "text/plain", "*/*",
			"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/problem+json",
			"application/json;v=1", "application/json;v=3", "1", "2", "3.1", "5.1.9", "5.2.0", "ios", "android",
			"HTTP/1.0", "HTTP/1.1", "HTTP/2.0", "TLSv1.2", "TLSv1.3", "https", "http", "proto=https", "13", "8",
			"203.0.113.7", "ExampleApp/5.1.0 (iOS 17.4)",
			"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/100.0.0.0 Safari/537.36",
			"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36",
			"Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0",
			"\"Chromium\";v=\"100\", \"Google Chrome\";v=\"100\", \"Not?A_Brand\";v=\"8\"");

	private static final Gen<String> TEXT = makeText();

	private static final Gen<String> HEADER_VALUE = Gen.weighted(Gen.weight(3, TEXT), Gen.weight(2, Gen.of(PLAUSIBLE)));

	private HostileValues() {
	}

	/**
	 * Any text, as the engine could be handed it.
	 */
	static Gen<String> text() {
		return TEXT;
	}

	private static Gen<String> makeText() {
		return Gen.weighted(Gen.weight(3, Gen.strings("\u0000\uffff", "", 0, 64)),
				Gen.weight(2, Gen.strings("\u0000\u001f", "\u007f ", 1, 16)),
				Gen.weight(3, Gen.strings("", "0123456789.-+vV ,;=\"", 0, 40)),
				Gen.weight(3, Gen.of(FRAGMENTS).list(1, 8).map((parts) -> String.join("", parts))),
				Gen.weight(1, Gen.strings("\u0020\u007e", "", 1_000, LONGEST)),
				Gen.weight(1, Gen.ints(1_000, LONGEST).flatMap((count) -> Gen.of(",", ".", "1.", "a,", ";v=")
					.map((unit) -> unit.repeat(Math.max(1, count / unit.length()))))),
				Gen.weight(1, Gen.strings("09", "", 19, 400)), Gen.weight(1, Gen.constant("")));
	}

	/**
	 * A header value: hostile text, or one a real client sends to one of the rules.
	 */
	static Gen<String> headerValue() {
		return HEADER_VALUE;
	}

	/**
	 * A value as a server hands it over after parsing a header line: the bytes of the
	 * text in UTF-8, each read as one ISO-8859-1 character, line feeds dropped (they end a
	 * header line), and optional whitespace around it removed.
	 * @param legal whether to drop the control characters a server may refuse too, so that
	 * the header is legal by RFC 9110
	 */
	static String asReceived(String text, boolean legal) {
		return asSent(text, legal, true);
	}

	/**
	 * A value as a client puts it on the wire: the bytes of the text in UTF-8, each as one
	 * ISO-8859-1 character, without line feeds (a carriage return alone is kept unless the
	 * value is to be legal).
	 * @param legal whether to drop every control character but the tab
	 * @param trim whether to drop whitespace around the value, as a server does
	 */
	static String asSent(String text, boolean legal, boolean trim) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		StringBuilder value = new StringBuilder(bytes.length);
		for (byte b : bytes) {
			char c = (char) (b & 0xFF);
			if (c == '\n' || (legal && ((c < 0x20 && c != '\t') || c == 0x7F))) {
				continue;
			}
			value.append(c);
		}
		if (!trim) {
			return value.toString();
		}
		int start = 0;
		int end = value.length();
		while (start < end && isWhitespace(value.charAt(start))) {
			start++;
		}
		while (end > start && isWhitespace(value.charAt(end - 1))) {
			end--;
		}
		return value.substring(start, end);
	}

	private static boolean isWhitespace(char c) {
		return c == ' ' || c == '\t';
	}

}
