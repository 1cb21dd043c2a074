package io.github.upgraderequired.render;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Formats dates for HTTP headers.
 */
public final class HttpDates {

	// Not RFC_1123_DATE_TIME: it drops the leading zero of days 1-9, which IMF-fixdate
	// (RFC 9110 §5.6.7) requires.
	private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter
		.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
		.withZone(ZoneOffset.UTC);

	private HttpDates() {
	}

	/**
	 * Format an instant as an IMF-fixdate, such as {@code Sun, 06 Nov 1994 08:49:37 GMT}.
	 * @param instant the instant
	 * @return the date
	 */
	public static String imfFixdate(Instant instant) {
		return IMF_FIXDATE.format(instant);
	}

	/**
	 * Format an instant as a structured-field date, such as {@code @1688169599}, as the
	 * {@code Deprecation} header carries it (RFC 9745).
	 * @param instant the instant
	 * @return the date
	 */
	public static String structuredDate(Instant instant) {
		return "@" + instant.getEpochSecond();
	}

}
