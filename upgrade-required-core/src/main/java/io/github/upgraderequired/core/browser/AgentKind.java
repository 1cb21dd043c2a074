package io.github.upgraderequired.core.browser;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What kind of client sent a request. Only browsers are judged by default; every other
 * kind passes unless the rule is told to judge it.
 */
public enum AgentKind {

	/**
	 * A browser of a family the rule knows.
	 */
	BROWSER("browsers"),

	/**
	 * A search-engine crawler or another bot, such as Googlebot or Bingbot.
	 */
	CRAWLER("crawlers"),

	/**
	 * A link-preview fetcher, such as facebookexternalhit, Twitterbot, Slackbot or the one
	 * iMessage uses.
	 */
	LINK_PREVIEW("link-previews"),

	/**
	 * A page audit, such as Lighthouse or PageSpeed Insights.
	 */
	AUDIT("audits"),

	/**
	 * An uptime monitor or health checker.
	 */
	MONITOR("monitors"),

	/**
	 * An HTTP library or command-line tool, such as curl, OkHttp, Java's or Python's, or a
	 * headless browser under automation.
	 */
	LIBRARY("libraries"),

	/**
	 * A webview inside an app: Android WebView, an iOS in-app browser.
	 */
	WEBVIEW("webviews"),

	/**
	 * Anything else, including browsers of families the rule does not know.
	 */
	UNKNOWN("unknown");

	private final String key;

	AgentKind(String key) {
		this.key = key;
	}

	/**
	 * Return the kind as written in configuration, such as {@code link-previews}.
	 * @return the key
	 */
	public String key() {
		return this.key;
	}

	/**
	 * Find a kind by its key.
	 * @param key the key, such as {@code crawlers}
	 * @return the kind, or {@code null}
	 */
	public static @Nullable AgentKind of(String key) {
		String normalized = key.trim().toLowerCase(Locale.ROOT).replace('_', '-');
		for (AgentKind kind : values()) {
			if (kind.key.equals(normalized)) {
				return kind;
			}
		}
		return null;
	}

}
