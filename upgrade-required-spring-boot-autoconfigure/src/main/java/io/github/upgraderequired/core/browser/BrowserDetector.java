package io.github.upgraderequired.core.browser;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Detects the client of a request from its {@code User-Agent} and its User-Agent Client
 * Hints. Hints win for the family and version of a browser the agent string names (agent
 * strings are frozen and reduced, hints are not); a bot, a link preview, an audit, a
 * monitor, a library, a webview or another product is recognised by its agent string
 * whatever the hints say. Detections of agent strings and of hint values are cached in bounded caches, each emptied
 * whole when it fills, so that a flood of made-up agents costs memory only up to the bound.
 */
public final class BrowserDetector {

	/**
	 * The default number of agent strings kept, and of Client Hints values.
	 */
	public static final int DEFAULT_CACHE_SIZE = 4096;

	/**
	 * Stands in the hints cache for a header that says nothing usable.
	 */
	private static final Agent NOTHING = new Agent(AgentKind.UNKNOWN, null, null, false, "no usable hint");

	private final Map<String, Agent> cache = new ConcurrentHashMap<>();

	/**
	 * What each Client Hints header value said: browsers send a handful of values.
	 */
	private final Map<String, Agent> hintsCache = new ConcurrentHashMap<>();

	private final int cacheSize;

	/**
	 * Create a detector with the default cache size.
	 */
	public BrowserDetector() {
		this(DEFAULT_CACHE_SIZE);
	}

	/**
	 * Create a detector.
	 * @param cacheSize the number of agent strings kept, and of Client Hints values, 0
	 * for none
	 */
	public BrowserDetector(int cacheSize) {
		this.cacheSize = cacheSize;
	}

	/**
	 * Detect a client.
	 * @param userAgent the {@code User-Agent}, or {@code null}
	 * @param brands the {@code Sec-CH-UA} hint, or {@code null}
	 * @param fullVersionList the {@code Sec-CH-UA-Full-Version-List} hint, or
	 * {@code null}
	 * @return what was detected
	 */
	public Agent detect(@Nullable String userAgent, @Nullable String brands, @Nullable String fullVersionList) {
		Agent fromAgent = (userAgent != null) ? parse(userAgent) : Agent.UNKNOWN;
		// Hints refine a browser the agent string names (or stands in for a missing one);
		// they never turn a bot, a webview or another product into a browser.
		if (userAgent != null && fromAgent.kind() != AgentKind.BROWSER) {
			return fromAgent;
		}
		Agent fromHints = hints(fullVersionList);
		if (fromHints == null) {
			fromHints = hints(brands);
		}
		return (fromHints != null) ? fromHints : fromAgent;
	}

	private @Nullable Agent hints(@Nullable String header) {
		if (header == null) {
			return null;
		}
		if (this.cacheSize <= 0 || header.length() > ClientHints.MAX_LENGTH) {
			return ClientHints.parse(header);
		}
		Agent cached = this.hintsCache.get(header);
		if (cached == null) {
			Agent parsed = ClientHints.parse(header);
			cached = (parsed != null) ? parsed : NOTHING;
			if (this.hintsCache.size() >= this.cacheSize) {
				this.hintsCache.clear();
			}
			this.hintsCache.put(header, cached);
		}
		return (cached != NOTHING) ? cached : null;
	}

	private Agent parse(String userAgent) {
		if (this.cacheSize <= 0 || userAgent.length() > UserAgentParser.MAX_LENGTH) {
			return UserAgentParser.parse(userAgent);
		}
		Agent cached = this.cache.get(userAgent);
		if (cached != null) {
			return cached;
		}
		Agent agent = UserAgentParser.parse(userAgent);
		if (this.cache.size() >= this.cacheSize) {
			this.cache.clear();
		}
		this.cache.put(userAgent, agent);
		return agent;
	}

}
