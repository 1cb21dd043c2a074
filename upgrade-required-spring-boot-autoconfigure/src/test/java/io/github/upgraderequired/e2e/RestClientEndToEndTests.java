package io.github.upgraderequired.e2e;

import java.net.URI;
import java.util.Map;

import io.github.upgraderequired.client.UpgradeRequiredDetails;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The client support with {@code RestClient}, built from Spring Boot's builder.
 */
class RestClientEndToEndTests extends AbstractClientEndToEndTests {

	@Autowired
	RestClient.Builder builder;

	@Override
	protected String name() {
		return "rest-client";
	}

	@Override
	protected Answer call(String method, String uri, Map<String, String> headers, @Nullable String body) {
		try {
			RestClient.RequestBodySpec request = this.builder.build()
				.method(HttpMethod.valueOf(method))
				.uri(URI.create(uri))
				.headers((target) -> headers.forEach(target::set));
			if (body != null) {
				request.body(body);
			}
			ResponseEntity<String> response = request.retrieve().toEntity(String.class);
			return new Answer(response.getStatusCode().value(), response.getBody(), null);
		}
		catch (RuntimeException ex) {
			return Answer.failed(ex);
		}
	}

	@Override
	protected @Nullable Throwable bodilessGet(String uri) {
		return catchThrowable(() -> this.builder.build().get().uri(URI.create(uri)).retrieve().toBodilessEntity());
	}

	@Override
	protected void unreadableContentTypeWithABody(@Nullable Throwable error) {
		// Spring reads the Content-Type to convert the body before any status handler runs.
		assertThat(error).isInstanceOf(InvalidMediaTypeException.class);
	}

	@Override
	protected UpgradeRequiredDetails typed(@Nullable Throwable error) {
		return AbstractClientEndToEndTests.blockingTyped(error);
	}

	@Test
	void requestsFromOneUriTemplateAreLoggedOnce(CapturedOutput output) {
		// The template names the client: the application, and so the log's memory, is shared.
		String template = "http://127.0.0.1:" + ClientTestServer.httpPort() + "/other/deprecated/" + name() + "-{id}";
		for (String id : new String[] { "a", "b", "c" }) {
			this.builder.build().get().uri(template, id).retrieve().toBodilessEntity();
		}
		assertThat(output.toString().split("/other/deprecated/" + name() + "-[abc]: the server deprecated", -1))
			.hasSize(2);
	}

	@Test
	void anHttpServiceClientThrowsTheTypedExceptionToo(@Autowired ClientEndToEndConfiguration.ApiService api) {
		// Spring Boot applies RestClientCustomizers to the groups of HTTP service clients.
		assertThat(api.hello("3")).containsEntry("message", "hello");
		UpgradeRequiredDetails details = typed(catchThrowable(() -> api.hello("1")));
		assertThat(details.rule()).isEqualTo("api");
		assertThat(details.minimum()).isEqualTo("2");
	}

	@Test
	void aStatusHandlerOfTheRequestStillComesFirst() {
		RestClient client = this.builder.build();
		assertThatIllegalStateException().isThrownBy(() -> client.get()
			.uri(URI.create(http("/api/hello")))
			.header("API-Version", "1")
			.retrieve()
			.onStatus((status) -> status.value() == 426, (request, response) -> {
				throw new IllegalStateException("handled by the application");
			})
			.toBodilessEntity()).withMessage("handled by the application");
	}

}
