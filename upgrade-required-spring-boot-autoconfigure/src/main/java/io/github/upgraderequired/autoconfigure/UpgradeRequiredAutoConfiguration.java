package io.github.upgraderequired.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;

import io.github.upgraderequired.core.DecisionListener;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.core.UpgradeRule;
import io.github.upgraderequired.event.EventPublishingDecisionListener;
import io.github.upgraderequired.render.HtmlPage;
import io.github.upgraderequired.render.UpgradeResponseRenderer;
import io.github.upgraderequired.web.UpgradePipeline;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Auto-configuration of the upgrade-required engine, its renderer and the request
 * pipeline made of the two, shared by the Spring MVC and WebFlux adapters.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@ConditionalOnClass(PathPatternParser.class)
@ConditionalOnBooleanProperty(name = UpgradeRequiredProperties.PREFIX + ".enabled", matchIfMissing = true)
@EnableConfigurationProperties(UpgradeRequiredProperties.class)
public final class UpgradeRequiredAutoConfiguration {

	private static final Log logger = LogFactory.getLog(UpgradeRequiredAutoConfiguration.class);

	private static final String PAGE_PROPERTY = UpgradeRequiredProperties.PREFIX + ".response.page";

	@Bean
	@ConditionalOnMissingBean(UpgradeEngine.class)
	PolicyCompiler upgradeRequiredPolicyCompiler(Environment environment, ListableBeanFactory beanFactory,
			ObjectProvider<UpgradeRule> ruleBeans, ObjectProvider<DecisionListener> listeners,
			ObjectProvider<Clock> clock) {
		// Only for the engine compiled here: with an engine of the application's own there is
		// nothing to compile, at start-up or on a refresh.
		return new PolicyCompiler(environment, beanFactory, ruleBeans, listeners, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	UpgradeEngine upgradeEngine(UpgradeRequiredProperties properties, PolicyCompiler compiler) {
		// The keys were checked before any bean was created (ConfigurationCheck).
		UpgradeEngine engine = compiler.compile(properties);
		logger.info(RulesSummary.of(engine));
		return engine;
	}

	@Bean
	static LazyInitializationExcludeFilter upgradeRequiredEngineIsEager() {
		// The rules are checked where they are created: with lazy initialization that would
		// be at the first request, not at start-up.
		return LazyInitializationExcludeFilter.forBeanTypes(UpgradeEngine.class);
	}

	@Bean
	@ConditionalOnMissingBean
	EventPublishingDecisionListener upgradeRequiredEventPublisher(ApplicationContext context) {
		return new EventPublishingDecisionListener(context);
	}

	@Bean
	@ConditionalOnMissingBean
	UpgradeResponseRenderer upgradeResponseRenderer(UpgradeRequiredProperties properties,
			ResourceLoader resourceLoader) {
		return new UpgradeResponseRenderer(properties.getResponse().getProblemType().toString(),
				page(properties.getResponse().getPage(), resourceLoader));
	}

	@Bean
	@ConditionalOnMissingBean
	UpgradePipeline upgradeRequiredPipeline(UpgradeEngine engine, UpgradeResponseRenderer renderer) {
		return new UpgradePipeline(engine, renderer);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.web.server.context.WebServerInitializedEvent")
	static final class WebServerConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TlsVersionVisibility upgradeRequiredTlsVersionVisibility(UpgradeEngine engine,
				UpgradeRequiredProperties properties, Environment environment) {
			return new TlsVersionVisibility(engine, properties, environment);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.apache.catalina.valves.ValveBase",
			"org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory" })
	static final class TomcatConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ConnectionRecordingValveCustomizer upgradeRequiredConnectionRecordingValveCustomizer(
				UpgradeRequiredProperties properties, ListableBeanFactory beanFactory) {
			// Rule beans are not created here: their names are enough.
			boolean ruleBeans = beanFactory.getBeanNamesForType(UpgradeRule.class, true, false).length > 0;
			return new ConnectionRecordingValveCustomizer(properties, ruleBeans);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(name = { "reactor.netty.http.server.HttpServer",
			"org.springframework.boot.reactor.netty.NettyServerCustomizer" })
	static final class NettyConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty(UpgradeRequiredProperties.PREFIX + ".proxy.restrict-netty-forwarding")
		TrustedForwardingNettyCustomizer upgradeRequiredTrustedForwardingNettyCustomizer(
				UpgradeRequiredProperties properties) {
			return new TrustedForwardingNettyCustomizer(PropertiesRules.proxies(properties.getProxy()));
		}

		@Bean
		@ConditionalOnMissingBean
		ConnectionUpgradeOptionNettyCustomizer upgradeRequiredConnectionUpgradeOptionNettyCustomizer() {
			return new ConnectionUpgradeOptionNettyCustomizer();
		}

	}

	private static HtmlPage page(@Nullable String location, ResourceLoader resourceLoader) {
		if (location == null) {
			return HtmlPage.defaultPage();
		}
		HtmlPage page;
		try (InputStream in = resourceLoader.getResource(location).getInputStream()) {
			page = HtmlPage.parse(in.readAllBytes());
		}
		catch (IOException | IllegalArgumentException ex) {
			logger.warn("The page '" + location + "' set in '" + PAGE_PROPERTY + "' cannot be used ("
					+ ex.getMessage() + "); the built-in page is used instead");
			return HtmlPage.defaultPage();
		}
		if (!page.unknownPlaceholders().isEmpty()) {
			logger.warn("The page '" + location + "' set in '" + PAGE_PROPERTY + "' has placeholders that render as "
					+ "nothing: " + page.unknownPlaceholders() + "; known are " + HtmlPage.PLACEHOLDERS);
		}
		return page;
	}

}
