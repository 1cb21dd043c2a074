package io.github.upgraderequired.autoconfigure.client;

import java.util.List;
import java.util.regex.Pattern;

import io.github.upgraderequired.autoconfigure.UpgradeRequiredConfigurationException;
import io.github.upgraderequired.autoconfigure.UpgradeRequiredProperties;
import io.github.upgraderequired.client.ClientNoticeListener;
import io.github.upgraderequired.client.ClientResponseInspector;
import io.github.upgraderequired.client.EventPublishingClientNoticeListener;
import io.github.upgraderequired.client.HttpsRetry;
import io.github.upgraderequired.client.UpgradeRequiredClientHttpRequestInterceptor;
import io.github.upgraderequired.client.UpgradeRequiredResponseErrorHandler;
import io.github.upgraderequired.client.reactive.UpgradeRequiredExchangeFilterFunction;
import io.github.upgraderequired.metrics.MeterClientNoticeListener;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.client.ResponseErrorHandler;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the client support, opt-in with
 * {@code upgrade-required.client.enabled=true}: Spring Boot's {@code RestClient.Builder},
 * {@code RestTemplateBuilder} and {@code WebClient.Builder} get a typed exception for a
 * {@code 426}, and their responses are shown to a {@link ClientResponseInspector}. Each
 * client backs off when its classes are absent. Works in any application, web or not.
 */
@AutoConfiguration(
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(ResponseErrorHandler.class)
@ConditionalOnBooleanProperty(name = UpgradeRequiredProperties.PREFIX + ".enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = UpgradeRequiredClientProperties.PREFIX + ".enabled")
@EnableConfigurationProperties(UpgradeRequiredClientProperties.class)
public final class UpgradeRequiredClientAutoConfiguration {

	private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\]");

	@Bean
	@ConditionalOnMissingBean
	ClientResponseInspector upgradeRequiredClientResponseInspector(UpgradeRequiredClientProperties properties,
			ObjectProvider<ClientNoticeListener> listeners) {
		if (properties.getLogInterval().isNegative()) {
			throw new UpgradeRequiredConfigurationException(UpgradeRequiredClientProperties.PREFIX + ".log-interval",
					properties.getLogInterval(), "the interval must not be negative",
					"Set a duration such as 1h, or 0 to log every response");
		}
		return new ClientResponseInspector(listeners.orderedStream().toList(), properties.getLogInterval());
	}

	@Bean
	@ConditionalOnMissingBean
	EventPublishingClientNoticeListener upgradeRequiredClientEventPublisher(ApplicationEventPublisher publisher) {
		return new EventPublishingClientNoticeListener(publisher);
	}

	/**
	 * Return the https retry the properties ask for.
	 * @param properties the properties
	 * @return the retry, or {@code null} if no host is listed
	 */
	static @Nullable HttpsRetry httpsRetry(UpgradeRequiredClientProperties properties) {
		UpgradeRequiredClientProperties.HttpsRetry retry = properties.getHttpsRetry();
		List<String> hosts = retry.getHosts();
		if (hosts.isEmpty()) {
			return null;
		}
		String prefix = UpgradeRequiredClientProperties.PREFIX + ".https-retry";
		for (int i = 0; i < hosts.size(); i++) {
			String host = hosts.get(i);
			if (host == null || !HOST.matcher(host).matches()) {
				throw new UpgradeRequiredConfigurationException(prefix + ".hosts[" + i + "]", host,
						"not a host name or address literal",
						"List host names only, without scheme, port or path, such as api.example.com or [::1]");
			}
		}
		if (retry.getPort() < 1 || retry.getPort() > 65535) {
			throw new UpgradeRequiredConfigurationException(prefix + ".port", retry.getPort(),
					"not a TCP port", "Set the hosts' https port, between 1 and 65535 (443 by default)");
		}
		return new HttpsRetry(hosts, retry.getPort());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class ClientMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MeterClientNoticeListener upgradeRequiredMeterClientNoticeListener(MeterRegistry registry,
				UpgradeRequiredClientProperties properties) {
			return new MeterClientNoticeListener(registry, properties.getMetrics().isHostTag());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ RestClient.class, RestClientCustomizer.class })
	static class RestClientConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "upgradeRequiredRestClientCustomizer")
		@Order(Ordered.LOWEST_PRECEDENCE)
		RestClientCustomizer upgradeRequiredRestClientCustomizer(ClientResponseInspector inspector,
				UpgradeRequiredClientProperties properties) {
			UpgradeRequiredClientHttpRequestInterceptor interceptor = new UpgradeRequiredClientHttpRequestInterceptor(
					inspector, httpsRetry(properties));
			return (builder) -> builder.requestInterceptors((interceptors) -> interceptors.add(0, interceptor))
				.defaultStatusHandler(new UpgradeRequiredResponseErrorHandler());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ RestTemplate.class, RestTemplateCustomizer.class })
	static class RestTemplateConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "upgradeRequiredRestTemplateCustomizer")
		@Order(Ordered.LOWEST_PRECEDENCE)
		RestTemplateCustomizer upgradeRequiredRestTemplateCustomizer(ClientResponseInspector inspector,
				UpgradeRequiredClientProperties properties) {
			UpgradeRequiredClientHttpRequestInterceptor interceptor = new UpgradeRequiredClientHttpRequestInterceptor(
					inspector, httpsRetry(properties));
			return (restTemplate) -> {
				// Once per template, however often it is customized.
				if (restTemplate.getInterceptors()
					.stream()
					.noneMatch(UpgradeRequiredClientHttpRequestInterceptor.class::isInstance)) {
					restTemplate.getInterceptors().add(0, interceptor);
				}
				if (!(restTemplate.getErrorHandler() instanceof UpgradeRequiredResponseErrorHandler)) {
					restTemplate.setErrorHandler(new UpgradeRequiredResponseErrorHandler(restTemplate.getErrorHandler()));
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ WebClient.class, WebClientCustomizer.class })
	static class WebClientConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "upgradeRequiredWebClientCustomizer")
		@Order(Ordered.LOWEST_PRECEDENCE)
		WebClientCustomizer upgradeRequiredWebClientCustomizer(ClientResponseInspector inspector,
				UpgradeRequiredClientProperties properties) {
			UpgradeRequiredExchangeFilterFunction filter = new UpgradeRequiredExchangeFilterFunction(inspector,
					httpsRetry(properties));
			return (builder) -> builder.filters((filters) -> filters.add(0, filter))
				.defaultStatusHandler(UpgradeRequiredExchangeFilterFunction::isUpgradeRequired,
						UpgradeRequiredExchangeFilterFunction::upgradeRequired);
		}

	}

}
