package io.github.upgraderequired.core.browser;

import java.util.Locale;

import io.github.upgraderequired.core.VersionNumber;
import org.jspecify.annotations.Nullable;

/**
 * Reads the brands of User-Agent Client Hints ({@code Sec-CH-UA-Full-Version-List},
 * else {@code Sec-CH-UA}): {@code "Google Chrome";v="120", "Chromium";v="120",
 * "Not_A Brand";v="8"}. GREASE brands (a "Not ... Brand" made of odd characters) are
 * ignored; a brand of a browser outside the families makes the agent unknown.
 */
final class ClientHints {

	static final int MAX_LENGTH = 1024;

	private static final int MAX_BRANDS = 16;

	private ClientHints() {
	}

	/**
	 * Parse one brand list ({@code Sec-CH-UA} or {@code Sec-CH-UA-Full-Version-List}).
	 * @param header the header value, or {@code null}
	 * @return what it says, or {@code null} if it says nothing usable
	 */
	static @Nullable Agent parse(@Nullable String header) {
		if (header == null || header.isBlank() || header.length() > MAX_LENGTH) {
			return null;
		}
		BrowserFamily family = null;
		String version = null;
		boolean other = false;
		String[] items = header.split(",", MAX_BRANDS + 1);
		for (int i = 0; i < Math.min(items.length, MAX_BRANDS); i++) {
			String[] brand = brand(items[i]);
			if (brand == null) {
				continue;
			}
			String name = brand[0].toLowerCase(Locale.ROOT);
			if (name.contains("not") && name.contains("brand")) {
				continue;
			}
			switch (name) {
				case "google chrome" -> {
					family = BrowserFamily.CHROME;
					version = brand[1];
				}
				case "microsoft edge" -> {
					family = BrowserFamily.EDGE;
					version = brand[1];
				}
				case "opera", "opera gx" -> {
					family = BrowserFamily.OPERA;
					version = brand[1];
				}
				case "samsung internet" -> {
					family = BrowserFamily.SAMSUNG_INTERNET;
					version = brand[1];
				}
				case "chromium" -> {
				}
				case "android webview" -> {
					return new Agent(AgentKind.WEBVIEW, BrowserFamily.CHROME, VersionNumber.parse(brand[1]), false,
							"webview (Chromium " + brand[1] + ")");
				}
				case "headlesschrome" -> {
					return new Agent(AgentKind.LIBRARY, null, null, false, "headless Chrome");
				}
				default -> other = true;
			}
		}
		if (other) {
			// A brand of another browser (Brave, Yandex, Opera for Android's "OperaMobile")
			// makes it that browser, whatever else it names.
			return Agent.UNKNOWN;
		}
		if (family == null) {
			// "Chromium" alone says only which engine runs: leave it to the agent string.
			return null;
		}
		VersionNumber parsed = VersionNumber.parse(version);
		return (parsed != null) ? new Agent(AgentKind.BROWSER, family, parsed, false, family.displayName() + " " + parsed)
				: null;
	}

	/**
	 * Split {@code "Brand";v="1.2"} into name and version.
	 */
	private static String @Nullable [] brand(String item) {
		String trimmed = item.trim();
		if (!trimmed.startsWith("\"")) {
			return null;
		}
		int close = trimmed.indexOf('"', 1);
		if (close < 0) {
			return null;
		}
		String name = trimmed.substring(1, close);
		int v = trimmed.indexOf("v=", close);
		if (v < 0) {
			return null;
		}
		String version = trimmed.substring(v + 2).trim();
		if (version.length() >= 2 && version.startsWith("\"") && version.endsWith("\"")) {
			version = version.substring(1, version.length() - 1);
		}
		return new String[] { name, version };
	}

}
