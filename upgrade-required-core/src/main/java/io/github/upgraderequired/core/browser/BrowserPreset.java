package io.github.upgraderequired.core.browser;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import io.github.upgraderequired.core.VersionNumber;
import org.jspecify.annotations.Nullable;

/**
 * Named sets of browser minimums. Presets are versioned, so that upgrading the starter
 * never silently raises the bar; {@code modern} names the newest.
 *
 * @param name the preset's name
 * @param minimums the minimum version per family
 * @param blocked the families refused whatever their version
 */
public record BrowserPreset(String name, Map<BrowserFamily, VersionNumber> minimums, Set<BrowserFamily> blocked) {

	/**
	 * Rails' {@code :modern} (Safari 17.2, Chrome 120, Firefox 121, Opera 106, no Internet
	 * Explorer) plus Edge 120 and Samsung Internet 25: the browsers with support for WebP
	 * images, web push, badges, import maps, CSS nesting and CSS {@code :has}.
	 */
	public static final BrowserPreset MODERN_2024 = new BrowserPreset("modern-2024",
			minimums("120", "120", "121", "17.2", "106", "25"), Set.of(BrowserFamily.INTERNET_EXPLORER));

	/**
	 * Return a preset by name.
	 * @param name {@code modern-2024}, or {@code modern} for the newest
	 * @return the preset, or {@code null} if there is none of that name
	 */
	public static @Nullable BrowserPreset of(String name) {
		return switch (name.trim()) {
			case "modern", "modern-2024" -> MODERN_2024;
			default -> null;
		};
	}

	private static Map<BrowserFamily, VersionNumber> minimums(String chrome, String edge, String firefox, String safari,
			String opera, String samsungInternet) {
		Map<BrowserFamily, VersionNumber> minimums = new EnumMap<>(BrowserFamily.class);
		minimums.put(BrowserFamily.CHROME, VersionNumber.parse(chrome));
		minimums.put(BrowserFamily.EDGE, VersionNumber.parse(edge));
		minimums.put(BrowserFamily.FIREFOX, VersionNumber.parse(firefox));
		minimums.put(BrowserFamily.SAFARI, VersionNumber.parse(safari));
		minimums.put(BrowserFamily.OPERA, VersionNumber.parse(opera));
		minimums.put(BrowserFamily.SAMSUNG_INTERNET, VersionNumber.parse(samsungInternet));
		return Collections.unmodifiableMap(minimums);
	}

}
