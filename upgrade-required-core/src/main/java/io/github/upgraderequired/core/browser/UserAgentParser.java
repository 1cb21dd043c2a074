package io.github.upgraderequired.core.browser;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.upgraderequired.core.VersionNumber;
import org.jspecify.annotations.Nullable;

/**
 * Parses a {@code User-Agent} string. A browser family is claimed only when every product
 * token of the agent belongs to that browser's usual shape; a token of any other product
 * (another Chromium browser, an app, an embedded engine) makes the agent unknown, so that
 * the rule never judges a client by a family it does not really belong to.
 */
final class UserAgentParser {

	/**
	 * The longest prefix of an agent that is read.
	 */
	static final int MAX_LENGTH = 1024;

	private static final Set<String> BROWSER_TOKENS = Set.of("Mozilla", "AppleWebKit", "Gecko", "like", "Chrome",
			"Safari", "Version", "Mobile", "Firefox", "Edg", "EdgA", "EdgiOS", "Edge", "OPR", "SamsungBrowser", "CriOS",
			"FxiOS", "OPT", "Presto", "Opera");

	private static final Set<String> IOS_BROWSER_TOKENS = Set.of("CriOS", "FxiOS", "EdgiOS", "OPT");

	private static final String[] AUDITS = { "lighthouse", "pagespeed", "page speed", "gtmetrix", "webpagetest" };

	private static final String[] LINK_PREVIEWS = { "facebookexternalhit", "facebot", "twitterbot", "slackbot",
			"slack-imgproxy", "discordbot", "linkedinbot", "whatsapp", "telegrambot", "skypeuripreview",
			"pinterestbot", "redditbot", "embedly", "iframely", "vkshare", "bitlybot", "google-pagerenderer",
			"mastodon/" };

	private static final String[] MONITORS = { "uptimerobot", "pingdom", "statuscake", "site24x7", "newrelicpinger",
			"datadog", "betteruptime", "better uptime", "checkly", "uptime-kuma", "freshping", "hetrixtools",
			"nodeping", "zabbix", "nagios", "kube-probe", "elb-healthchecker", "googlehc", "route53-health-check",
			"health check", "healthcheck" };

	private static final String[] CRAWLERS = { "googlebot", "bingbot", "adsbot", "mediapartners-google",
			"google-inspectiontool", "storebot-google", "feedfetcher", "apis-google", "yandexbot", "yandexmobilebot",
			"baiduspider", "duckduckbot", "slurp", "ia_archiver", "archive.org_bot", "crawler", "spider", "scrapy",
			"applebot", "petalbot", "bytespider", "amazonbot", "gptbot", "ccbot", "claudebot", "semrush", "ahrefs" };

	/**
	 * How HTTP libraries and tools begin their agent strings.
	 */
	private static final String[] LIBRARY_PREFIXES = { "curl/", "wget/", "python-requests", "python-urllib",
			"python-httpx", "python/", "aiohttp", "okhttp", "java/", "java-http-client", "apache-httpclient",
			"jakarta commons-httpclient", "go-http-client", "axios", "node-fetch", "node", "undici", "got ",
			"postmanruntime", "insomnia", "httpie", "libwww-perl", "lwp::", "ruby", "faraday", "dart/",
			"reactornetty", "jetty/", "guzzlehttp", "restsharp", "aws-sdk", "google-http-java-client", "vert.x",
			"httpclient", "powershell", "winhttp", "microsoft-cryptoapi", "wordpress" };

	/**
	 * Markers, anywhere in the agent, of libraries, automation and app networking stacks.
	 */
	private static final String[] LIBRARY_MARKERS = { "headlesschrome", "phantomjs", "selenium", "cfnetwork/" };

	private static final String[] WEBVIEW_APPS = { "fban", "fbav", "fbios", "instagram", "gsa/", "line/",
			"micromessenger", "twitter", "linkedinapp", "snapchat", "pinterest", "musical_ly", "bytedancewebview",
			"; wv)", "; wv;" };

	/**
	 * Markers, in the platform comment, of apps and platforms that use a browser's engine
	 * and its tokens but are not that browser.
	 */
	private static final String[] FOREIGN_MARKERS = { "qqbrowser", "baidubrowser", "sleipnir", "msoffice", "outlook",
			"aol ", "gomez", "lycos", "scooter", "chromeframe", "maxthon", "avant browser", "theworld", "360se",
			"metasr", "lbbrowser", "ucbrowser", "xblwp7", "zune", "catchpoint", "datanyze", "valve", "steam",
			"chromium gost", "bolt/", "blackberry", "bb10", "playbook", "rim tablet", "webos", "hpwos", "kindle",
			"silk", "nintendo", "playstation", "smart-tv", "smarttv", "crkey", "web0s", "netcast", "opera mini",
			"opera mobi", "windows ce", "palm", "symbian", "series60", "j2me", "webtv" };

	/**
	 * The IE version of each Trident version, which IE's compatibility view keeps honest
	 * while it lowers the MSIE version.
	 */
	private static final Pattern TRIDENT = Pattern.compile("Trident/(\\d{1,2})\\.");

	private static final Pattern IOS_VERSION = Pattern.compile("OS (\\d{1,3})[_.](\\d{1,3})(?:[_.](\\d{1,3}))?");

	private static final Pattern MSIE_VERSION = Pattern.compile("MSIE (\\d{1,2}\\.\\d{1,2})");

	private static final Pattern TRIDENT_REVISION = Pattern.compile("Trident/\\d{1,2}\\.\\d{1,2}.*?rv:(\\d{1,2}\\.\\d{1,2})");

	/**
	 * iOS 26 and later freeze the iOS version in agent strings at 18.6.
	 */
	private static final VersionNumber IOS_FROZEN = VersionNumber.parse("18.6");

	private UserAgentParser() {
	}

	static Agent parse(String userAgent) {
		String agent = (userAgent.length() > MAX_LENGTH) ? userAgent.substring(0, MAX_LENGTH) : userAgent;
		String lower = agent.toLowerCase(Locale.ROOT);
		AgentKind special = classify(lower);
		if (special == null) {
			return parseBrowser(agent, lower, false);
		}
		// A bot, preview, audit or monitor is judged, when asked to be, by the browser it
		// embeds: read it whatever tokens and comments of its own it adds.
		return parseBrowser(agent, lower, true).as(special);
	}

	private static @Nullable AgentKind classify(String lower) {
		if (containsAny(lower, AUDITS)) {
			return AgentKind.AUDIT;
		}
		if (containsAny(lower, LINK_PREVIEWS)) {
			return AgentKind.LINK_PREVIEW;
		}
		if (containsAny(lower, MONITORS)) {
			return AgentKind.MONITOR;
		}
		if (containsAny(lower, CRAWLERS) || hasBotWord(lower)) {
			return AgentKind.CRAWLER;
		}
		if (containsAny(lower, LIBRARY_MARKERS)) {
			return AgentKind.LIBRARY;
		}
		if (!lower.startsWith("mozilla/") && !lower.startsWith("opera/")) {
			return startsWithAny(lower, LIBRARY_PREFIXES) ? AgentKind.LIBRARY : AgentKind.UNKNOWN;
		}
		return null;
	}

	/**
	 * Return whether a word ends in "bot" ("Googlebot/2.1", "SomeBot;"), which phone
	 * names such as CUBOT do not count as.
	 */
	private static boolean hasBotWord(String lower) {
		int index = lower.indexOf("bot");
		while (index >= 0) {
			int end = index + 3;
			boolean wordEnd = end == lower.length() || !Character.isLetter(lower.charAt(end));
			boolean cubot = index >= 2 && lower.startsWith("cu", index - 2)
					&& (index == 2 || !Character.isLetter(lower.charAt(index - 3)));
			if (wordEnd && !cubot) {
				return true;
			}
			index = lower.indexOf("bot", end);
		}
		return false;
	}

	private static Agent parseBrowser(String agent, String lower, boolean embedded) {
		if (!lower.startsWith("mozilla/") && !lower.startsWith("opera/")) {
			return Agent.UNKNOWN;
		}
		String comment = firstComment(agent);
		Map<String, String> products = new HashMap<>();
		boolean foreign = readProducts(agent, products);
		boolean ios = comment.contains("iPhone") || comment.contains("iPad") || comment.contains("iPod");
		if (!embedded && containsAny(lower, WEBVIEW_APPS)) {
			return webview(ios, comment, products);
		}
		foreign |= containsAny(comment.toLowerCase(Locale.ROOT), FOREIGN_MARKERS)
				|| products.getOrDefault("AppleWebKit", "").endsWith("+")
				|| (!ios && IOS_BROWSER_TOKENS.stream().anyMatch(products::containsKey))
				// Opera for Android numbers its versions apart from Opera's (86 while Opera is 115).
				|| (products.containsKey("OPR") && comment.contains("Android"));
		if (foreign && !embedded) {
			return (ios && !products.containsKey("Safari")) ? webview(true, comment, products) : Agent.UNKNOWN;
		}
		if (comment.contains("MSIE") || comment.contains("Trident/")) {
			return internetExplorer(comment);
		}
		if (products.containsKey("Edg") || products.containsKey("EdgA")) {
			return browser(BrowserFamily.EDGE, products.getOrDefault("Edg", products.get("EdgA")));
		}
		if (products.containsKey("Edge")) {
			return browser(BrowserFamily.EDGE, products.get("Edge"));
		}
		if (products.containsKey("OPR")) {
			return browser(BrowserFamily.OPERA, products.get("OPR"));
		}
		if (products.containsKey("SamsungBrowser")) {
			return browser(BrowserFamily.SAMSUNG_INTERNET, products.get("SamsungBrowser"));
		}
		if (ios) {
			return ios(comment, products);
		}
		if (products.containsKey("Firefox")) {
			return browser(BrowserFamily.FIREFOX, products.get("Firefox"));
		}
		if (products.containsKey("Chrome")) {
			// Android's WebView before it said "wv" kept the stock browser's Version/4.0.
			return (comment.contains("Android") && products.containsKey("Version")) ? webview(false, comment, products)
					: browser(BrowserFamily.CHROME, products.get("Chrome"));
		}
		if (products.containsKey("Safari") && products.containsKey("Version") && !comment.contains("Android")) {
			return browser(BrowserFamily.SAFARI, products.get("Version"));
		}
		if (lower.startsWith("opera/") && products.containsKey("Presto")) {
			return browser(BrowserFamily.OPERA, products.get("Version"));
		}
		return Agent.UNKNOWN;
	}

	private static Agent ios(String comment, Map<String, String> products) {
		for (String token : IOS_BROWSER_TOKENS) {
			if (products.containsKey(token)) {
				VersionNumber ios = iosVersion(comment);
				if (ios == null) {
					return Agent.UNKNOWN;
				}
				return new Agent(AgentKind.BROWSER, BrowserFamily.SAFARI, ios, ios.compareTo(IOS_FROZEN) >= 0,
						"iOS " + ios + " (" + token + " " + products.get(token) + ")");
			}
		}
		if (products.containsKey("Safari") && products.containsKey("Version")) {
			return browser(BrowserFamily.SAFARI, products.get("Version"));
		}
		return webview(true, comment, products);
	}

	private static Agent webview(boolean ios, String comment, Map<String, String> products) {
		if (ios) {
			VersionNumber version = iosVersion(comment);
			return new Agent(AgentKind.WEBVIEW, (version != null) ? BrowserFamily.SAFARI : null, version,
					version != null && version.compareTo(IOS_FROZEN) >= 0,
					"webview on iOS " + ((version != null) ? version : "unknown"));
		}
		VersionNumber chrome = VersionNumber.parse(products.get("Chrome"));
		return new Agent(AgentKind.WEBVIEW, (chrome != null) ? BrowserFamily.CHROME : null, chrome, false,
				"webview" + ((chrome != null) ? " (Chrome " + chrome + ")" : ""));
	}

	private static Agent internetExplorer(String comment) {
		Matcher msie = MSIE_VERSION.matcher(comment);
		VersionNumber version = msie.find() ? VersionNumber.parse(msie.group(1)) : null;
		Matcher revision = TRIDENT_REVISION.matcher(comment);
		if (revision.find()) {
			version = VersionNumber.parse(revision.group(1));
		}
		Matcher trident = TRIDENT.matcher(comment);
		if (trident.find()) {
			// Trident 4 is IE 8, 5 is 9, 6 is 10, 7 and later are 11.
			int ie = Math.min(Integer.parseInt(trident.group(1)) + 4, 11);
			VersionNumber real = VersionNumber.parse(ie + ".0");
			if (version == null || version.compareTo(real) < 0) {
				version = real;
			}
		}
		return (version != null) ? browser(BrowserFamily.INTERNET_EXPLORER, version.toString()) : Agent.UNKNOWN;
	}

	private static Agent browser(BrowserFamily family, @Nullable String versionText) {
		VersionNumber version = VersionNumber.parse(versionText);
		if (version == null) {
			return Agent.UNKNOWN;
		}
		return new Agent(AgentKind.BROWSER, family, version, false, family.displayName() + " " + version);
	}

	private static @Nullable VersionNumber iosVersion(String comment) {
		Matcher matcher = IOS_VERSION.matcher(comment);
		if (!matcher.find()) {
			return null;
		}
		String version = matcher.group(1) + "." + matcher.group(2)
				+ ((matcher.group(3) != null) ? "." + matcher.group(3) : "");
		return VersionNumber.parse(version);
	}

	private static String firstComment(String agent) {
		int open = agent.indexOf('(');
		if (open < 0) {
			return "";
		}
		int depth = 0;
		for (int i = open; i < agent.length(); i++) {
			char c = agent.charAt(i);
			if (c == '(') {
				depth++;
			}
			else if (c == ')' && --depth == 0) {
				return agent.substring(open + 1, i);
			}
		}
		return agent.substring(open + 1);
	}

	/**
	 * Read the product tokens outside comments into the map (first version of each name
	 * wins).
	 * @return whether a token of a product outside the browsers' usual shapes was found
	 */
	private static boolean readProducts(String agent, Map<String, String> products) {
		boolean foreign = false;
		int comments = 0;
		int depth = 0;
		int start = -1;
		for (int i = 0; i <= agent.length(); i++) {
			char c = (i < agent.length()) ? agent.charAt(i) : ' ';
			if (c == '(') {
				if (depth == 0) {
					comments++;
					foreign |= comments > 1 && !isEngineComment(agent, i);
				}
				depth++;
			}
			else if (c == ')') {
				depth = Math.max(0, depth - 1);
				start = -1;
				continue;
			}
			if (depth > 0) {
				start = -1;
				continue;
			}
			if (Character.isWhitespace(c)) {
				if (start >= 0) {
					foreign |= !product(agent.substring(start, i), products);
				}
				start = -1;
			}
			else if (start < 0) {
				start = i;
			}
		}
		return foreign;
	}

	/**
	 * Return whether the comment opening at the index is the engine's "(KHTML, like
	 * Gecko)" or Opera's "(Edition ...)", the only comments browsers add after the
	 * platform's.
	 */
	private static boolean isEngineComment(String agent, int open) {
		return agent.startsWith("(KHTML, like Gecko)", open) || agent.startsWith("(KHTML like Gecko)", open)
				|| agent.startsWith("(Edition ", open);
	}

	private static boolean product(String token, Map<String, String> products) {
		int slash = token.indexOf('/');
		String name = (slash < 0) ? token : token.substring(0, slash);
		if (!BROWSER_TOKENS.contains(name)) {
			return false;
		}
		products.putIfAbsent(name, (slash < 0) ? "" : token.substring(slash + 1));
		return true;
	}

	private static boolean startsWithAny(String text, String[] prefixes) {
		for (String prefix : prefixes) {
			if (text.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	private static boolean containsAny(String text, String[] needles) {
		for (String needle : needles) {
			if (text.contains(needle)) {
				return true;
			}
		}
		return false;
	}

}
