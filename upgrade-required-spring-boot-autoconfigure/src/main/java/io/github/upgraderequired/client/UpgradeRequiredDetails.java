package io.github.upgraderequired.client;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.json.JsonParser;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * What a {@code 426 Upgrade Required} asked for: the {@code Upgrade} tokens and, when the
 * body is an RFC 9457 problem from an upgrade-required server, its fields. A 426 from
 * any other server reads too: the fields it does not send are {@code null}. Values come
 * from the server, so each is cut to {@value #MAX_VALUE_LENGTH} characters with its
 * control characters replaced; links are kept only when they are absolute http or https
 * URIs.
 *
 * @param upgrade the protocols to upgrade to, in the server's order of preference: from
 * the {@code Upgrade} header, or from the body when the header is absent (as it is on
 * HTTP/2) or unreadable; empty if neither says
 * @param rule the name of the rule that refused the request
 * @param minimum the minimum the rule requires
 * @param current what the server saw of the client
 * @param upgradeUrl where to get the upgrade (an app store page, say)
 * @param documentation where the requirement is explained
 * @param title the problem's title
 * @param detail the problem's detail
 */
public record UpgradeRequiredDetails(List<String> upgrade, @Nullable String rule, @Nullable String minimum,
		@Nullable String current, @Nullable URI upgradeUrl, @Nullable URI documentation, @Nullable String title,
		@Nullable String detail) implements Serializable {

	/**
	 * The most characters kept of a value from the body.
	 */
	public static final int MAX_VALUE_LENGTH = 256;

	/**
	 * The largest body that is read as a problem.
	 */
	static final int MAX_BODY_LENGTH = 64 * 1024;

	private static final JsonParser jsonParser = JsonParserFactory.getJsonParser();

	/**
	 * Create details, copying the tokens.
	 */
	public UpgradeRequiredDetails {
		upgrade = List.copyOf(upgrade);
	}

	/**
	 * Read the details of a 426 response.
	 * @param headers its headers
	 * @param body its body, or {@code null} if it has none
	 * @return the details
	 */
	public static UpgradeRequiredDetails read(HttpHeaders headers, byte @Nullable [] body) {
		Map<String, Object> problem = problem(headers, body);
		List<String> upgrade = ServerHeaders.upgradeTokens(headers.getOrEmpty(HttpHeaders.UPGRADE)).value();
		if (upgrade.isEmpty()) {
			upgrade = tokens(problem.get("upgrade"));
		}
		return new UpgradeRequiredDetails(upgrade, text(problem, "rule"), text(problem, "minimum"),
				text(problem, "current"), link(problem, "upgradeUrl"), link(problem, "documentation"),
				text(problem, "title"), text(problem, "detail"));
	}

	/**
	 * Return whether one of the tokens asks for TLS ({@code TLS}, {@code TLS/1.3}).
	 * @return whether the server asks for TLS
	 */
	public boolean asksForTls() {
		return HttpsRetry.namesTls(this.upgrade);
	}

	/**
	 * Return a one-line description, for an exception's message or a log line.
	 * @return the description
	 */
	public String describe() {
		StringBuilder text = new StringBuilder("426 Upgrade Required");
		if (!this.upgrade.isEmpty()) {
			text.append(": upgrade to ").append(String.join(", ", this.upgrade));
		}
		List<String> about = new ArrayList<>();
		if (this.rule != null) {
			about.add("rule '" + this.rule + "'");
		}
		if (this.minimum != null) {
			about.add("minimum " + this.minimum);
		}
		if (this.current != null) {
			about.add("current " + this.current);
		}
		if (!about.isEmpty()) {
			text.append(" (").append(String.join(", ", about)).append(')');
		}
		URI see = (this.upgradeUrl != null) ? this.upgradeUrl : this.documentation;
		if (see != null) {
			text.append("; see ").append(see);
		}
		return text.toString();
	}

	private static Map<String, Object> problem(HttpHeaders headers, byte @Nullable [] body) {
		if (body == null || body.length == 0 || body.length > MAX_BODY_LENGTH) {
			return Map.of();
		}
		try {
			MediaType contentType = headers.getContentType();
			String subtype = (contentType != null) ? contentType.getSubtype().toLowerCase(Locale.ROOT) : null;
			boolean json = (subtype != null) ? subtype.equals("json") || subtype.endsWith("+json") : body[0] == '{';
			if (!json) {
				return Map.of();
			}
			Charset charset = (contentType != null && contentType.getCharset() != null) ? contentType.getCharset()
					: StandardCharsets.UTF_8;
			return jsonParser.parseMap(new String(body, charset));
		}
		catch (RuntimeException | StackOverflowError ex) {
			// Not a media type, an unknown charset or not JSON: the header tokens still count.
			return Map.of();
		}
	}

	private static List<String> tokens(@Nullable Object value) {
		List<String> values = new ArrayList<>();
		if (value instanceof String single) {
			values.add(single);
		}
		else if (value instanceof List<?> list) {
			list.stream().limit(ServerHeaders.MAX_TOKENS).filter(String.class::isInstance).map(String.class::cast)
				.forEach(values::add);
		}
		return ServerHeaders.upgradeTokens(values).value();
	}

	private static @Nullable String text(Map<String, Object> problem, String name) {
		Object value = problem.get(name);
		if (value instanceof String || value instanceof Number || value instanceof Boolean) {
			return ServerHeaders.printable(value.toString(), MAX_VALUE_LENGTH);
		}
		return null;
	}

	private static @Nullable URI link(Map<String, Object> problem, String name) {
		if (!(problem.get(name) instanceof String value) || value.length() > 2048) {
			return null;
		}
		try {
			URI uri = new URI(value);
			String scheme = uri.getScheme();
			boolean web = scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
			return (web && uri.getHost() != null) ? uri : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
