package io.github.upgraderequired.autoconfigure;

import io.github.upgraderequired.autoconfigure.client.UpgradeRequiredClientAutoConfiguration;
import io.github.upgraderequired.client.ClientResponseInspector;
import io.github.upgraderequired.client.EventPublishingClientNoticeListener;
import io.github.upgraderequired.client.UpgradeRequiredClientHttpRequestInterceptor;
import io.github.upgraderequired.client.UpgradeRequiredResponseErrorHandler;
import io.github.upgraderequired.metrics.MeterClientNoticeListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.web.client.DefaultResponseErrorHandler;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client support is opt-in, backs off without each client's classes, works in an
 * application that is not a web application, and reports bad properties by name.
 */
class UpgradeRequiredClientAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(UpgradeRequiredClientAutoConfiguration.class));

	@Test
	void offByDefault() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(ClientResponseInspector.class)
			.doesNotHaveBean(RestClientCustomizer.class)
			.doesNotHaveBean(RestTemplateCustomizer.class)
			.doesNotHaveBean(WebClientCustomizer.class));
	}

	@Test
	void offWhenTheStarterIsOff() {
		this.runner.withPropertyValues("upgrade-required.client.enabled=true", "upgrade-required.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ClientResponseInspector.class));
	}

	@Test
	void onItCustomizesEveryClientOfANonWebApplication() {
		this.runner.withPropertyValues("upgrade-required.client.enabled=true")
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ClientResponseInspector.class)
				.hasSingleBean(EventPublishingClientNoticeListener.class)
				.hasSingleBean(MeterClientNoticeListener.class)
				.hasSingleBean(RestClientCustomizer.class)
				.hasSingleBean(RestTemplateCustomizer.class)
				.hasSingleBean(WebClientCustomizer.class));
	}

	@Test
	void withoutAMeterRegistryNothingIsCounted() {
		this.runner.withPropertyValues("upgrade-required.client.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(ClientResponseInspector.class)
				.doesNotHaveBean(MeterClientNoticeListener.class));
	}

	@Test
	void eachClientBacksOffWithoutItsClasses() {
		this.runner.withPropertyValues("upgrade-required.client.enabled=true")
			.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).hasSingleBean(RestClientCustomizer.class)
				.hasSingleBean(RestTemplateCustomizer.class)
				.doesNotHaveBean(WebClientCustomizer.class));
		this.runner.withPropertyValues("upgrade-required.client.enabled=true")
			.withClassLoader(new FilteredClassLoader(RestClientCustomizer.class, RestTemplateCustomizer.class))
			.run((context) -> assertThat(context).doesNotHaveBean(RestClientCustomizer.class)
				.doesNotHaveBean(RestTemplateCustomizer.class)
				.hasSingleBean(WebClientCustomizer.class));
	}

	@Test
	void aRestTemplatesErrorHandlerIsWrappedOnceAndTheInterceptorComesFirst() {
		this.runner.withPropertyValues("upgrade-required.client.enabled=true").run((context) -> {
			RestTemplateCustomizer customizer = context.getBean(RestTemplateCustomizer.class);
			RestTemplate restTemplate = new RestTemplate();
			DefaultResponseErrorHandler own = new DefaultResponseErrorHandler();
			restTemplate.setErrorHandler(own);
			restTemplate.getInterceptors().add((request, body, execution) -> execution.execute(request, body));
			customizer.customize(restTemplate);
			customizer.customize(restTemplate);
			assertThat(restTemplate.getErrorHandler()).isInstanceOf(UpgradeRequiredResponseErrorHandler.class);
			assertThat(((UpgradeRequiredResponseErrorHandler) restTemplate.getErrorHandler()).getDelegate())
				.isSameAs(own);
			assertThat(restTemplate.getInterceptors()).hasSize(2);
			assertThat(restTemplate.getInterceptors().get(0))
				.isInstanceOf(UpgradeRequiredClientHttpRequestInterceptor.class);
		});
	}

	@Test
	void theApplicationsOwnCustomizersRunBeforeTheStarters() {
		RestClientCustomizer own = (builder) -> {
		};
		WebClientCustomizer ownWeb = (builder) -> {
		};
		this.runner.withPropertyValues("upgrade-required.client.enabled=true")
			.withBean("ownRestClientCustomizer", RestClientCustomizer.class, () -> own)
			.withBean("ownWebClientCustomizer", WebClientCustomizer.class, () -> ownWeb)
			.run((context) -> {
				assertThat(context.getBeanProvider(RestClientCustomizer.class).orderedStream().toList())
					.hasSize(2)
					.first()
					.isSameAs(own);
				assertThat(context.getBeanProvider(WebClientCustomizer.class).orderedStream().toList())
					.hasSize(2)
					.first()
					.isSameAs(ownWeb);
			});
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			upgrade-required.client.https-retry.hosts[0] | https://api.example.com | https://api.example.com | host names only
			upgrade-required.client.https-retry.hosts[0] | api.example.com:8443    | api.example.com:8443    | host names only
			upgrade-required.client.https-retry.port     | 0                       | '0'                     | between 1 and 65535
			upgrade-required.client.log-interval         | -1s                     | PT-1S                   | 0 to log every response
			""")
	void badPropertiesStopStartUpWithTheirName(String property, String value, String shown, String fix) {
		this.runner
			.withPropertyValues("upgrade-required.client.enabled=true",
					"upgrade-required.client.https-retry.hosts[0]=api.example.com", property + "=" + value)
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new UpgradeRequiredFailureAnalyzer(null).analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("Property: " + property).contains(shown);
				assertThat(analysis.getAction()).contains(fix);
			});
	}

}
