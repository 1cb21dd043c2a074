package io.github.upgraderequired.e2e;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection rules under each {@code server.forward-headers-strategy}: none (the
 * default), {@code native} and {@code framework}, where the server or Spring consume the
 * forwarding headers and replace the peer's address before the starter sees the request.
 * Requests are judged by the connection unless the trusted proxy (127.0.0.1 here)
 * forwarded them; then by its version header only. Forwarding headers from any other peer
 * change nothing, whoever consumed them.
 * <p>
 * Whether {@code X-Forwarded-Proto} or {@code Forwarded: proto=https} makes a plain request
 * secure, and so satisfies an HTTPS rule, is the server's decision: each subclass says
 * which peers its server believes, and the tests hold it to that.
 */
abstract class AbstractForwardedHeadersStrategyTests {

	static final String TRUSTED_PEER = "127.0.0.1";

	static final String UNTRUSTED_PEER = "127.0.0.2";

	static final List<String> NO_PEER = List.of();

	static final List<String> EVERY_PEER = List.of(TRUSTED_PEER, UNTRUSTED_PEER);

	private final List<String> xForwardedProtoBelievedFrom;

	private final List<String> forwardedBelievedFrom;

	@LocalServerPort
	int port;

	/**
	 * Create the tests for a server that believes {@code X-Forwarded-Proto} and
	 * {@code Forwarded} from the given peers.
	 * @param xForwardedProtoBelievedFrom the peers whose {@code X-Forwarded-Proto} the
	 * server believes
	 * @param forwardedBelievedFrom the peers whose {@code Forwarded} header the server
	 * believes
	 */
	AbstractForwardedHeadersStrategyTests(List<String> xForwardedProtoBelievedFrom,
			List<String> forwardedBelievedFrom) {
		this.xForwardedProtoBelievedFrom = xForwardedProtoBelievedFrom;
		this.forwardedBelievedFrom = forwardedBelievedFrom;
	}

	@Test
	void aDirectHttp10RequestIsStillJudgedByItsConnection() throws Exception {
		HttpResult response = Http.http10(this.port, "GET", "/open/hello");
		assertThat(response.status()).isEqualTo(426);
		assertThat(response.header("Upgrade")).isEqualTo("HTTP/1.1");
	}

	@Test
	void aDirectHttp11RequestToAnHttp2OnlyPathIsStillJudgedByItsConnection() throws Exception {
		assertThat(Http.http11(this.port, "GET", "/h2/hello").status()).isEqualTo(426);
	}

	@Test
	void aForwardedRequestFromTheTrustedProxyIsJudgedByItsHeader() throws Exception {
		HttpResult old = Http.raw(TRUSTED_PEER, this.port, forwarded("/open/hello", "HTTP/1.1", "HTTP/1.0"));
		assertThat(old.status()).isEqualTo(426);
		assertThat(old.body()).contains("\"current\":\"HTTP/1.0\"");
		HttpResult current = Http.raw(TRUSTED_PEER, this.port, forwarded("/open/hello", "HTTP/1.0", "HTTP/1.1"));
		assertThat(current.status()).isEqualTo(200);
	}

	@Test
	void aForwardedRequestFromAnUntrustedPeerIsJudgedByItsConnection() throws Exception {
		HttpResult old = Http.raw(UNTRUSTED_PEER, this.port, forwarded("/open/hello", "HTTP/1.0", "HTTP/1.1"));
		assertThat(old.status()).isEqualTo(426);
		assertThat(old.header("Upgrade")).isEqualTo("HTTP/1.1");
		assertThat(old.body()).contains("\"current\":\"HTTP/1.0\"");
		assertThat(Http.raw(UNTRUSTED_PEER, this.port, forwarded("/open/hello", "HTTP/1.1", "HTTP/1.0")).status())
			.isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Forwarded: for=203.0.113.7;proto=https", "X-Forwarded-For: 203.0.113.7",
			"X-Forwarded-Proto: https", "X-Forwarded-Host: example.com", "X-Forwarded-Port: 443",
			"X-Forwarded-Prefix: /app", "X-Forwarded-Ssl: on" })
	void noForwardingHeaderLetsADirectClientSkipAConnectionRule(String header) throws Exception {
		HttpResult http10 = Http.raw(UNTRUSTED_PEER, this.port,
				"GET /open/hello HTTP/1.0\r\nHost: localhost\r\n" + header + "\r\n\r\n");
		assertThat(http10.status()).isEqualTo(426);
		HttpResult http11 = Http.raw(UNTRUSTED_PEER, this.port,
				"GET /h2/hello HTTP/1.1\r\nHost: localhost\r\n" + header + "\r\nConnection: close\r\n\r\n");
		assertThat(http11.status()).isEqualTo(426);
		assertThat(http11.body()).contains("\"rule\":\"http2\"");
	}

	/**
	 * nginx speaks HTTP/1.0 to its upstreams by default: a trusted proxy that does so
	 * without the version header makes its clients' versions unknown, which the rules
	 * allow by default, and locks nobody out.
	 */
	@Test
	void aTrustedProxyThatSpeaksHttp10WithoutTheVersionHeaderLocksNobodyOut() throws Exception {
		String request = "GET %s HTTP/1.0\r\nHost: localhost\r\nX-Forwarded-For: 203.0.113.7\r\n\r\n";
		assertThat(Http.raw(TRUSTED_PEER, this.port, request.formatted("/open/hello")).status()).isEqualTo(200);
		assertThat(Http.raw(TRUSTED_PEER, this.port, request.formatted("/h2/hello")).status()).isEqualTo(200);
		// The same request from a peer that is no proxy is the client's own HTTP/1.0.
		assertThat(Http.raw(UNTRUSTED_PEER, this.port, request.formatted("/open/hello")).status()).isEqualTo(426);
	}

	@Test
	void aVersionClaimedByAnUntrustedPeerIsNeverBelieved() throws Exception {
		// The rule on /strict/** refuses unknown versions; the claim of HTTP/1.1 changes
		// nothing: the connection's HTTP/1.0 is judged.
		HttpResult claimed = Http.raw(UNTRUSTED_PEER, this.port, forwarded("/strict/hello", "HTTP/1.0", "HTTP/1.1"));
		assertThat(claimed.status()).isEqualTo(426);
		assertThat(claimed.body()).contains("\"current\":\"HTTP/1.0\"");
		// Over an HTTP/1.1 connection the claim of HTTP/1.0 changes nothing either.
		assertThat(Http.raw(UNTRUSTED_PEER, this.port, forwarded("/strict/hello", "HTTP/1.1", "HTTP/1.0")).status())
			.isEqualTo(200);
	}

	@Test
	void aVersionClaimedByTheTrustedProxyIsBelieved() throws Exception {
		assertThat(Http.raw(TRUSTED_PEER, this.port, forwarded("/strict/hello", "HTTP/1.0", "HTTP/1.1")).status())
			.isEqualTo(200);
		HttpResult old = Http.raw(TRUSTED_PEER, this.port, forwarded("/strict/hello", "HTTP/1.1", "HTTP/1.0"));
		assertThat(old.status()).isEqualTo(426);
		assertThat(old.body()).contains("\"rule\":\"http-1-1\"").contains("\"current\":\"HTTP/1.0\"");
	}

	@Test
	void aDirectRequestToTheStrictPathIsJudgedByItsConnection() throws Exception {
		assertThat(Http.raw(UNTRUSTED_PEER, this.port, "GET /strict/hello HTTP/1.1\r\nHost: localhost\r\n"
				+ "Connection: close\r\n\r\n").status()).isEqualTo(200);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "X-Forwarded-Proto: https | " + TRUSTED_PEER,
			"X-Forwarded-Proto: https | " + UNTRUSTED_PEER, "Forwarded: proto=https | " + TRUSTED_PEER,
			"Forwarded: proto=https | " + UNTRUSTED_PEER })
	void aClaimOfHttpsSatisfiesTheHttpsRuleOnlyWhereTheServerBelievesThePeer(String header, String peer)
			throws Exception {
		HttpResult response = Http.raw(peer, this.port,
				"GET /secure/hello HTTP/1.1\r\nHost: localhost\r\n" + header + "\r\nConnection: close\r\n\r\n");
		List<String> believedFrom = header.startsWith("Forwarded:") ? this.forwardedBelievedFrom
				: this.xForwardedProtoBelievedFrom;
		if (believedFrom.contains(peer)) {
			assertThat(response.status()).isEqualTo(200);
		}
		else {
			assertThat(response.status()).isEqualTo(426);
			assertThat(response.header("Upgrade")).isEqualTo("TLS/1.3, TLS/1.2");
			assertThat(response.body()).contains("\"rule\":\"secure\"").contains("\"current\":\"http\"");
		}
	}

	/**
	 * The HTTPS rule on /redirect/** answers a plain {@code GET} with a 308 to the
	 * request's host, as the server makes it of {@code Host}, {@code X-Forwarded-Host} or
	 * {@code Forwarded: host=}: whatever a client puts there, the answer is a 308 to a
	 * syntactically valid https URL on the configured port, or a 4xx, never a 5xx, and
	 * nothing it sent is echoed unescaped.
	 */
	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("hostileHosts")
	void noHostMakesTheRedirectGoAstray(String host) throws Exception {
		for (String peer : EVERY_PEER) {
			String[] carriers = { "Host: " + host, "Host: localhost\r\nX-Forwarded-Host: " + host,
					"Host: localhost\r\nForwarded: host=" + host, "Host: localhost\r\nForwarded: host=\"" + host + "\"" };
			for (String carrier : carriers) {
				HttpResult response = Http.raw(peer, this.port,
						"GET /redirect/hello HTTP/1.1\r\n" + carrier + "\r\nConnection: close\r\n\r\n");
				String described = carrier.replace("\r\n", " | ") + " from " + peer;
				if (response.status() == 308) {
					assertThat(isSafeRedirect(response.header("Location"), host)).as(described + " -> "
							+ response.header("Location")).isTrue();
				}
				else {
					// The server's own 400 for a Host it cannot read, Spring's 404 for a path in
					// X-Forwarded-Host (framework), else the rule's 426.
					assertThat(response.status()).as(described).isIn(400, 404, 426);
					if (response.status() == 426) {
						assertThat(response.body()).as(described).contains("secure-redirect");
					}
				}
			}
		}
	}

	static Stream<String> hostileHosts() {
		List<String> hosts = new ArrayList<>(List.of("evil.com@localhost", "user:pass@evil.com", "evil.com\\localhost",
				"evil.com%2f.localhost", "%65vil.com", "ex\u00e4mple.com", utf8AsLatin1("ex\u00e4mple.com"),
				utf8AsLatin1("\u0435xample.com"), "a.com:80:81", "a.com:abc", "a.com:", "[::1]:80:81", "[::1", "::1",
				"[::1]", "[2001:db8::1]:8080", "a.com/evil", "a.com?x=1", "a.com#x", "a b.com", "a.com,evil.com",
				"a.com;b", "'evil.com'", "a".repeat(300) + ".com", "x".repeat(3000), "<script>alert(1)</script>",
				"evil.com\t", "", " ", "-evil.com", "evil..com", ".evil.com", "1.2.3.4:0", "[1.2.3.4]", "[v1.x]",
				"xn--80ak6aa92e.com", "EVIL.COM", "evil.com.", "evil_com", "127.0.0.1:8080", "0x7f.1", "a.com\u0000"));
		Random random = new Random(19);
		String alphabet = "aZ9.-:@\\/%[]_~\u00e9 \"'<>;,=?#";
		for (int i = 0; i < 16; i++) {
			StringBuilder host = new StringBuilder();
			int length = 1 + random.nextInt(24);
			for (int j = 0; j < length; j++) {
				host.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			hosts.add(host.toString());
		}
		return hosts.stream();
	}

	/**
	 * Whether a {@code Location} is an https URL on the configured port 8443 to
	 * {@code /redirect/hello}, with no user information, whose host is {@code localhost}
	 * (the request's own) or, exactly, one of the values the client sent (separated by
	 * commas or semicolons) without its port, and that value is a DNS name, an IPv4 address or a bracketed IPv6
	 * address (perhaps written out by the server).
	 */
	private static boolean isSafeRedirect(String location, String sent) {
		URI uri;
		try {
			uri = new URI(location);
		}
		catch (URISyntaxException ex) {
			return false;
		}
		String host = uri.getHost();
		if (!"https".equals(uri.getScheme()) || uri.getRawUserInfo() != null || uri.getRawFragment() != null
				|| uri.getPort() != 8443 || !"/redirect/hello".equals(uri.getRawPath()) || uri.getRawQuery() != null
				|| host == null) {
			return false;
		}
		if (host.equals("localhost")) {
			return true;
		}
		// Servers split a value on ',' (several hops) and a Forwarded element on ';', and
		// read "host:" as the host without a port.
		for (String part : sent.split("[,;]", -1)) {
			String candidate = part.trim().replaceFirst(":[0-9]{0,5}$", "");
			boolean name = candidate.matches("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*")
					&& !candidate.matches(".*\\.[0-9]+") && !candidate.matches("[0-9]+");
			boolean ipv4 = candidate.matches("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
			if ((name || ipv4) && host.equalsIgnoreCase(candidate)) {
				return true;
			}
			if (candidate.startsWith("[") && host.startsWith("[") && sameAddress(host, candidate)) {
				return true;
			}
		}
		return false;
	}

	private static boolean sameAddress(String bracketed, String sent) {
		int end = sent.indexOf(']');
		if (end < 0 || end != sent.length() - 1) {
			return false;
		}
		try {
			return InetAddress.getByName(bracketed.substring(1, bracketed.length() - 1))
				.equals(InetAddress.getByName(sent.substring(1, end)));
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static String utf8AsLatin1(String text) {
		return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
	}

	private static String forwarded(String path, String connection, String client) {
		return "GET " + path + " " + connection + "\r\nHost: localhost\r\nX-Forwarded-For: 203.0.113.7\r\n"
				+ "X-Forwarded-Proto: http\r\nX-Forwarded-Http-Version: " + client + "\r\nConnection: close\r\n\r\n";
	}

}
