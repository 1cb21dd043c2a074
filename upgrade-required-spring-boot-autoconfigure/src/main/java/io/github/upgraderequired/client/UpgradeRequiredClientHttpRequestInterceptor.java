package io.github.upgraderequired.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.support.HttpRequestWrapper;

/**
 * Shows every response of a {@code RestClient} or {@code RestTemplate} to the
 * {@link ClientResponseInspector}, and, when an {@link HttpsRetry} allows it, sends a
 * request that a {@code 426} asked to use TLS once more over https. The response goes on
 * to the caller as it came (or the https one does).
 */
public class UpgradeRequiredClientHttpRequestInterceptor implements ClientHttpRequestInterceptor {

	private static final String URI_TEMPLATE_ATTRIBUTE = "org.springframework.web.client.RestClient.uriTemplate";

	private final ClientResponseInspector inspector;

	private final @Nullable HttpsRetry retry;

	/**
	 * Create a new interceptor.
	 * @param inspector what looks at the responses
	 * @param retry which requests may be retried over https, or {@code null} for none
	 */
	public UpgradeRequiredClientHttpRequestInterceptor(ClientResponseInspector inspector, @Nullable HttpsRetry retry) {
		this.inspector = inspector;
		this.retry = retry;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		ClientHttpResponse response = execution.execute(request, body);
		String method = request.getMethod().name();
		URI uri = request.getURI();
		int status = response.getStatusCode().value();
		ClientNotice notice = this.inspector.inspect(method, uri, uriTemplate(request), status, response.getHeaders());
		if (status != 426 || this.retry == null || !this.retry.mayRetry(method, uri)) {
			return response;
		}
		List<String> upgrade = (notice != null) ? notice.upgrade() : List.of();
		if (upgrade.isEmpty()) {
			// No Upgrade header (HTTP/2, or a proxy dropped it): the body may name them.
			PeekedResponse peeked = new PeekedResponse(response);
			upgrade = UpgradeRequiredDetails.read(response.getHeaders(), peeked.peek()).upgrade();
			response = peeked;
		}
		if (!HttpsRetry.namesTls(upgrade)) {
			return response;
		}
		URI target = this.retry.target(uri);
		response.close();
		this.inspector.retried(method, uri, target);
		ClientHttpResponse retried = execution.execute(new HttpRequestWrapper(request) {

			@Override
			public URI getURI() {
				return target;
			}

		}, body);
		try {
			this.inspector.inspect(method, target, retried.getStatusCode().value(), retried.getHeaders());
		}
		catch (IOException | RuntimeException ex) {
			retried.close();
			throw ex;
		}
		return retried;
	}

	/**
	 * The URI template a {@code RestClient} request was made from ({@code RestTemplate}
	 * does not say).
	 */
	private static @Nullable String uriTemplate(HttpRequest request) {
		return (request.getAttributes().get(URI_TEMPLATE_ATTRIBUTE) instanceof String template) ? template : null;
	}

	/**
	 * A response whose first bytes were read ahead and are given back to whoever reads
	 * the body next.
	 */
	private static final class PeekedResponse implements ClientHttpResponse {

		private final ClientHttpResponse delegate;

		private byte @Nullable [] peeked;

		private @Nullable InputStream body;

		PeekedResponse(ClientHttpResponse delegate) {
			this.delegate = delegate;
		}

		byte[] peek() {
			if (this.peeked == null) {
				try {
					this.peeked = this.delegate.getBody().readNBytes(UpgradeRequiredDetails.MAX_BODY_LENGTH);
				}
				catch (IOException ex) {
					this.peeked = new byte[0];
				}
			}
			return this.peeked;
		}

		@Override
		public HttpStatusCode getStatusCode() throws IOException {
			return this.delegate.getStatusCode();
		}

		@Override
		public String getStatusText() throws IOException {
			return this.delegate.getStatusText();
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.delegate.getHeaders();
		}

		@Override
		public InputStream getBody() throws IOException {
			if (this.body == null) {
				this.body = new SequenceInputStream(new ByteArrayInputStream(peek()), this.delegate.getBody());
			}
			return this.body;
		}

		@Override
		public void close() {
			this.delegate.close();
		}

	}

}
