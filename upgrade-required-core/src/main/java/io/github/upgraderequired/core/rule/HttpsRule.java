package io.github.upgraderequired.core.rule;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * https URL with a 308 when configured to. The host of that URL is the request's, so only
 * a syntactically valid one is redirected to (a DNS name, an IPv4 literal or a bracketed
 * IPv6 literal), and, when the rule lists its redirect hosts, only one of them: any other
 * gets the upgrade response.
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
	 * The hosts redirected to, in lower case; one that starts with {@code *.} stands for
	 * every name below it. Empty for any valid host.
	 */
	private final List<String> redirectHosts;

	/**
	 * Create a new rule that redirects to any valid host.
	 * @param name the rule's name
	 * @param upgrade the tokens to offer, or an empty list for the defaults
	 * @param settings where and how the rule applies
	 * @param redirect whether to redirect {@code GET} and {@code HEAD} requests
	 * @param redirectPort the https port to redirect to
	 */
	public HttpsRule(String name, List<String> upgrade, RuleSettings settings, boolean redirect, int redirectPort) {
		this(name, upgrade, settings, redirect, redirectPort, List.of());
	}

	/**
	 * Create a new rule.
	 * @param name the rule's name
	 * @param upgrade the tokens to offer, or an empty list for the defaults
	 * @param settings where and how the rule applies
	 * @param redirect whether to redirect {@code GET} and {@code HEAD} requests
	 * @param redirectPort the https port to redirect to
	 * @param redirectHosts the hosts to redirect to ({@code example.com}, or
	 * {@code *.example.com} for every name below it), or an empty list for any valid host
	 * @throws IllegalArgumentException if a redirect host is not a DNS name, an IPv4
	 * literal or a bracketed IPv6 literal, with an optional {@code *.} in front of a name
	 */
	public HttpsRule(String name, List<String> upgrade, RuleSettings settings, boolean redirect, int redirectPort,
			List<String> redirectHosts) {
		super(name, TYPE, orDefault(upgrade, DEFAULT_UPGRADE), settings, Set.of());
		this.redirect = redirect;
		this.redirectPort = redirectPort;
		List<String> hosts = new ArrayList<>(redirectHosts.size());
		for (String host : redirectHosts) {
			if (!isRedirectHostPattern(host)) {
				throw new IllegalArgumentException("'" + host + "' is not a host name, an IPv4 address or a bracketed "
						+ "IPv6 address (with '*.' only in front of a name)");
			}
			hosts.add(host.toLowerCase(Locale.ROOT));
		}
		this.redirectHosts = List.copyOf(hosts);
	}

	@Override
	public Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("redirect", this.redirect);
		if (this.redirect) {
			details.put("redirectPort", this.redirectPort);
			if (!this.redirectHosts.isEmpty()) {
				details.put("redirectHosts", this.redirectHosts);
			}
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
		if (host == null || !isHost(host) || !isRedirectHost(host) || !path.startsWith("/") || !isUriText(path)
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
	 * Return whether a redirect host is one the rule accepts: a DNS name, an IPv4 literal
	 * or a bracketed IPv6 literal, or {@code *.} and a DNS name.
	 * @param host the host
	 * @return {@code true} if it is valid
	 */
	public static boolean isRedirectHostPattern(String host) {
		if (!host.startsWith("*.")) {
			return isHost(host);
		}
		// Only names have names below them.
		String bare = host.substring(2);
		return isHost(bare) && bare.charAt(0) != '[' && !isDigit(bare.charAt(bare.lastIndexOf('.') + 1));
	}

	private boolean isRedirectHost(String host) {
		if (this.redirectHosts.isEmpty()) {
			return true;
		}
		for (String allowed : this.redirectHosts) {
			if (allowed.startsWith("*.") ? host.length() > allowed.length() - 1
					&& host.regionMatches(true, host.length() - (allowed.length() - 1), allowed, 1, allowed.length() - 1)
					: host.equalsIgnoreCase(allowed)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Accept a DNS name (labels of 1 to 63 letters, digits and hyphens, neither first nor
	 * last, 253 characters in all, the last not numeric), an IPv4 literal in dotted
	 * decimal, or a bracketed IPv6 literal; the host comes from the client, so anything
	 * else is not redirected to.
	 */
	private static boolean isHost(String host) {
		if (host.isEmpty() || host.length() > 253) {
			return false;
		}
		if (host.charAt(0) == '[') {
			return host.charAt(host.length() - 1) == ']' && host.chars()
				.skip(1)
				.limit(host.length() - 2)
				.allMatch((c) -> c == ':' || c == '.' || isHexDigit((char) c)) && isIpv6Literal(host);
		}
		int lastDot = host.lastIndexOf('.');
		if (lastDot + 1 < host.length() && isDigit(host.charAt(lastDot + 1))) {
			// Browsers read a name whose last label is numeric as an IPv4 address, in hex
			// or octal too (0x7f.1 is 127.0.0.1): only the plain dotted-decimal form is one.
			return isIpv4(host);
		}
		int labelStart = 0;
		for (int i = 0; i <= host.length(); i++) {
			char c = (i < host.length()) ? host.charAt(i) : '.';
			if (c == '.') {
				int length = i - labelStart;
				if (length == 0 || length > 63 || host.charAt(labelStart) == '-' || host.charAt(i - 1) == '-') {
					return false;
				}
				labelStart = i + 1;
			}
			else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Accept four decimal numbers from 0 to 255, without leading zeros, separated by dots.
	 */
	private static boolean isIpv4(String host) {
		int parts = 0;
		int start = 0;
		for (int i = 0; i <= host.length(); i++) {
			if (i == host.length() || host.charAt(i) == '.') {
				int length = i - start;
				if (length == 0 || length > 3 || (length > 1 && host.charAt(start) == '0')
						|| Integer.parseInt(host, start, i, 10) > 255) {
					return false;
				}
				parts++;
				start = i + 1;
			}
			else if (!isDigit(host.charAt(i))) {
				return false;
			}
		}
		return parts == 4;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
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
