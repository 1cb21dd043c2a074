package io.github.upgraderequired.web.servlet;

import io.github.upgraderequired.core.HttpProtocol;
import io.github.upgraderequired.core.UpgradeRequest;
import io.github.upgraderequired.web.connection.ServletConnection;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.accept.ApiVersionStrategy;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * An {@link UpgradeRequest} over an {@link HttpServletRequest}.
 */
final class ServletUpgradeRequest implements UpgradeRequest {

	private final HttpServletRequest request;

	private final @Nullable ApiVersionStrategy apiVersionStrategy;

	private @Nullable String path;

	/**
	 * Whether the request was forwarded, once a rule asked: several rules may.
	 */
	private @Nullable Boolean forwarded;

	ServletUpgradeRequest(HttpServletRequest request, @Nullable ApiVersionStrategy apiVersionStrategy) {
		this.request = request;
		this.apiVersionStrategy = apiVersionStrategy;
	}

	@Override
	public String method() {
		return this.request.getMethod();
	}

	@Override
	public String path() {
		String path = this.path;
		if (path == null) {
			path = ServletRequestPathUtils.hasParsedRequestPath(this.request)
					? ServletRequestPathUtils.getParsedRequestPath(this.request).pathWithinApplication().value()
					: this.request.getRequestURI().substring(this.request.getContextPath().length());
			this.path = path;
		}
		return path;
	}

	@Override
	public String rawPath() {
		return this.request.getRequestURI();
	}

	@Override
	public @Nullable String rawQuery() {
		return this.request.getQueryString();
	}

	@Override
	public @Nullable String host() {
		return this.request.getServerName();
	}

	@Override
	public @Nullable HttpProtocol protocol() {
		return ServletConnection.protocol(this.request);
	}

	@Override
	public boolean secure() {
		return this.request.isSecure();
	}

	@Override
	public @Nullable String remoteAddress() {
		return this.request.getRemoteAddr();
	}

	@Override
	public @Nullable String header(String name) {
		return this.request.getHeader(name);
	}

	@Override
	public @Nullable String apiVersion() {
		if (this.apiVersionStrategy == null) {
			return null;
		}
		try {
			return this.apiVersionStrategy.resolveVersion(this.request);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	@Override
	public @Nullable String tlsProtocol() {
		return ServletConnection.tlsProtocol(this.request);
	}

	@Override
	public boolean forwarded() {
		Boolean forwarded = this.forwarded;
		if (forwarded == null) {
			forwarded = ServletConnection.forwarded(this.request);
			this.forwarded = forwarded;
		}
		return forwarded;
	}

	@Override
	public @Nullable String peerAddress() {
		return ServletConnection.peerAddress(this.request);
	}

}
