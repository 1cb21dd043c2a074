package io.github.upgraderequired.e2e;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.upgraderequired.core.HttpProtocol;
import io.github.upgraderequired.test.MockUpgradeRequest;

import org.springframework.lang.Nullable;

/**
 * A request made by a property-based test, immutable so that the same request can be
 * handed to the engine and to the servers as often as a property needs.
 *
 * @param protocol the protocol, or {@code null} for one the server could not name
 * @param path the path, as the server decodes it
 * @param query the raw query, or {@code null}
 * @param secure whether the connection is secure
 * @param remoteAddress the peer's address
 * @param headers the headers, each name once
 */
record GeneratedRequest(@Nullable HttpProtocol protocol, String path, @Nullable String query, boolean secure,
		String remoteAddress, Map<String, String> headers) {

	/**
	 * The paths of the {@code e2e} profile, one or more per rule, and paths no rule
	 * covers; each is served with {@code GET}.
	 */
	static final List<String> PATHS = List.of("/", "/open/hello", "/secure/hello", "/redirect/hello",
			"/internal/hello", "/deprecated/hello", "/shadow/hello", "/h2/hello", "/ws/echo", "/tls/hello",
			"/tls-warn/hello", "/api/hello", "/api-soon/hello", "/api-query/hello", "/api-path/1/hello",
			"/api-path/2/hello", "/api-media/hello", "/api-strict/hello", "/app/hello", "/beta/hello", "/web/",
			"/web-soon/", "/strict/hello", "/tls-strict/hello", "/actuator/health");

	/**
	 * The request headers the rules of the {@code e2e} profile read, and the forwarding
	 * headers of its trusted proxy.
	 */
	static final List<String> READ_HEADERS = List.of("User-Agent", "Sec-CH-UA", "Sec-CH-UA-Full-Version-List",
			"Sec-CH-UA-Mobile", "Sec-CH-UA-Platform", "API-Version", "X-App-Platform", "X-App-Version", "Accept",
			"Content-Type", "Sec-WebSocket-Version", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Http-Version",
			"X-Forwarded-Tls-Version", "Forwarded");

	GeneratedRequest with(String name, String value) {
		Map<String, String> headers = new LinkedHashMap<>(this.headers);
		headers.put(name, value);
		return new GeneratedRequest(this.protocol, this.path, this.query, this.secure, this.remoteAddress, headers);
	}

	GeneratedRequest withPath(String path, @Nullable String query) {
		return new GeneratedRequest(this.protocol, path, query, this.secure, this.remoteAddress, this.headers);
	}

	static GeneratedRequest get(String path) {
		return new GeneratedRequest(HttpProtocol.HTTP_1_1, path, null, false, "192.0.2.10", Map.of());
	}

	/**
	 * Return the request for the engine, every string a new copy, as each request a server
	 * parses brings its own.
	 */
	MockUpgradeRequest toMockRequest() {
		MockUpgradeRequest request = MockUpgradeRequest.get(new String(this.path))
			.query((this.query != null) ? new String(this.query) : null)
			.protocol(this.protocol)
			.secure(this.secure)
			.host("localhost")
			.remoteAddress(new String(this.remoteAddress));
		this.headers.forEach((name, value) -> request.header(name, new String(value)));
		return request;
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("GET ").append(this.path);
		if (this.query != null) {
			text.append('?').append(this.query);
		}
		text.append(' ').append(this.protocol).append(this.secure ? " (TLS)" : "").append(" from ")
			.append(this.remoteAddress);
		this.headers.forEach((name, value) -> text.append("\n  ").append(name).append(": ")
			.append((value.length() > 300) ? value.substring(0, 300) + "… (" + value.length() + " chars)" : value));
		return text.toString();
	}

}
