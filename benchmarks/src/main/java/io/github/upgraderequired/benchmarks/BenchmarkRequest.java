package io.github.upgraderequired.benchmarks;

import java.util.ArrayList;
import java.util.List;

import io.github.upgraderequired.core.HttpProtocol;
import io.github.upgraderequired.core.UpgradeRequest;
import org.jspecify.annotations.Nullable;

/**
 * An {@link UpgradeRequest} held in fields, as a server holds a parsed request: its
 * headers sit in a small array of names and values that {@link #header(String)} scans
 * case-insensitively, the way Tomcat's {@code MimeHeaders} does. Every string is a fresh
 * instance, so that no hash code or interned constant is shared between requests.
 * {@link #forwarded()} reads the forwarding headers once per request, as the adapters do;
 * {@link #reset()} forgets the answer, so that a pooled request is new to every invocation.
 */
public final class BenchmarkRequest implements UpgradeRequest {

	private final String method;

	private final String path;

	private final @Nullable String host;

	private final @Nullable HttpProtocol protocol;

	private final boolean secure;

	private final @Nullable String tlsProtocol;

	private final String remoteAddress;

	private final String[] headers;

	private BenchmarkRequest(Builder builder) {
		this.method = builder.method;
		this.path = builder.path;
		this.host = builder.host;
		this.protocol = builder.protocol;
		this.secure = builder.secure;
		this.tlsProtocol = builder.tlsProtocol;
		this.remoteAddress = builder.remoteAddress;
		this.headers = builder.headers.toArray(String[]::new);
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
		return this.path;
	}

	@Override
	public String rawPath() {
		return this.path;
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
	 */
	void reset() {
		this.forwarded = null;
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
		String[] headers = this.headers;
		for (int i = 0; i < headers.length; i += 2) {
			if (headers[i].equalsIgnoreCase(name)) {
				return headers[i + 1];
			}
		}
		return null;
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder();
		text.append(this.method).append(' ').append(this.path).append(' ').append(this.protocol);
		text.append(this.secure ? " (" + this.tlsProtocol + ")" : " (plain)");
		for (int i = 0; i < this.headers.length; i += 2) {
			text.append(", ").append(this.headers[i]).append(": ").append(this.headers[i + 1]);
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
