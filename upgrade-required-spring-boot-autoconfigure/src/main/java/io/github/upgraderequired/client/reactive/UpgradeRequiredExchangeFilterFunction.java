package io.github.upgraderequired.client.reactive;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.List;

import io.github.upgraderequired.client.ClientNotice;
import io.github.upgraderequired.client.ClientResponseInspector;
import io.github.upgraderequired.client.HttpsRetry;
import io.github.upgraderequired.client.UpgradeRequiredDetails;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Shows every response of a {@code WebClient} to the {@link ClientResponseInspector},
 * and, when an {@link HttpsRetry} allows it, sends a request that a {@code 426} asked to
 * use TLS once more over https. Also provides the status handler that turns a 426 into a
 * {@link WebClientUpgradeRequiredException}.
 */
public class UpgradeRequiredExchangeFilterFunction implements ExchangeFilterFunction {

	/**
	 * The most bytes of a 426's body kept in the exception.
	 */
	static final int MAX_BODY = 1024 * 1024;

	/**
	 * Where {@code WebClient} keeps the URI template a request was made from.
	 */
	private static final String URI_TEMPLATE_ATTRIBUTE = WebClient.class.getName() + ".uriTemplate";

	private final ClientResponseInspector inspector;

	private final @Nullable HttpsRetry retry;

	/**
	 * Create a new filter.
	 * @param inspector what looks at the responses
	 * @param retry which requests may be retried over https, or {@code null} for none
	 */
	public UpgradeRequiredExchangeFilterFunction(ClientResponseInspector inspector, @Nullable HttpsRetry retry) {
		this.inspector = inspector;
		this.retry = retry;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return next.exchange(request).flatMap((response) -> {
			String method = request.method().name();
			URI uri = request.url();
			int status = response.statusCode().value();
			String uriTemplate = (request.attribute(URI_TEMPLATE_ATTRIBUTE).orElse(null) instanceof String template)
					? template : null;
			ClientNotice notice = this.inspector.inspect(method, uri, uriTemplate, status,
					response.headers().asHttpHeaders());
			if (status != 426 || this.retry == null || !this.retry.mayRetry(method, uri)) {
				return Mono.just(response);
			}
			List<String> upgrade = (notice != null) ? notice.upgrade() : List.of();
			if (!upgrade.isEmpty()) {
				return retryIfTls(request, next, response, upgrade);
			}
			// No Upgrade header (HTTP/2, or a proxy dropped it): the body may name them.
			return body(response).flatMap((body) -> {
				ClientResponse kept = response.mutate()
					.body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)))
					.build();
				List<String> fromBody = UpgradeRequiredDetails.read(response.headers().asHttpHeaders(), body).upgrade();
				return retryIfTls(request, next, kept, fromBody);
			});
		});
	}

	private Mono<ClientResponse> retryIfTls(ClientRequest request, ExchangeFunction next, ClientResponse response,
			List<String> upgrade) {
		if (this.retry == null || !HttpsRetry.namesTls(upgrade)) {
			return Mono.just(response);
		}
		URI target = this.retry.target(request.url());
		String method = request.method().name();
		return response.releaseBody().then(Mono.defer(() -> {
			this.inspector.retried(method, request.url(), target);
			return next.exchange(ClientRequest.from(request).url(target).build());
		})).doOnNext((retried) -> this.inspector.inspect(method, target, retried.statusCode().value(),
				retried.headers().asHttpHeaders()));
	}

	/**
	 * Return a status handler for {@code WebClient.Builder#defaultStatusHandler} that
	 * turns a 426 into a {@link WebClientUpgradeRequiredException}.
	 * @param response the 426 response
	 * @return the exception, once the body is read
	 */
	public static Mono<? extends Throwable> upgradeRequired(ClientResponse response) {
		HttpHeaders headers = response.headers().asHttpHeaders();
		return body(response).map((body) -> new WebClientUpgradeRequiredException(
				UpgradeRequiredDetails.read(headers, body), statusText(response.statusCode()), headers, body,
				charset(headers), response.request()));
	}

	/**
	 * Return whether a status is a 426, for {@code WebClient.Builder#defaultStatusHandler}.
	 * @param status the status
	 * @return whether it is 426
	 */
	public static boolean isUpgradeRequired(HttpStatusCode status) {
		return status.value() == 426;
	}

	/**
	 * Read up to {@value #MAX_BODY} bytes of the body as they came: no codec, so neither
	 * a {@code Content-Type} Spring cannot read nor the codecs' size limit gets in the way.
	 * What cannot be read is an empty body, and the rest is released.
	 */
	private static Mono<byte[]> body(ClientResponse response) {
		return Mono.defer(() -> DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers()), MAX_BODY))
			.map((buffer) -> {
				try {
					byte[] bytes = new byte[buffer.readableByteCount()];
					buffer.read(bytes);
					return bytes;
				}
				finally {
					DataBufferUtils.release(buffer);
				}
			})
			.onErrorResume((ex) -> response.releaseBody().onErrorResume((ignored) -> Mono.empty()).then(Mono.just(new byte[0])))
			.defaultIfEmpty(new byte[0]);
	}

	private static String statusText(HttpStatusCode status) {
		return (status instanceof HttpStatus known) ? known.getReasonPhrase()
				: "Upgrade Required";
	}

	private static @Nullable Charset charset(HttpHeaders headers) {
		try {
			MediaType contentType = headers.getContentType();
			return (contentType != null) ? contentType.getCharset() : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
