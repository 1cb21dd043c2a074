package io.github.upgraderequired.core;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A plain {@link UpgradeRequest} for unit tests: HTTP/1.1 {@code GET /} from 192.0.2.10
 * unless told otherwise.
 */
public final class TestRequest implements UpgradeRequest {

	private String method = "GET";

	private String path = "/";

	private @Nullable String query;

	private @Nullable String host = "example.com";

	private @Nullable HttpProtocol protocol = HttpProtocol.HTTP_1_1;

	private boolean secure;

	private @Nullable String remoteAddress = "192.0.2.10";

	private @Nullable String tlsProtocol;

	private final Map<String, String> headers = new LinkedHashMap<>();

	public static TestRequest get(String path) {
		return new TestRequest().path(path);
	}

	public TestRequest method(String method) {
		this.method = method;
		return this;
	}

	public TestRequest path(String path) {
		this.path = path;
		return this;
	}

	public TestRequest query(@Nullable String query) {
		this.query = query;
		return this;
	}

	public TestRequest host(@Nullable String host) {
		this.host = host;
		return this;
	}

	public TestRequest protocol(@Nullable HttpProtocol protocol) {
		this.protocol = protocol;
		return this;
	}

	public TestRequest secure(boolean secure) {
		this.secure = secure;
		return this;
	}

	public TestRequest remoteAddress(@Nullable String remoteAddress) {
		this.remoteAddress = remoteAddress;
		return this;
	}

	public TestRequest tlsProtocol(@Nullable String tlsProtocol) {
		this.tlsProtocol = tlsProtocol;
		return this;
	}

	public TestRequest header(String name, String value) {
		this.headers.put(name.toLowerCase(Locale.ROOT), value);
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
		return this.path;
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
		return this.secure;
	}

	@Override
	public @Nullable String remoteAddress() {
		return this.remoteAddress;
	}

	@Override
	public @Nullable String tlsProtocol() {
		return this.tlsProtocol;
	}

	@Override
	public @Nullable String header(String name) {
		return this.headers.get(name.toLowerCase(Locale.ROOT));
	}

}
