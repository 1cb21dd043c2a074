package io.github.upgraderequired.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.upgraderequired.core.HttpProtocol;
import io.github.upgraderequired.core.UpgradeRequest;
import org.jspecify.annotations.Nullable;

/**
 * An {@link UpgradeRequest} held in fields, as a server holds a parsed request: its
 * headers sit in a small array of names and values that {@link #header(String)} scans
 * case-insensitively, the way Tomcat's {@code MimeHeaders} does. The path and the header
 * values are kept as bytes and made strings when first read, once per invocation unless
 * the benchmark keeps them, so that no hash code computed for one request serves the
 * next.
 * {@link #forwarded()} reads the forwarding headers once per request, as the adapters do;
 * {@link #reset()} forgets the answer, so that a pooled request is new to every invocation.
 */
public final class BenchmarkRequest implements UpgradeRequest {

	private final String method;

	private final byte[] path;

	private final @Nullable String host;

	private final @Nullable HttpProtocol protocol;

	private final boolean secure;

	private final @Nullable String tlsProtocol;

	private final String remoteAddress;

	/**
	 * Names and values in turn; a value is kept as the bytes a server reads and made a
	 * string when first asked for, as Tomcat's {@code MessageBytes} does.
	 */
	private final String[] names;

	private final byte[][] values;

	private final @Nullable String[] strings;

	private @Nullable String pathString;

	private BenchmarkRequest(Builder builder) {
		this.method = builder.method;
		this.path = builder.path.getBytes(StandardCharsets.ISO_8859_1);
		this.host = builder.host;
		this.protocol = builder.protocol;
		this.secure = builder.secure;
		this.tlsProtocol = builder.tlsProtocol;
		this.remoteAddress = builder.remoteAddress;
		int count = builder.headers.size() / 2;
		this.names = new String[count];
		this.values = new byte[count][];
		this.strings = new String[count];
		for (int i = 0; i < count; i++) {
			this.names[i] = builder.headers.get(2 * i);
			this.values[i] = builder.headers.get(2 * i + 1).getBytes(StandardCharsets.ISO_8859_1);
		}
	}

	/**
	 * Start a request: {@code GET} over HTTP/1.1 on a plain connection from a loopback
	 * address.
	 * @param path the path
	 * @return the builder
	 */
	public static Builder get(String path) {
		return new Builder(path);
	}

	@Override
	public String method() {
		return this.method;
	}

	@Override
	public String path() {
		String path = this.pathString;
		if (path == null) {
			path = new String(this.path, StandardCharsets.ISO_8859_1);
			this.pathString = path;
		}
		return path;
	}

	@Override
	public String rawPath() {
		return path();
	}

	@Override
	public @Nullable String rawQuery() {
		return null;
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

	private @Nullable Boolean forwarded;

	/**
	 * Forget what was remembered of the request, as a server's fresh request would not
	 * know it.
	 * @param strings whether to forget the strings made of the path and header values too,
	 * so that the next reader gets new instances with no hash code computed
	 */
	void reset(boolean strings) {
		this.forwarded = null;
		if (strings) {
			this.pathString = null;
			Arrays.fill(this.strings, null);
		}
	}

	@Override
	public boolean forwarded() {
		Boolean forwarded = this.forwarded;
		if (forwarded == null) {
			forwarded = UpgradeRequest.super.forwarded();
			this.forwarded = forwarded;
		}
		return forwarded;
	}

	@Override
	public @Nullable String header(String name) {
		String[] names = this.names;
		for (int i = 0; i < names.length; i++) {
			if (names[i].equalsIgnoreCase(name)) {
				String value = this.strings[i];
				if (value == null) {
					value = new String(this.values[i], StandardCharsets.ISO_8859_1);
					this.strings[i] = value;
				}
				return value;
			}
		}
		return null;
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder();
		text.append(this.method).append(' ').append(path()).append(' ').append(this.protocol);
		text.append(this.secure ? " (" + this.tlsProtocol + ")" : " (plain)");
		for (int i = 0; i < this.names.length; i++) {
			text.append(", ").append(this.names[i]).append(": ").append(header(this.names[i]));
		}
		return text.toString();
	}

	/**
	 * Builds a {@link BenchmarkRequest}, copying every string it is given into a new
	 * instance.
	 */
	public static final class Builder {

		private String method = fresh("GET");

		private final String path;

		private @Nullable String host = fresh("localhost");

		private @Nullable HttpProtocol protocol = HttpProtocol.HTTP_1_1;

		private boolean secure;

		private @Nullable String tlsProtocol;

		private String remoteAddress = fresh("127.0.0.1");

		private final List<String> headers = new ArrayList<>();

		private Builder(String path) {
			this.path = fresh(path);
		}

		/**
		 * Set the method.
		 * @param method the method
		 * @return this builder
		 */
		public Builder method(String method) {
			this.method = fresh(method);
			return this;
		}

		/**
		 * Set the HTTP version.
		 * @param protocol the version
		 * @return this builder
		 */
		public Builder protocol(HttpProtocol protocol) {
			this.protocol = protocol;
			return this;
		}

		/**
		 * Make the connection a TLS one.
		 * @param tlsProtocol the negotiated protocol, as Java names it ({@code TLSv1.3})
		 * @return this builder
		 */
		public Builder tls(String tlsProtocol) {
			this.secure = true;
			this.tlsProtocol = fresh(tlsProtocol);
			return this;
		}

		/**
		 * Set the peer's address.
		 * @param remoteAddress the address literal
		 * @return this builder
		 */
		public Builder remoteAddress(String remoteAddress) {
			this.remoteAddress = fresh(remoteAddress);
			return this;
		}

		/**
		 * Add a header, also setting the host for a {@code Host} header.
		 * @param name the name
		 * @param value the value
		 * @return this builder
		 */
		public Builder header(String name, String value) {
			this.headers.add(fresh(name));
			this.headers.add(fresh(value));
			if (name.equalsIgnoreCase("Host")) {
				int colon = value.lastIndexOf(':');
				this.host = fresh((colon > 0) ? value.substring(0, colon) : value);
			}
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 */
		public BenchmarkRequest build() {
			return new BenchmarkRequest(this);
		}

		/**
		 * Return a copy with its own characters and no hash code computed yet
		 * ({@code new String(String)} would share both with the original).
		 */
		static String fresh(String value) {
			return new String(value.toCharArray());
		}

	}

}
