package io.github.upgraderequired.core.browser;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

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
		Agent agent = cached(this.hintsCache, header, ClientHints.MAX_LENGTH, ClientHints::parse);
		return (agent != NOTHING) ? agent : null;
	}

	private Agent parse(String userAgent) {
		return cached(this.cache, userAgent, UserAgentParser.MAX_LENGTH, UserAgentParser::parse);
	}

	/**
	 * Return what a header value says, from the cache or parsed and cached; the cache is
	 * emptied whole when it fills. A parser's {@code null} is {@link #NOTHING}.
	 */
	private Agent cached(Map<String, Agent> cache, String value, int maxLength,
			Function<String, @Nullable Agent> parser) {
		if (this.cacheSize <= 0 || value.length() > maxLength) {
			return orNothing(parser.apply(value));
		}
		Agent cached = cache.get(value);
		if (cached == null) {
			cached = orNothing(parser.apply(value));
			if (cache.size() >= this.cacheSize) {
				cache.clear();
			}
			cache.put(value, cached);
		}
		return cached;
	}

	private static Agent orNothing(@Nullable Agent agent) {
		return (agent != null) ? agent : NOTHING;
	}

}
