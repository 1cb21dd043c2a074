package io.github.upgraderequired.test;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.github.upgraderequired.core.HttpProtocol;
import io.github.upgraderequired.core.UpgradeRequest;
import org.jspecify.annotations.Nullable;

/**
 * A request to decide on in a test, without a server: an {@link UpgradeRequest} whose
 * every part is set by hand. Unless told otherwise it is {@code GET /} over a plain
 * HTTP/1.1 connection to {@code example.com}, from {@code 192.0.2.10} (an address no
 * proxy list trusts), with no headers.
 * <pre class="code">
 * MockUpgradeRequest request = MockUpgradeRequest.get("/api/orders")
 * 	.protocol(HttpProtocol.HTTP_2)
 * 	.tlsProtocol("TLSv1.3")
 * 	.header("X-App-Version", "4.2.0");
 * </pre>
 * <p>
 * What a server would have told the adapters is told here: a rule that reads
 * {@link #protocol()} sees what {@link #protocol(HttpProtocol)} set, whatever the headers
 * say. Setters return the request itself; it is not thread-safe while being set up.
 */
public final class MockUpgradeRequest implements UpgradeRequest {

	private String method = "GET";

	private String path = "/";

	private @Nullable String rawPath;

	private @Nullable String query;

	private @Nullable String host = "example.com";

	private @Nullable HttpProtocol protocol = HttpProtocol.HTTP_1_1;

	private boolean secure;

	private @Nullable String tlsProtocol;

	private @Nullable String remoteAddress = "192.0.2.10";

	private @Nullable String peerAddress;

	private boolean peerHidden;

	private @Nullable Boolean forwarded;

	private @Nullable String apiVersion;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private MockUpgradeRequest(String method, String path) {
		method(method);
		path(path);
	}

	/**
	 * Return a new {@code GET} request for a path.
	 * @param path the path within the application, such as {@code /api/orders}
	 * @return the request
	 */
	public static MockUpgradeRequest get(String path) {
		return new MockUpgradeRequest("GET", path);
	}

	/**
	 * Return a new request.
	 * @param method the method, such as {@code POST}
	 * @param path the path within the application, such as {@code /api/orders}
	 * @return the request
	 */
	public static MockUpgradeRequest request(String method, String path) {
		return new MockUpgradeRequest(method, path);
	}

	/**
	 * Set the method.
	 * @param method the method, such as {@code HEAD}
	 * @return this request
	 */
	public MockUpgradeRequest method(String method) {
		this.method = Objects.requireNonNull(method, "method must not be null");
		return this;
	}

	/**
	 * Set the path within the application, as received (not decoded) and without the
	 * context path, as the adapters give it to the rules. Unless {@link #rawPath(String)}
	 * is set, it is also the path as received.
	 * @param path the path, such as {@code /api/orders}, taken as it is: a query belongs in
	 * {@link #query(String)}
	 * @return this request
	 */
	public MockUpgradeRequest path(String path) {
		this.path = Objects.requireNonNull(path, "path must not be null");
		return this;
	}

	/**
	 * Set the path as received, context path included and not decoded; the HTTPS redirect
	 * is built from it.
	 * @param rawPath the path as received, or {@code null} for the same as {@link #path()}
	 * @return this request
	 */
	public MockUpgradeRequest rawPath(@Nullable String rawPath) {
		this.rawPath = rawPath;
		return this;
	}

	/**
	 * Set the raw query string.
	 * @param query the query without the leading {@code ?}, or {@code null} for none
	 * @return this request
	 */
	public MockUpgradeRequest query(@Nullable String query) {
		this.query = query;
		return this;
	}

	/**
	 * Set the host the request was sent to.
	 * @param host the host without the port, IPv6 literals in brackets, or {@code null} if
	 * it is unknown
	 * @return this request
	 */
	public MockUpgradeRequest host(@Nullable String host) {
		this.host = host;
		return this;
	}

	/**
	 * Set the HTTP version of the connection.
	 * @param protocol the protocol, or {@code null} for a server that does not tell
	 * @return this request
	 */
	public MockUpgradeRequest protocol(@Nullable HttpProtocol protocol) {
		this.protocol = protocol;
		return this;
	}

	/**
	 * Set whether the request came over a secure channel, as the server (and its
	 * forwarded-header handling) decided: {@code true} for HTTPS.
	 * @param secure whether the request is secure
	 * @return this request
	 */
	public MockUpgradeRequest secure(boolean secure) {
		this.secure = secure;
		return this;
	}

	/**
	 * Set the TLS protocol negotiated on the connection, as Java names it; a request with
	 * one is {@link #secure() secure}, whatever {@link #secure(boolean)} said.
	 * @param tlsProtocol the protocol, such as {@code TLSv1.2}, or {@code null} for a plain
	 * connection (secure only if {@link #secure(boolean)} says so: a proxy may have said
	 * HTTPS)
	 * @return this request
	 */
	public MockUpgradeRequest tlsProtocol(@Nullable String tlsProtocol) {
		this.tlsProtocol = tlsProtocol;
		return this;
	}

	/**
	 * Set the client's address, as the server reports it after its forwarded-header
	 * handling. Unless {@link #peerAddress(String)} is set, it is also the peer's.
	 * @param remoteAddress the address literal, or {@code null} if it is unknown
	 * @return this request
	 */
	public MockUpgradeRequest remoteAddress(@Nullable String remoteAddress) {
		this.remoteAddress = remoteAddress;
		return this;
	}

	/**
	 * Set the address of the connection's peer before any forwarded-header handling
	 * replaced it, such as a proxy's.
	 * @param peerAddress the address literal, or {@code null} for the same as
	 * {@link #remoteAddress()}
	 * @return this request
	 */
	public MockUpgradeRequest peerAddress(@Nullable String peerAddress) {
		this.peerAddress = peerAddress;
		this.peerHidden = false;
		return this;
	}

	/**
	 * Make the peer's address unknown, as when the server's forwarded-header handling
	 * replaced it before the starter could see it ({@link #peerAddress()} is then
	 * {@code null}).
	 * @return this request
	 */
	public MockUpgradeRequest peerHidden() {
		this.peerAddress = null;
		this.peerHidden = true;
		return this;
	}

	/**
	 * Set whether the request reached the server through a proxy, as the server's
	 * forwarded-header handling would say after consuming the headers. Unless set, a
	 * request is forwarded when it carries a forwarding header ({@code Forwarded},
	 * {@code X-Forwarded-*}).
	 * @param forwarded whether the request was forwarded
	 * @return this request
	 */
	public MockUpgradeRequest forwarded(boolean forwarded) {
		this.forwarded = forwarded;
		return this;
	}

	/**
	 * Set the API version the application's own API versioning (Spring Framework's
	 * {@code ApiVersionStrategy}) resolves for the request, read by an {@code api-version}
	 * rule with {@code source: application}.
	 * @param apiVersion the version as sent, or {@code null} for none
	 * @return this request
	 */
	public MockUpgradeRequest apiVersion(@Nullable String apiVersion) {
		this.apiVersion = apiVersion;
		return this;
	}

	/**
	 * Set a header, replacing any value set before under the same name, in any case. A
	 * header sent several times is read by its first value, so one value is all a rule
	 * sees.
	 * @param name the header name
	 * @param value the value, or {@code null} to remove the header
	 * @return this request
	 */
	public MockUpgradeRequest header(String name, @Nullable String value) {
		String key = name.toLowerCase(Locale.ROOT);
		if (value != null) {
			this.headers.put(key, value);
		}
		else {
			this.headers.remove(key);
		}
		return this;
	}

	@Override
	public String method() {
		return this.method;
	}

	@Override
	public String path() {
		return this.path;
	}

	@Override
	public String rawPath() {
		return (this.rawPath != null) ? this.rawPath : this.path;
	}

	@Override
	public @Nullable String rawQuery() {
		return this.query;
	}

	@Override
	public @Nullable String host() {
		return this.host;
	}

	@Override
	public @Nullable HttpProtocol protocol() {
		return this.protocol;
	}

	@Override
	public boolean secure() {
		return this.secure || this.tlsProtocol != null;
	}

	@Override
	public @Nullable String tlsProtocol() {
		return this.tlsProtocol;
	}

	@Override
	public @Nullable String remoteAddress() {
		return this.remoteAddress;
	}

	@Override
	public @Nullable String peerAddress() {
		if (this.peerHidden) {
			return null;
		}
		return (this.peerAddress != null) ? this.peerAddress : this.remoteAddress;
	}

	@Override
	public boolean forwarded() {
		return (this.forwarded != null) ? this.forwarded : UpgradeRequest.super.forwarded();
	}

	@Override
	public @Nullable String apiVersion() {
		return this.apiVersion;
	}

	@Override
	public @Nullable String header(String name) {
		return this.headers.get(name.toLowerCase(Locale.ROOT));
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(this.method).append(' ').append(rawPath());
		if (this.query != null) {
			text.append('?').append(this.query);
		}
		text.append(' ').append((this.protocol != null) ? this.protocol.token() : "(protocol unknown)");
		if (this.tlsProtocol != null) {
			text.append(" over ").append(this.tlsProtocol);
		}
		else if (this.secure) {
			text.append(" (secure)");
		}
		text.append(" from ").append(this.remoteAddress);
		if (!this.headers.isEmpty()) {
			text.append(' ').append(this.headers);
		}
		return text.toString();
	}

}
