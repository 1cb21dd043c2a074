package io.github.upgraderequired.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.upgraderequired.core.UpgradeTokens;
import org.jspecify.annotations.Nullable;

/**
 * Reads the headers an upgrade-required server (or any other) sends: {@code Upgrade}
 * tokens, {@code Deprecation} (RFC 9745), {@code Sunset} (RFC 8594) and the {@code Link}
 * relations {@code deprecation} and {@code sunset}. Nothing here throws: a value that
 * cannot be read is reported as unparsable and otherwise ignored, and every value is
 * bounded, whatever the server sends.
 */
final class ServerHeaders {

	/**
	 * The longest header value read; a longer one is unparsable.
	 */
	static final int MAX_VALUE_LENGTH = 8192;

	/**
	 * The most {@code Upgrade} tokens kept.
	 */
	static final int MAX_TOKENS = 16;

	/**
	 * The longest {@code Upgrade} token kept.
	 */
	static final int MAX_TOKEN_LENGTH = 64;

	/**
	 * The most links of one relation kept.
	 */
	static final int MAX_LINKS = 8;

	/**
	 * A {@code Deprecation} that says the resource is deprecated without saying since
	 * when ({@code true} or {@code ?1}, as drafts before RFC 9745 sent it).
	 */
	static final Instant UNDATED = Instant.MIN;

	private static final String MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec";

	private static final Pattern IMF_FIXDATE = Pattern
		.compile("(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\\d{2}) (" + MONTHS + ") (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) GMT");

	private static final Pattern RFC_850_DATE = Pattern.compile(
			"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\\d{2})-(" + MONTHS
					+ ")-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2}) GMT");

	private static final Pattern ASCTIME_DATE = Pattern
		.compile("(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (" + MONTHS + ") ([ \\d]\\d) (\\d{2}):(\\d{2}):(\\d{2}) (\\d{4})");

	private static final Pattern SF_DATE = Pattern.compile("@(-?\\d{1,15})");

	private ServerHeaders() {
	}

	/**
	 * Read the protocols of {@code Upgrade} header values, each a legal
	 * {@code protocol-name["/"protocol-version]}, in order, without repeats.
	 * @param values the header values
	 * @return the tokens, and whether some of the values could not be read
	 */
	static Read<List<String>> upgradeTokens(List<String> values) {
		List<String> tokens = new ArrayList<>();
		boolean unparsable = false;
		for (String value : values) {
			if (value.length() > MAX_VALUE_LENGTH) {
				unparsable = true;
				continue;
			}
			for (String element : value.split(",")) {
				String token = trim(element);
				if (token.isEmpty()) {
					continue;
				}
				if (token.length() > MAX_TOKEN_LENGTH || !UpgradeTokens.isValid(token)) {
					unparsable = true;
				}
				else if (tokens.size() < MAX_TOKENS && !tokens.contains(token)) {
					tokens.add(token);
				}
			}
		}
		return new Read<>(List.copyOf(tokens), unparsable);
	}

	/**
	 * Read a {@code Deprecation} value: an RFC 9745 date ({@code @1688169599}), or, as
	 * earlier drafts sent it, {@code true}, {@code ?1} or an HTTP-date.
	 * @param value the header value
	 * @return the instant, {@link #UNDATED} if the value gives none, or {@code null} if
	 * it cannot be read
	 */
	static @Nullable Instant deprecation(String value) {
		if (value.length() > MAX_VALUE_LENGTH) {
			return null;
		}
		String trimmed = trim(value);
		Matcher date = SF_DATE.matcher(trimmed);
		if (date.matches()) {
			try {
				return Instant.ofEpochSecond(Long.parseLong(date.group(1)));
			}
			catch (DateTimeException ex) {
				return null;
			}
		}
		if (trimmed.equals("true") || trimmed.equals("?1")) {
			return UNDATED;
		}
		return httpDate(trimmed);
	}

	/**
	 * Read an HTTP-date (RFC 9110 §5.6.7) in any of its three forms.
	 * @param value the value
	 * @return the instant, or {@code null} if it is not an HTTP-date
	 */
	static @Nullable Instant httpDate(String value) {
		if (value.length() > 64) {
			return null;
		}
		String trimmed = trim(value);
		try {
			Matcher imf = IMF_FIXDATE.matcher(trimmed);
			if (imf.matches()) {
				return instant(Integer.parseInt(imf.group(3)), imf.group(2), imf.group(1), imf, 4);
			}
			Matcher rfc850 = RFC_850_DATE.matcher(trimmed);
			if (rfc850.matches()) {
				return instant(fullYear(Integer.parseInt(rfc850.group(3))), rfc850.group(2), rfc850.group(1), rfc850, 4);
			}
			Matcher asctime = ASCTIME_DATE.matcher(trimmed);
			if (asctime.matches()) {
				return instant(Integer.parseInt(asctime.group(6)), asctime.group(1), asctime.group(2).trim(), asctime,
						3);
			}
		}
		catch (DateTimeException ex) {
			// 31 Feb, 25:00 and the like
		}
		return null;
	}

	private static Instant instant(int year, String month, String day, Matcher time, int firstTimeGroup) {
		int monthNumber = MONTHS.indexOf(month) / 4 + 1;
		int second = Integer.parseInt(time.group(firstTimeGroup + 2));
		// RFC 9110 allows a leap second (60), which java.time takes as the next second.
		int leap = (second == 60) ? 1 : 0;
		return LocalDateTime
			.of(year, monthNumber, Integer.parseInt(day), Integer.parseInt(time.group(firstTimeGroup)),
					Integer.parseInt(time.group(firstTimeGroup + 1)), second - leap)
			.toInstant(ZoneOffset.UTC)
			.plusSeconds(leap);
	}

	/**
	 * A two-digit year of an rfc850-date is the year of the past century that is not more
	 * than 50 years in the future (RFC 9110 §5.6.7).
	 */
	private static int fullYear(int twoDigits) {
		int thisYear = LocalDateTime.now(ZoneOffset.UTC).getYear();
		int year = (thisYear / 100) * 100 + twoDigits;
		return (year > thisYear + 50) ? year - 100 : year;
	}

	/**
	 * Read the {@code deprecation} and {@code sunset} links of {@code Link} header values
	 * (RFC 8288), resolved against the request's URI; only http and https targets are
	 * kept. A value counts as unparsable only if it could not be read and names one of
	 * those relations: other links are none of the client's business.
	 * @param values the header values
	 * @param base the URI the request went to
	 * @return the links
	 */
	static Read<Links> links(List<String> values, URI base) {
		List<URI> deprecation = new ArrayList<>();
		List<URI> sunset = new ArrayList<>();
		boolean unparsable = false;
		for (String value : values) {
			String lower = value.toLowerCase(Locale.ROOT);
			boolean relevant = lower.contains("deprecation") || lower.contains("sunset");
			if (!relevant) {
				continue;
			}
			if (value.length() > MAX_VALUE_LENGTH || !new LinkReader(value, base, deprecation, sunset).read()) {
				unparsable = true;
			}
		}
		return new Read<>(new Links(List.copyOf(deprecation), List.copyOf(sunset)), unparsable);
	}

	/**
	 * Return the text with the characters that could forge a log line or a header
	 * (controls, line and paragraph separators) replaced by {@code ?} and cut to the
	 * given length, ending with {@code …} when cut.
	 * @param text the text, from a server
	 * @param max the most characters kept
	 * @return the printable text
	 */
	static String printable(String text, int max) {
		int length = Math.min(text.length(), max);
		StringBuilder result = new StringBuilder(length + 1);
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
			result.append(control ? '?' : c);
		}
		if (text.length() > max) {
			if (Character.isHighSurrogate(result.charAt(result.length() - 1))) {
				result.setLength(result.length() - 1);
			}
			result.append('…');
		}
		return result.toString();
	}

	private static String trim(String text) {
		int start = 0;
		int end = text.length();
		while (start < end && isOws(text.charAt(start))) {
			start++;
		}
		while (end > start && isOws(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(start, end);
	}

	private static boolean isOws(char c) {
		return c == ' ' || c == '\t';
	}

	/**
	 * A value read from headers, and whether some of them could not be read.
	 * @param <T> the type of the value
	 * @param value what could be read
	 * @param unparsable whether something could not
	 */
	record Read<T>(T value, boolean unparsable) {
	}

	/**
	 * The {@code deprecation} and {@code sunset} links of a response.
	 * @param deprecation the {@code rel="deprecation"} targets
	 * @param sunset the {@code rel="sunset"} targets
	 */
	record Links(List<URI> deprecation, List<URI> sunset) {
	}

	/**
	 * Reads one {@code Link} header value: {@code <target>; param=value; ...}, separated
	 * by commas.
	 */
	private static final class LinkReader {

		private final String text;

		private final URI base;

		private final List<URI> deprecation;

		private final List<URI> sunset;

		private int at;

		LinkReader(String text, URI base, List<URI> deprecation, List<URI> sunset) {
			this.text = text;
			this.base = base;
			this.deprecation = deprecation;
			this.sunset = sunset;
		}

		/**
		 * Read the value, keeping the links of interest.
		 * @return whether the whole value could be read
		 */
		boolean read() {
			boolean complete = true;
			while (true) {
				skipWhitespaceAndCommas();
				if (this.at >= this.text.length()) {
					return complete;
				}
				if (!readLinkValue()) {
					complete = false;
					if (!skipToNextLinkValue()) {
						return false;
					}
				}
			}
		}

		private boolean readLinkValue() {
			if (this.text.charAt(this.at) != '<') {
				return false;
			}
			int end = this.text.indexOf('>', this.at + 1);
			if (end < 0) {
				return false;
			}
			String target = this.text.substring(this.at + 1, end);
			this.at = end + 1;
			String rel = null;
			while (true) {
				skipWhitespace();
				if (this.at >= this.text.length() || this.text.charAt(this.at) == ',') {
					break;
				}
				if (this.text.charAt(this.at) != ';') {
					return false;
				}
				this.at++;
				skipWhitespace();
				String name = readToken();
				if (name.isEmpty()) {
					return false;
				}
				String parameterValue = "";
				skipWhitespace();
				if (this.at < this.text.length() && this.text.charAt(this.at) == '=') {
					this.at++;
					skipWhitespace();
					String value = (this.at < this.text.length() && this.text.charAt(this.at) == '"') ? readQuoted()
							: readBareValue();
					if (value == null) {
						return false;
					}
					parameterValue = value;
				}
				if (rel == null && name.equalsIgnoreCase("rel")) {
					rel = parameterValue;
				}
			}
			return (rel == null) || keep(target, rel);
		}

		private boolean keep(String target, String rel) {
			boolean asDeprecation = false;
			boolean asSunset = false;
			for (String type : rel.toLowerCase(Locale.ROOT).split("[ \t]+")) {
				asDeprecation |= type.equals("deprecation");
				asSunset |= type.equals("sunset");
			}
			if (!asDeprecation && !asSunset) {
				return true;
			}
			URI uri;
			try {
				uri = this.base.resolve(new URI(target));
			}
			catch (URISyntaxException | IllegalArgumentException ex) {
				return false;
			}
			String scheme = uri.getScheme();
			if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
				return false;
			}
			if (asDeprecation && this.deprecation.size() < MAX_LINKS) {
				this.deprecation.add(uri);
			}
			if (asSunset && this.sunset.size() < MAX_LINKS) {
				this.sunset.add(uri);
			}
			return true;
		}

		private String readToken() {
			int start = this.at;
			while (this.at < this.text.length()) {
				char c = this.text.charAt(this.at);
				if (c <= ' ' || c >= 0x7f || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
					break;
				}
				this.at++;
			}
			return this.text.substring(start, this.at);
		}

		/**
		 * Read an unquoted parameter value leniently: up to white space, {@code ;} or
		 * {@code ,} (servers send {@code type=text/html}, which RFC 8288 would quote).
		 */
		private String readBareValue() {
			int start = this.at;
			while (this.at < this.text.length()) {
				char c = this.text.charAt(this.at);
				if (c <= ' ' || c == ';' || c == ',' || c == '"') {
					break;
				}
				this.at++;
			}
			return this.text.substring(start, this.at);
		}

		private @Nullable String readQuoted() {
			StringBuilder value = new StringBuilder();
			this.at++;
			while (this.at < this.text.length()) {
				char c = this.text.charAt(this.at++);
				if (c == '"') {
					return value.toString();
				}
				if (c == '\\' && this.at < this.text.length()) {
					c = this.text.charAt(this.at++);
				}
				value.append(c);
			}
			return null;
		}

		private boolean skipToNextLinkValue() {
			boolean quoted = false;
			boolean bracketed = false;
			while (this.at < this.text.length()) {
				char c = this.text.charAt(this.at++);
				if (quoted) {
					if (c == '\\') {
						this.at++;
					}
					else if (c == '"') {
						quoted = false;
					}
				}
				else if (bracketed) {
					bracketed = c != '>';
				}
				else if (c == '"') {
					quoted = true;
				}
				else if (c == '<') {
					bracketed = true;
				}
				else if (c == ',') {
					return true;
				}
			}
			return false;
		}

		private void skipWhitespace() {
			while (this.at < this.text.length() && isOws(this.text.charAt(this.at))) {
				this.at++;
			}
		}

		private void skipWhitespaceAndCommas() {
			while (this.at < this.text.length()
					&& (isOws(this.text.charAt(this.at)) || this.text.charAt(this.at) == ',')) {
				this.at++;
			}
		}

	}

}
