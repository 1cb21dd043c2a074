package io.github.upgraderequired.core.rule;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.upgraderequired.core.RuleSettings;
import io.github.upgraderequired.core.UpgradeRequest;
import io.github.upgraderequired.core.Verdict;
import org.jspecify.annotations.Nullable;

/**
 * Rejects requests that did not arrive over HTTPS, as the server decided it
 * ({@code request.isSecure()}, the exchange URI's scheme). Offers {@code TLS/1.3, TLS/1.2}
 * unless configured otherwise, or redirects {@code GET} and {@code HEAD} requests to the
 * https URL with a 308 when configured to.
 */
public final class HttpsRule extends AbstractUpgradeRule {

	/**
	 * The rule's type.
	 */
	public static final String TYPE = "https";

	/**
	 * The tokens offered unless configured otherwise.
	 */
	public static final List<String> DEFAULT_UPGRADE = List.of("TLS/1.3", "TLS/1.2");

	private static final String DETAIL = "This resource is only served over HTTPS.";

	private static final Verdict PLAIN_HTTP = Verdict.upgrade("https", "http").withDetail(DETAIL);

	private final boolean redirect;

	private final int redirectPort;

	/**
	 * Create a new rule.
	 * @param name the rule's name
	 * @param upgrade the tokens to offer, or an empty list for the defaults
	 * @param settings where and how the rule applies
	 * @param redirect whether to redirect {@code GET} and {@code HEAD} requests
	 * @param redirectPort the https port to redirect to
	 */
	public HttpsRule(String name, List<String> upgrade, RuleSettings settings, boolean redirect, int redirectPort) {
		super(name, TYPE, orDefault(upgrade, DEFAULT_UPGRADE), settings, Set.of());
		this.redirect = redirect;
		this.redirectPort = redirectPort;
	}

	@Override
	public Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("redirect", this.redirect);
		if (this.redirect) {
			details.put("redirectPort", this.redirectPort);
		}
		return details;
	}

	@Override
	public Verdict check(UpgradeRequest request) {
		if (request.secure()) {
			return Verdict.pass();
		}
		if (this.redirect && isSafe(request.method())) {
			String location = location(request);
			if (location != null) {
				return PLAIN_HTTP.withRedirect(location);
			}
		}
		return PLAIN_HTTP;
	}

	private static boolean isSafe(String method) {
		return "GET".equals(method) || "HEAD".equals(method);
	}

	private @Nullable String location(UpgradeRequest request) {
		String host = request.host();
		String path = request.rawPath();
		String query = request.rawQuery();
		if (host == null || !isHost(host) || !path.startsWith("/") || !isUriText(path)
				|| (query != null && !isUriText(query))) {
			return null;
		}
		StringBuilder location = new StringBuilder(16 + host.length() + path.length());
		location.append("https://").append(host);
		if (this.redirectPort != 443) {
			location.append(':').append(this.redirectPort);
		}
		location.append(path);
		if (query != null) {
			location.append('?').append(query);
		}
		return location.toString();
	}

	/**
	 * Accept a DNS name, an IPv4 literal, or a bracketed IPv6 literal; the host comes from
	 * the client, so anything else is not redirected to.
	 */
	private static boolean isHost(String host) {
		if (host.isEmpty() || host.length() > 255) {
			return false;
		}
		if (host.charAt(0) == '[') {
			return host.charAt(host.length() - 1) == ']' && host.chars()
				.skip(1)
				.limit(host.length() - 2)
				.allMatch((c) -> c == ':' || c == '.' || isHexDigit((char) c)) && isIpv6Literal(host);
		}
		return host.chars()
			.allMatch((c) -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
					|| c == '-');
	}

	/**
	 * Return whether a bracketed host is an IPv6 address as RFC 3986 §3.2.2 has it ({@code []},
	 * {@code [1.2.3.4]} and {@code [::::]} are not), checked by the JDK's URI parser.
	 */
	private static boolean isIpv6Literal(String host) {
		try {
			return new URI("https", null, host, -1, "/", null, null).getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/**
	 * Accept what RFC 3986 allows in a path or query as it stands: unreserved characters,
	 * sub-delimiters, {@code : @ / ?} and complete percent-escapes. Servers hand on more
	 * than that (Reactor Netty passes {@code {}|^} through), and a {@code Location}
	 * header must be a valid URI reference.
	 */
	private static boolean isUriText(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '%') {
				if (i + 2 >= value.length() || !isHexDigit(value.charAt(i + 1)) || !isHexDigit(value.charAt(i + 2))) {
					return false;
				}
				i += 2;
			}
			else if (!isUriCharacter(c)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isUriCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
				|| "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0;
	}

	private static boolean isHexDigit(char c) {
		return Character.digit(c, 16) >= 0 && c < 0x80;
	}

}
