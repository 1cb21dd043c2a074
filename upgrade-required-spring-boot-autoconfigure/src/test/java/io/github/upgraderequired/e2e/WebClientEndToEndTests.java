package io.github.upgraderequired.e2e;

import java.net.URI;
import java.util.Map;

import io.github.upgraderequired.client.UpgradeRequiredDetails;
import io.github.upgraderequired.client.reactive.WebClientUpgradeRequiredException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The client support with {@code WebClient}, built from Spring Boot's builder.
 */
class WebClientEndToEndTests extends AbstractClientEndToEndTests {

	@Autowired
	WebClient.Builder builder;

	@Override
	protected String name() {
		return "web-client";
	}

	@Override
	protected Answer call(String method, String uri, Map<String, String> headers, @Nullable String body) {
		try {
			WebClient.RequestBodySpec request = this.builder.build()
				.method(HttpMethod.valueOf(method))
				.uri(URI.create(uri))
				.headers((target) -> headers.forEach(target::set));
			WebClient.RequestHeadersSpec<?> withBody = (body != null) ? request.bodyValue(body) : request;
			ResponseEntity<String> response = withBody.retrieve().toEntity(String.class).block();
			return new Answer(response.getStatusCode().value(), response.getBody(), null);
		}
		catch (RuntimeException ex) {
			return Answer.failed(ex);
		}
	}

	@Override
	protected @Nullable Throwable bodilessGet(String uri) {
		return catchThrowable(
				() -> this.builder.build().get().uri(URI.create(uri)).retrieve().toBodilessEntity().block());
	}

	@Override
	protected void unreadableContentTypeWithABody(@Nullable Throwable error) {
		// Spring starts to decode the body, reading its Content-Type, before the status
		// handlers run.
		assertThat(error).isInstanceOf(InvalidMediaTypeException.class);
	}

	@Override
	protected UpgradeRequiredDetails typed(@Nullable Throwable error) {
		assertThat(error).isInstanceOf(WebClientUpgradeRequiredException.class)
			.isInstanceOf(WebClientResponseException.class);
		WebClientUpgradeRequiredException upgradeRequired = (WebClientUpgradeRequiredException) error;
		assertThat(upgradeRequired.getStatusCode().value()).isEqualTo(426);
		assertThat(upgradeRequired.getMessage()).startsWith("426 Upgrade Required");
		assertThat(upgradeRequired.getRequest()).isNotNull();
		return upgradeRequired.getDetails();
	}

	@Test
	void requestsFromOneUriTemplateAreLoggedOnce(CapturedOutput output) {
		// The template names the client: the application, and so the log's memory, is shared.
		String template = "http://127.0.0.1:" + ClientTestServer.httpPort() + "/other/deprecated/" + name() + "-{id}";
		for (String id : new String[] { "a", "b", "c" }) {
			this.builder.build().get().uri(template, id).retrieve().toBodilessEntity().block();
		}
		assertThat(output.toString().split("/other/deprecated/" + name() + "-[abc]: the server deprecated", -1))
			.hasSize(2);
	}

	@Test
	void aStatusHandlerOfTheRequestStillComesFirst() {
		WebClient client = this.builder.build();
		assertThatIllegalStateException().isThrownBy(() -> client.get()
			.uri(URI.create(http("/api/hello")))
			.header("API-Version", "1")
			.retrieve()
			.onStatus((status) -> status.value() == 426,
					(response) -> Mono.error(new IllegalStateException("handled by the application")))
			.toBodilessEntity()
			.block()).withMessage("handled by the application");
	}

}
