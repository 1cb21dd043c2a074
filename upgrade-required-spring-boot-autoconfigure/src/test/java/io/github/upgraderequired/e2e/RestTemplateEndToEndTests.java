package io.github.upgraderequired.e2e;

import java.net.URI;
import java.util.Map;

import io.github.upgraderequired.client.UpgradeRequiredDetails;
import io.github.upgraderequired.client.UpgradeRequiredResponseErrorHandler;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.DefaultResponseErrorHandler;
import org.springframework.web.client.ResponseErrorHandler;
import org.springframework.web.client.RestTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The client support with {@code RestTemplate}, built from Spring Boot's builder.
 */
class RestTemplateEndToEndTests extends AbstractClientEndToEndTests {

	@Autowired
	RestTemplateBuilder builder;

	@Override
	protected String name() {
		return "rest-template";
	}

	@Override
	protected Answer call(String method, String uri, Map<String, String> headers, @Nullable String body) {
		return call(this.builder.build(), method, uri, headers, body);
	}

	private static Answer call(RestTemplate restTemplate, String method, String uri, Map<String, String> headers,
			@Nullable String body) {
		HttpHeaders requestHeaders = new HttpHeaders();
		headers.forEach(requestHeaders::set);
		try {
			ResponseEntity<String> response = restTemplate.exchange(
					new RequestEntity<>(body, requestHeaders, HttpMethod.valueOf(method), URI.create(uri)),
					String.class);
			return new Answer(response.getStatusCode().value(), response.getBody(), null);
		}
		catch (RuntimeException ex) {
			return Answer.failed(ex);
		}
	}

	@Override
	protected @Nullable Throwable bodilessGet(String uri) {
		return catchThrowable(() -> this.builder.build().headForHeaders(URI.create(uri)));
	}

	@Override
	protected void unreadableContentTypeWithABody(@Nullable Throwable error) {
		// Spring's default error handler fails on the charset; the wrapper still types the 426.
		typed(error);
	}

	@Override
	protected UpgradeRequiredDetails typed(@Nullable Throwable error) {
		return AbstractClientEndToEndTests.blockingTyped(error);
	}

	@Test
	void theApplicationsErrorHandlerIsWrappedAndItsExceptionsStand() {
		ResponseErrorHandler own = new DefaultResponseErrorHandler() {

			@Override
			protected void handleError(ClientHttpResponse response, HttpStatusCode statusCode, @Nullable URI url,
					@Nullable HttpMethod method) {
				throw new IllegalStateException("handled by the application: " + statusCode.value());
			}

		};
		RestTemplate restTemplate = this.builder.errorHandler(own).build();
		assertThat(restTemplate.getErrorHandler()).isInstanceOf(UpgradeRequiredResponseErrorHandler.class);
		assertThat(((UpgradeRequiredResponseErrorHandler) restTemplate.getErrorHandler()).getDelegate()).isSameAs(own);
		assertThatIllegalStateException()
			.isThrownBy(() -> restTemplate.getForEntity(URI.create(http("/secure/client/" + name())), String.class))
			.withMessage("handled by the application: 426");
	}

	@Test
	void anErrorHandlerThatLetsA426ThroughIsObeyed() {
		RestTemplate restTemplate = this.builder.errorHandler((response) -> false).build();
		Answer answer = call(restTemplate, "GET", http("/secure/client/" + name()), Map.of(), null);
		assertThat(answer.error()).isNull();
		assertThat(answer.status()).isEqualTo(426);
		assertThat(answer.body()).contains("\"rule\":\"secure\"");
	}

}
