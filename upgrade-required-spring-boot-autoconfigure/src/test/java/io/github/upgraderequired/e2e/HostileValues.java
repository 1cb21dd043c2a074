package io.github.upgraderequired.e2e;

import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

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

	private HostileValues() {
	}

	/**
	 * Any text, as the engine could be handed it.
	 */
	static Arbitrary<String> text() {
		return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.strings().all().ofMaxLength(64)),
				Tuple.of(2, Arbitraries.strings().withCharRange('\u0000', '\u001f').withChars('\u007f', ' ')
					.ofMinLength(1)
					.ofMaxLength(16)),
				Tuple.of(3, Arbitraries.strings().withChars("0123456789.-+vV ,;=\"").ofMaxLength(40)),
				Tuple.of(3, Arbitraries.of(FRAGMENTS).list().ofMinSize(1).ofMaxSize(8).map((parts) -> String.join("", parts))),
				Tuple.of(1, Arbitraries.strings().ascii().ofMinLength(1_000).ofMaxLength(LONGEST)),
				Tuple.of(1, Arbitraries.integers().between(1_000, LONGEST).flatMap((count) -> Arbitraries.of(",", ".", "1.", "a,", ";v=")
					.map((unit) -> unit.repeat(Math.max(1, count / unit.length()))))),
				Tuple.of(1, Arbitraries.strings().numeric().ofMinLength(19).ofMaxLength(400)),
				Tuple.of(1, Arbitraries.just("")));
	}

	/**
	 * A header value: hostile text, or one a real client sends to one of the rules.
	 */
	static Arbitrary<String> headerValue() {
		return Arbitraries.frequencyOf(Tuple.of(3, text()), Tuple.of(2, Arbitraries.of(PLAUSIBLE)));
	}

	/**
	 * A value as a server hands it over after parsing a header line: the bytes of the
	 * text in UTF-8, each read as one ISO-8859-1 character, line breaks dropped (they end
	 * a header line), and optional whitespace around it removed.
	 * @param legal whether to drop the control characters a server may refuse too, so that
	 * the header is legal by RFC 9110
	 */
	static String asReceived(String text, boolean legal) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		StringBuilder value = new StringBuilder(bytes.length);
		for (byte b : bytes) {
			char c = (char) (b & 0xFF);
			if (c == '\r' || c == '\n' || (legal && ((c < 0x20 && c != '\t') || c == 0x7F))) {
				continue;
			}
			value.append(c);
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
