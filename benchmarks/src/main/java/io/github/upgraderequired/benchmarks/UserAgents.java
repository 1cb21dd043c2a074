package io.github.upgraderequired.benchmarks;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Real browser agents for the browser scenario: current releases of Chrome, Firefox,
 * Safari, Edge and iOS Safari, which the sample's {@code modern} preset lets through, and
 * old ones it refuses. Chromium browsers from version 90 on also send their brands in
 * {@code Sec-CH-UA}, as they do by default.
 */
final class UserAgents {

	private static final String WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) ";

	private static final String MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) ";

	private static final String LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) ";

	private static final String ANDROID = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) ";

	private static final String MAC_SAFARI = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) ";

	/**
	 * Agents of current browsers, all at or above the preset's minimums.
	 */
	static final List<Browser> CURRENT = List.of(
			new Browser(WINDOWS + "Chrome/142.0.0.0 Safari/537.36",
					"\"Chromium\";v=\"142\", \"Google Chrome\";v=\"142\", \"Not_A Brand\";v=\"99\""),
			new Browser(MAC + "Chrome/141.0.0.0 Safari/537.36",
					"\"Google Chrome\";v=\"141\", \"Not?A_Brand\";v=\"8\", \"Chromium\";v=\"141\""),
			new Browser(LINUX + "Chrome/142.0.0.0 Safari/537.36",
					"\"Chromium\";v=\"142\", \"Google Chrome\";v=\"142\", \"Not_A Brand\";v=\"99\""),
			new Browser(ANDROID + "Chrome/142.0.0.0 Mobile Safari/537.36",
					"\"Chromium\";v=\"142\", \"Google Chrome\";v=\"142\", \"Not_A Brand\";v=\"99\""),
			new Browser(ANDROID + "Chrome/140.0.0.0 Mobile Safari/537.36",
					"\"Chromium\";v=\"140\", \"Not=A?Brand\";v=\"24\", \"Google Chrome\";v=\"140\""),
			new Browser("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:145.0) Gecko/20100101 Firefox/145.0", null),
			new Browser("Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:144.0) Gecko/20100101 Firefox/144.0", null),
			new Browser("Mozilla/5.0 (X11; Linux x86_64; rv:145.0) Gecko/20100101 Firefox/145.0", null),
			new Browser("Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:143.0) Gecko/20100101 Firefox/143.0", null),
			new Browser("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0", null),
			new Browser("Mozilla/5.0 (Android 15; Mobile; rv:145.0) Gecko/145.0 Firefox/145.0", null),
			new Browser(MAC_SAFARI + "Version/26.0 Safari/605.1.15", null),
			new Browser(MAC_SAFARI + "Version/18.6 Safari/605.1.15", null),
			new Browser(WINDOWS + "Chrome/142.0.0.0 Safari/537.36 Edg/142.0.0.0",
					"\"Chromium\";v=\"142\", \"Microsoft Edge\";v=\"142\", \"Not_A Brand\";v=\"99\""),
			new Browser(MAC + "Chrome/141.0.0.0 Safari/537.36 Edg/141.0.0.0",
					"\"Microsoft Edge\";v=\"141\", \"Not?A_Brand\";v=\"8\", \"Chromium\";v=\"141\""),
			new Browser(ANDROID + "Chrome/142.0.0.0 Mobile Safari/537.36 EdgA/142.0.0.0",
					"\"Chromium\";v=\"142\", \"Microsoft Edge\";v=\"142\", \"Not_A Brand\";v=\"99\""),
			new Browser("Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 "
					+ "(KHTML, like Gecko) Version/26.0 Mobile/15E148 Safari/604.1", null),
			new Browser("Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 "
					+ "(KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1", null),
			new Browser("Mozilla/5.0 (iPad; CPU OS 18_6 like Mac OS X) AppleWebKit/605.1.15 "
					+ "(KHTML, like Gecko) Version/26.0 Mobile/15E148 Safari/604.1", null),
			new Browser("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 "
					+ "(KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1", null));

	/**
	 * Agents of old browsers, all below the preset's minimums or of a blocked family.
	 */
	static final List<Browser> OLD = List.of(
			new Browser("Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
					+ "Chrome/109.0.0.0 Safari/537.36",
					"\"Not_A Brand\";v=\"99\", \"Google Chrome\";v=\"109\", \"Chromium\";v=\"109\""),
			new Browser(MAC + "Chrome/119.0.0.0 Safari/537.36",
					"\"Google Chrome\";v=\"119\", \"Chromium\";v=\"119\", \"Not?A_Brand\";v=\"24\""),
			new Browser(ANDROID + "Chrome/103.0.0.0 Mobile Safari/537.36",
					"\".Not/A)Brand\";v=\"99\", \"Google Chrome\";v=\"103\", \"Chromium\";v=\"103\""),
			new Browser(WINDOWS + "Chrome/87.0.4280.88 Safari/537.36", null),
			new Browser("Mozilla/5.0 (Windows NT 5.1) AppleWebKit/537.36 (KHTML, like Gecko) "
					+ "Chrome/49.0.2623.112 Safari/537.36", null),
			new Browser("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:115.0) Gecko/20100101 Firefox/115.0", null),
			new Browser("Mozilla/5.0 (X11; Linux x86_64; rv:102.0) Gecko/20100101 Firefox/102.0", null),
			new Browser("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:78.0) Gecko/20100101 Firefox/78.0", null),
			new Browser("Mozilla/5.0 (Windows NT 5.1; rv:52.0) Gecko/20100101 Firefox/52.0", null),
			new Browser("Mozilla/5.0 (Android 9; Mobile; rv:68.0) Gecko/68.0 Firefox/68.0", null),
			new Browser(MAC_SAFARI + "Version/17.1 Safari/605.1.15", null),
			new Browser(MAC_SAFARI + "Version/16.6 Safari/605.1.15", null),
			new Browser(MAC_SAFARI + "Version/15.6.1 Safari/605.1.15", null),
			new Browser("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_13_6) AppleWebKit/605.1.15 (KHTML, like Gecko) "
					+ "Version/13.1.2 Safari/605.1.15", null),
			new Browser("Mozilla/5.0 (iPhone; CPU iPhone OS 16_7_10 like Mac OS X) AppleWebKit/605.1.15 "
					+ "(KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1", null),
			new Browser("Mozilla/5.0 (iPad; CPU OS 15_8 like Mac OS X) AppleWebKit/605.1.15 "
					+ "(KHTML, like Gecko) Version/15.6.6 Mobile/15E148 Safari/604.1", null),
			new Browser("Mozilla/5.0 (iPhone; CPU iPhone OS 12_5_7 like Mac OS X) AppleWebKit/605.1.15 "
					+ "(KHTML, like Gecko) Version/12.1.2 Mobile/15E148 Safari/604.1", null),
			new Browser(WINDOWS + "Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045", null),
			new Browser(WINDOWS + "Chrome/109.0.0.0 Safari/537.36 Edg/109.0.1518.78",
					"\"Not_A Brand\";v=\"99\", \"Microsoft Edge\";v=\"109\", \"Chromium\";v=\"109\""),
			new Browser("Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko", null));

	private UserAgents() {
	}

	/**
	 * A browser's request headers that name it.
	 *
	 * @param userAgent the {@code User-Agent}
	 * @param brands the {@code Sec-CH-UA} it sends, or {@code null}
	 */
	record Browser(String userAgent, @Nullable String brands) {

	}

}
