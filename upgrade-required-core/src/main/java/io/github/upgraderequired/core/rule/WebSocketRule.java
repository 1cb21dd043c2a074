package io.github.upgraderequired.core.rule;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.upgraderequired.core.RuleSettings;
import io.github.upgraderequired.core.UpgradeRequest;
import io.github.upgraderequired.core.Verdict;
import org.jspecify.annotations.Nullable;

/**
 * Guards WebSocket-only paths: a plain request there is told to upgrade to
 * {@code websocket}, and so is a handshake in a WebSocket version other than 13, with
 * {@code Sec-WebSocket-Version: 13} (RFC 6455 §4.2.2). A version-13 handshake passes to
 * the WebSocket handler. SockJS endpoints are not WebSocket-only: their HTTP fallbacks are
 * plain requests.
 */
public final class WebSocketRule extends AbstractUpgradeRule {

	/**
	 * The rule's type.
	 */
	public static final String TYPE = "websocket";

	/**
	 * The WebSocket version servers speak (RFC 6455).
	 */
	public static final String VERSION = "13";

	private static final List<String> UPGRADE = List.of("websocket");

	// Ordered, so that Vary reads the same on every run.
	private static final Set<String> READ_HEADERS = Collections
		.unmodifiableSet(new LinkedHashSet<>(List.of("Upgrade", "Sec-WebSocket-Version")));

	private static final Verdict NOT_WEBSOCKET = Verdict.upgrade("websocket", "plain HTTP")
		.withDetail("This endpoint only speaks WebSocket: open it with a WebSocket handshake.")
		.withHeader("Sec-WebSocket-Version", VERSION);

	private static final Verdict OTHER_VERSION = Verdict.upgrade("WebSocket version " + VERSION, null)
		.withDetail("This endpoint speaks WebSocket version " + VERSION + " (RFC 6455) only.")
		.withHeader("Sec-WebSocket-Version", VERSION);

	private final RecentVerdicts recent = new RecentVerdicts();

	/**
	 * Create a new rule.
	 * @param name the rule's name
	 * @param upgrade the tokens to offer, or an empty list for {@code websocket}
	 * @param settings where and how the rule applies: the WebSocket-only paths
	 */
	public WebSocketRule(String name, List<String> upgrade, RuleSettings settings) {
		super(name, TYPE, orDefault(upgrade, UPGRADE), settings, READ_HEADERS);
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("version", VERSION);
	}

	@Override
	public Verdict check(UpgradeRequest request) {
		if (!hasToken(request.header("Upgrade"), "websocket")) {
			return NOT_WEBSOCKET;
		}
		String version = request.header("Sec-WebSocket-Version");
		if (VERSION.equals((version != null) ? version.trim() : null)) {
			return Verdict.pass();
		}
		return (version != null) ? this.recent.withCurrent(OTHER_VERSION, "WebSocket version " + version)
				: OTHER_VERSION;
	}

	private static boolean hasToken(@Nullable String header, String token) {
		if (header == null) {
			return false;
		}
		// Scanned in place: a list of at most 16 elements, each trimmed of optional white space.
		int start = 0;
		for (int element = 0; element < 16 && start <= header.length(); element++) {
			int comma = header.indexOf(',', start);
			int end = (comma < 0 || element == 15) ? header.length() : comma;
			int from = start;
			int to = end;
			while (from < to && isWhitespace(header.charAt(from))) {
				from++;
			}
			while (to > from && isWhitespace(header.charAt(to - 1))) {
				to--;
			}
			if (to - from == token.length() && header.regionMatches(true, from, token, 0, token.length())) {
				return true;
			}
			if (comma < 0) {
				break;
			}
			start = comma + 1;
		}
		return false;
	}

	private static boolean isWhitespace(char c) {
		return c <= ' ';
	}

}
