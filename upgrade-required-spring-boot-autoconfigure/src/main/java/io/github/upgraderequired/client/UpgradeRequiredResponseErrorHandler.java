package io.github.upgraderequired.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResponseErrorHandler;

/**
 * Turns a {@code 426} into an {@link UpgradeRequiredException}.
 * <p>
 * Alone (for {@code RestClient}, where it is one status handler among others) it handles
 * 426 responses only. Around another handler (a {@code RestTemplate}'s) it wraps, never
 * replaces: the other handler decides what is an error and handles it, and only the
 * plain {@link HttpClientErrorException} it throws for a 426 (as Spring's default handler
 * does) becomes the typed exception; anything else it throws, or its decision not to
 * throw, stands.
 */
public class UpgradeRequiredResponseErrorHandler implements ResponseErrorHandler {

	/**
	 * The most bytes of a 426's body kept in the exception.
	 */
	static final int MAX_BODY = 1024 * 1024;

	private final @Nullable ResponseErrorHandler delegate;

	/**
	 * Create a handler for 426 responses only.
	 */
	public UpgradeRequiredResponseErrorHandler() {
		this(null);
	}

	/**
	 * Create a handler around another.
	 * @param delegate the handler to wrap, or {@code null} to handle 426 responses only
	 */
	public UpgradeRequiredResponseErrorHandler(@Nullable ResponseErrorHandler delegate) {
		this.delegate = delegate;
	}

	/**
	 * Return the handler this one wraps.
	 * @return the wrapped handler, or {@code null}
	 */
	public @Nullable ResponseErrorHandler getDelegate() {
		return this.delegate;
	}

	@Override
	public boolean hasError(ClientHttpResponse response) throws IOException {
		return (this.delegate != null) ? this.delegate.hasError(response) : response.getStatusCode().value() == 426;
	}

	@Override
	public void handleError(URI url, HttpMethod method, ClientHttpResponse response) throws IOException {
		if (this.delegate == null) {
			if (response.getStatusCode().value() == 426) {
				throw create(response);
			}
			return;
		}
		try {
			this.delegate.handleError(url, method, response);
		}
		catch (HttpClientErrorException ex) {
			throw typed(ex);
		}
		catch (InvalidMediaTypeException ex) {
			// Spring's default handler reads the charset of the Content-Type to keep the body;
			// a 426 still says what to upgrade to in its headers.
			if (response.getStatusCode().value() != 426) {
				throw ex;
			}
			throw create(response);
		}
	}

	/**
	 * Return the typed exception for a plain {@link HttpClientErrorException} of a 426,
	 * else the exception itself.
	 * @param ex the exception
	 * @return the exception to throw
	 */
	static HttpClientErrorException typed(HttpClientErrorException ex) {
		if (ex.getClass() != HttpClientErrorException.class || ex.getStatusCode().value() != 426) {
			return ex;
		}
		HttpHeaders headers = ex.getResponseHeaders();
		UpgradeRequiredException typed = new UpgradeRequiredException(ex.getStatusText(), headers,
				ex.getResponseBodyAsByteArray(), charset(headers));
		typed.setStackTrace(ex.getStackTrace());
		return typed;
	}

	private static UpgradeRequiredException create(ClientHttpResponse response) throws IOException {
		HttpHeaders headers = response.getHeaders();
		byte[] body;
		try (InputStream in = response.getBody()) {
			body = in.readNBytes(MAX_BODY);
		}
		catch (IOException ex) {
			// A body cut short still leaves the headers to read.
			body = new byte[0];
		}
		return new UpgradeRequiredException(response.getStatusText(), headers, body, charset(headers));
	}

	private static @Nullable Charset charset(@Nullable HttpHeaders headers) {
		try {
			MediaType contentType = (headers != null) ? headers.getContentType() : null;
			return (contentType != null) ? contentType.getCharset() : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
