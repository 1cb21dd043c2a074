package io.github.upgraderequired.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Looks at every response one of the application's clients receives, for a {@code 426}
 * and for deprecation headers. What it finds is logged at WARN once per host and path per
 * interval and handed to the {@link ClientNoticeListener listeners} (metrics, events)
 * every time. Never throws: whatever the server sent, the response goes on to the caller
 * as it came.
 */
public class ClientResponseInspector {

	/**
	 * The most host-and-path keys remembered for the log interval; beyond it, those
	 * logged longer than the interval ago are forgotten, and if that is not enough, all
	 * are, so that a server with endless paths costs bounded memory (and some lines are
	 * logged again early).
	 */
	static final int MAX_REMEMBERED = 1024;

	private static final int MAX_LOGGED_URI = 200;

	private static final Log logger = LogFactory.getLog(ClientResponseInspector.class);

	private final List<ClientNoticeListener> listeners;

	private final long intervalNanos;

	private final String interval;

	private final LongSupplier nanoTime;

	private final Map<String, Long> lastLogged = new ConcurrentHashMap<>();

	/**
	 * Create a new inspector.
	 * @param listeners told of every notice
	 * @param logInterval how long to stay silent about one host and path after logging it
	 */
	public ClientResponseInspector(List<ClientNoticeListener> listeners, Duration logInterval) {
		this(listeners, logInterval, System::nanoTime);
	}

	ClientResponseInspector(List<ClientNoticeListener> listeners, Duration logInterval, LongSupplier nanoTime) {
		this.listeners = List.copyOf(listeners);
		// Beyond 292 years in nanoseconds: never again, in practice.
		this.intervalNanos = (logInterval.compareTo(Duration.ofDays(100_000)) > 0) ? Long.MAX_VALUE
				: logInterval.toNanos();
		this.interval = shown(logInterval);
		this.nanoTime = nanoTime;
	}

	/**
	 * Look at a response.
	 * @param method the request's method
	 * @param uri the request's URI
	 * @param status the response's status code
	 * @param headers the response's headers
	 * @return what the response told, or {@code null} if nothing
	 */
	public @Nullable ClientNotice inspect(String method, URI uri, int status, HttpHeaders headers) {
		return inspect(method, uri, null, status, headers);
	}

	/**
	 * Look at a response to a request made from a URI template, which then stands for
	 * the path in the log's memory: a client that walks {@code /orders/{id}} is told once,
	 * not once per order.
	 * @param method the request's method
	 * @param uri the request's URI
	 * @param uriTemplate the template the URI was expanded from, or {@code null}
	 * @param status the response's status code
	 * @param headers the response's headers
	 * @return what the response told, or {@code null} if nothing
	 */
	public @Nullable ClientNotice inspect(String method, URI uri, @Nullable String uriTemplate, int status,
			HttpHeaders headers) {
		ClientNotice notice;
		try {
			notice = read(method, uri, status, headers);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not read the headers of the response to " + method + " " + shown(uri), ex);
			return null;
		}
		if (notice != null) {
			log(notice, uriTemplate);
			for (ClientNoticeListener listener : this.listeners) {
				try {
					listener.onNotice(notice);
				}
				catch (RuntimeException ex) {
					logger.warn("Client notice listener " + listener.getClass().getName() + " failed", ex);
				}
			}
		}
		return notice;
	}

	/**
	 * Say that a request was sent again over https, at WARN once per host and path per
	 * interval: the URL the application calls should be changed.
	 * @param method the request's method
	 * @param from the {@code http} URI that was answered with a 426
	 * @param to the {@code https} URI the request went to instead
	 */
	public void retried(String method, URI from, URI to) {
		if (logger.isWarnEnabled() && due("retry " + key(from, null))) {
			logger.warn(method + " " + shown(from) + " was answered 426 Upgrade Required asking for TLS and sent again to "
					+ shown(to) + "; call the https URL directly (logged once per " + this.interval
					+ " for this host and path)");
		}
	}

	private static @Nullable ClientNotice read(String method, URI uri, int status, HttpHeaders headers) {
		if (status == 426) {
			ServerHeaders.Read<List<String>> tokens = ServerHeaders.upgradeTokens(headers.getOrEmpty(HttpHeaders.UPGRADE));
			return new ClientNotice(method, uri, status, ClientOutcome.UPGRADE_REQUIRED, null, tokens.value(),
					tokens.unparsable());
		}
		DeprecationNotice deprecation = DeprecationNotice.read(headers, uri);
		if (deprecation == null) {
			return null;
		}
		return new ClientNotice(method, uri, status, deprecation.outcome(), deprecation, List.of(),
				deprecation.unparsable());
	}

	private void log(ClientNotice notice, @Nullable String uriTemplate) {
		if (notice.outcome() == null) {
			if (logger.isDebugEnabled()) {
				logger.debug(notice.method() + " " + shown(notice.uri())
						+ ": ignored Deprecation, Sunset, Link or Upgrade headers that could not be read");
			}
			return;
		}
		// Keyed by outcome too: a path that warned still says so when it starts to refuse.
		if (!logger.isWarnEnabled() || !due(notice.outcome().tagValue() + " " + key(notice.uri(), uriTemplate))) {
			return;
		}
		StringBuilder message = new StringBuilder(notice.method()).append(' ').append(shown(notice.uri()));
		DeprecationNotice deprecation = notice.deprecation();
		if (deprecation == null) {
			message.append(" was answered 426 Upgrade Required");
			if (!notice.upgrade().isEmpty()) {
				message.append(": upgrade to ").append(String.join(", ", notice.upgrade()));
			}
		}
		else {
			message.append(": the server ");
			List<String> parts = new ArrayList<>();
			if (deprecation.deprecated()) {
				parts.add("deprecated this resource"
						+ ((deprecation.deprecation() != null) ? " as of " + deprecation.deprecation() : ""));
			}
			if (deprecation.sunset() != null) {
				parts.add("will retire it at " + deprecation.sunset());
			}
			message.append(String.join(" and ", parts));
			List<URI> links = new ArrayList<>(deprecation.deprecationLinks());
			deprecation.sunsetLinks().stream().filter((link) -> !links.contains(link)).forEach(links::add);
			if (!links.isEmpty()) {
				message.append("; see ")
					.append(String.join(", ",
							links.stream().map((link) -> ServerHeaders.printable(link.toString(), MAX_LOGGED_URI)).toList()));
			}
		}
		if (notice.unparsable()) {
			message.append(" (some of its headers could not be read)");
		}
		message.append(" (logged once per ").append(this.interval).append(" for this host and path)");
		logger.warn(message);
	}

	/**
	 * Return whether the key was not logged within the interval, and if so take it as
	 * logged now.
	 */
	private boolean due(String key) {
		long now = this.nanoTime.getAsLong();
		if (this.lastLogged.size() >= MAX_REMEMBERED && !this.lastLogged.containsKey(key)) {
			this.lastLogged.values().removeIf((last) -> now - last >= this.intervalNanos);
			if (this.lastLogged.size() >= MAX_REMEMBERED) {
				this.lastLogged.clear();
			}
		}
		boolean[] due = new boolean[1];
		this.lastLogged.compute(key, (name, last) -> {
			if (last == null || now - last >= this.intervalNanos) {
				due[0] = true;
				return now;
			}
			return last;
		});
		return due[0];
	}

	/**
	 * Return how many host-and-path keys are remembered.
	 */
	int remembered() {
		return this.lastLogged.size();
	}

	private static String shown(Duration interval) {
		if (interval.isZero()) {
			return "0s";
		}
		if (interval.toSeconds() % 3600 == 0 && interval.toNanosPart() == 0) {
			return interval.toHours() + "h";
		}
		if (interval.toSeconds() % 60 == 0 && interval.toNanosPart() == 0) {
			return interval.toMinutes() + "m";
		}
		return (interval.toMillisPart() == 0 && interval.toNanosPart() == 0) ? interval.toSeconds() + "s"
				: interval.toMillis() + "ms";
	}

	/**
	 * Host, port and path, the path as its template has it when there is one (its query
	 * and, for an absolute template, its scheme and authority left out).
	 */
	private static String key(URI uri, @Nullable String uriTemplate) {
		String path = uri.getRawPath();
		if (uriTemplate != null) {
			String template = uriTemplate;
			int query = template.indexOf('?');
			if (query >= 0) {
				template = template.substring(0, query);
			}
			int scheme = template.indexOf("://");
			if (scheme >= 0) {
				int pathStart = template.indexOf('/', scheme + 3);
				template = (pathStart >= 0) ? template.substring(pathStart) : "";
			}
			path = template;
		}
		return uri.getHost() + ":" + uri.getPort() + path;
	}

	/**
	 * The URI as logged: scheme, host, port and path, without user info, query or
	 * fragment, cut and with control characters replaced.
	 */
	static String shown(URI uri) {
		StringBuilder shown = new StringBuilder();
		if (uri.getScheme() != null) {
			shown.append(uri.getScheme()).append("://");
		}
		if (uri.getHost() != null) {
			shown.append(uri.getHost());
			if (uri.getPort() != -1) {
				shown.append(':').append(uri.getPort());
			}
		}
		if (uri.getRawPath() != null) {
			shown.append(uri.getRawPath());
		}
		return ServerHeaders.printable(shown.toString(), MAX_LOGGED_URI);
	}

}
