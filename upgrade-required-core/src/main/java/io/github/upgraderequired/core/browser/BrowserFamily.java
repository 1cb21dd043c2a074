package io.github.upgraderequired.core.browser;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The browser families the browser rule judges.
 */
public enum BrowserFamily {

	/**
	 * Google Chrome, on every platform but iOS.
	 */
	CHROME("chrome", "Chrome", "Chrome"),

	/**
	 * Microsoft Edge (Chromium, and the legacy EdgeHTML versions).
	 */
	EDGE("edge", "Edge", "Edge"),

	/**
	 * Mozilla Firefox, on every platform but iOS.
	 */
	FIREFOX("firefox", "Firefox", "Firefox"),

	/**
	 * Apple Safari; on iOS, every browser, since all of them run the system WebKit.
	 */
	SAFARI("safari", "Safari", "Safari"),

	/**
	 * Opera.
	 */
	OPERA("opera", "Opera", "Opera"),

	/**
	 * Samsung Internet.
	 */
	SAMSUNG_INTERNET("samsung-internet", "Samsung Internet", "SamsungInternet"),

	/**
	 * Microsoft Internet Explorer.
	 */
	INTERNET_EXPLORER("internet-explorer", "Internet Explorer", "InternetExplorer");

	private final String key;

	private final String displayName;

	private final String token;

	BrowserFamily(String key, String displayName, String token) {
		this.key = key;
		this.displayName = displayName;
		this.token = token;
	}

	/**
	 * Return the family as written in configuration and metric tags, such as
	 * {@code samsung-internet}.
	 * @return the key
	 */
	public String key() {
		return this.key;
	}

	/**
	 * Return the family's name for people, such as {@code Samsung Internet}.
	 * @return the name
	 */
	public String displayName() {
		return this.displayName;
	}

	/**
	 * Return the family as the name of an {@code Upgrade} token, such as
	 * {@code SamsungInternet}.
	 * @return the token name
	 */
	public String token() {
		return this.token;
	}

	/**
	 * Find a family by its key, ignoring case, underscores and spaces.
	 * @param key the key, such as {@code chrome} or {@code samsung-internet}
	 * @return the family, or {@code null}
	 */
	public static @Nullable BrowserFamily of(String key) {
		String normalized = key.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
		for (BrowserFamily family : values()) {
			if (family.key.equals(normalized)) {
				return family;
			}
		}
		return normalized.equals("ie") ? INTERNET_EXPLORER : null;
	}

}
