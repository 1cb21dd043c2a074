package io.github.upgraderequired.sample;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.RequestEntity;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Spring's three HTTP clients as a calling service gets them: from the builders of a
 * Spring Boot application (not a web application) with the client support on.
 */
final class SpringClients implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private SpringClients(ConfigurableApplicationContext context) {
		this.context = context;
	}

	static SpringClients start() {
		return new SpringClients(new SpringApplicationBuilder(CallingService.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "upgrade-required.client.enabled=true",
					"spring.config.location=optional:classpath:/no-such-file.yml")
			.run());
	}

	/**
	 * Send a GET with each client and return what each threw, in order: RestClient,
	 * RestTemplate, WebClient; {@code null} for a client that threw nothing.
	 */
	List<Throwable> getWithEach(URI uri, Map<String, String> headers) {
		Function<Runnable, Throwable> thrown = (call) -> {
			try {
				call.run();
				return null;
			}
			catch (RuntimeException ex) {
				return ex;
			}
		};
		HttpHeaders requestHeaders = new HttpHeaders();
		headers.forEach(requestHeaders::set);
		RestClient restClient = this.context.getBean(RestClient.Builder.class).build();
		RestTemplateBuilder restTemplate = this.context.getBean(RestTemplateBuilder.class);
		WebClient webClient = this.context.getBean(WebClient.Builder.class).build();
		return java.util.Arrays.asList(
				thrown.apply(() -> restClient.get().uri(uri).headers((h) -> h.addAll(requestHeaders)).retrieve()
					.toBodilessEntity()),
				thrown.apply(() -> restTemplate.build()
					.exchange(new RequestEntity<>(requestHeaders, HttpMethod.GET, uri), String.class)),
				thrown.apply(() -> webClient.get().uri(uri).headers((h) -> h.addAll(requestHeaders)).retrieve()
					.toBodilessEntity().block()));
	}

	double count(String outcome) {
		Counter counter = this.context.getBean(MeterRegistry.class)
			.find("upgrade.required.client.responses")
			.tag("outcome", outcome)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	@Override
	public void close() {
		this.context.close();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class CallingService {

	}

}
