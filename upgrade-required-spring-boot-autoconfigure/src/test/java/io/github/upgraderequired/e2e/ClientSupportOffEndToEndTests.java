package io.github.upgraderequired.e2e;

import java.net.URI;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Without {@code upgrade-required.client.enabled} nothing changes: the three clients
 * throw what Spring throws for any 4xx, nothing is counted or published, and nothing is
 * retried, though the https-retry hosts are listed.
 */
@SpringBootTest(classes = { EndToEndApplication.class, ClientTestServer.class, ClientEndToEndConfiguration.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "upgrade-required.client.https-retry.hosts=localhost" })
@ActiveProfiles("e2e")
class ClientSupportOffEndToEndTests {

	@LocalServerPort
	int port;

	@Autowired
	RestClient.Builder restClient;

	@Autowired
	RestTemplateBuilder restTemplate;

	@Autowired
	WebClient.Builder webClient;

	@Autowired
	ClientEndToEndConfiguration.ClientEvents events;

	@Autowired
	MeterRegistry registry;

	@Autowired
	ApplicationContext context;

	@Test
	void a426IsThePlainExceptionOfEachClient() {
		URI secure = URI.create("http://localhost:" + this.port + "/secure/hello");
		assertThat(catchThrowable(() -> this.restClient.build().get().uri(secure).retrieve().toBodilessEntity()))
			.isExactlyInstanceOf(HttpClientErrorException.class);
		assertThat(catchThrowable(() -> this.restTemplate.build().getForEntity(secure, String.class)))
			.isExactlyInstanceOf(HttpClientErrorException.class);
		assertThat(catchThrowable(() -> this.webClient.build().get().uri(secure).retrieve().toBodilessEntity().block()))
			.isExactlyInstanceOf(WebClientResponseException.class);
	}

	@Test
	void nothingIsCountedPublishedOrConfigured() {
		URI deprecated = URI.create("http://localhost:" + this.port + "/deprecated/hello");
		assertThat(this.restClient.build().get().uri(deprecated).retrieve().toEntity(String.class).getHeaders()
			.getFirst("Deprecation")).isEqualTo("@1577836800");
		assertThat(this.registry.find("upgrade.required.client.responses").meters()).isEmpty();
		assertThat(this.events.received).isEmpty();
		assertThat(this.context.getBeanNamesForType(io.github.upgraderequired.client.ClientResponseInspector.class))
			.isEmpty();
		assertThat(this.restTemplate.build().getInterceptors()).isEmpty();
		this.restClient.requestInterceptors((interceptors) -> assertThat(interceptors).isEmpty());
		this.webClient.filters((filters) -> assertThat(filters).isEmpty());
	}

	@Test
	void aContentTypeSpringCannotReadFailsTheSameWithoutTheClientSupport() {
		URI odd = URI.create("http://localhost:" + this.port + "/other/unknown-charset-426");
		assertThat(catchThrowable(() -> this.restClient.build().get().uri(odd).retrieve().toBodilessEntity()))
			.isInstanceOf(InvalidMediaTypeException.class);
		assertThat(catchThrowable(() -> this.restTemplate.build().getForEntity(odd, String.class)))
			.isInstanceOf(InvalidMediaTypeException.class);
		assertThat(catchThrowable(() -> this.webClient.build().get().uri(odd).retrieve().toBodilessEntity().block()))
			.isInstanceOf(InvalidMediaTypeException.class);
	}

}
