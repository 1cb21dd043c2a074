package io.github.upgraderequired.autoconfigure.web.reactive;

import java.lang.reflect.Field;
import java.util.List;

import io.github.upgraderequired.autoconfigure.UpgradeRequiredAutoConfiguration;
import io.github.upgraderequired.core.RuleSettings;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.core.rule.HttpsRule;
import io.github.upgraderequired.render.UpgradeResponseRenderer;
import io.github.upgraderequired.web.UpgradePipeline;
import io.github.upgraderequired.web.reactive.UpgradeRequiredWebFilter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UpgradeRequiredWebFluxAutoConfiguration}.
 */
class UpgradeRequiredWebFluxAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(UpgradeRequiredAutoConfiguration.class, UpgradeRequiredWebFluxAutoConfiguration.class));

	@Test
	void registersTheFilterJustAfterSpringSecurity() throws ReflectiveOperationException {
		int securityOrder = springSecurityFilterChainOrder();
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(UpgradeRequiredWebFilter.class);
			assertThat(context.getBean(UpgradeRequiredWebFilter.class).getOrder())
				.isEqualTo(UpgradeRequiredWebFilter.DEFAULT_ORDER)
				.isEqualTo(securityOrder + 1);
		});
	}

	@Test
	void theFilterTakesThePipelineBean() {
		UpgradePipeline refusing = new UpgradePipeline(UpgradeEngine.builder((pattern) -> (path) -> true)
			.rules(List.of(new HttpsRule("secure", List.of(), RuleSettings.defaults(), false, 443)))
			.build(), new UpgradeResponseRenderer());
		this.runner.withBean(UpgradePipeline.class, () -> refusing).run((context) -> {
			MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("http://localhost/a"));
			context.getBean(UpgradeRequiredWebFilter.class).filter(exchange, (next) -> Mono.empty()).block();
			assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(426);
		});
	}

	/**
	 * Read the order of Spring Security's {@code WebFilterChainProxy} from Spring
	 * Security itself (the class holding it is not public).
	 */
	private static int springSecurityFilterChainOrder() throws ReflectiveOperationException {
		Field order = Class
			.forName("org.springframework.security.config.annotation.web.reactive.WebFluxSecurityConfiguration")
			.getDeclaredField("WEB_FILTER_CHAIN_FILTER_ORDER");
		order.setAccessible(true);
		return order.getInt(null);
	}

	@Test
	void beforeSecurityOrdersTheFilterJustBeforeSpringSecurity() throws ReflectiveOperationException {
		int securityOrder = springSecurityFilterChainOrder();
		this.runner.withPropertyValues("upgrade-required.before-security=true")
			.run((context) -> assertThat(context.getBean(UpgradeRequiredWebFilter.class).getOrder())
				.isEqualTo(UpgradeRequiredWebFilter.BEFORE_SECURITY_ORDER)
				.isEqualTo(securityOrder - 1));
	}

	@Test
	void theFilterOrderWinsOverBeforeSecurity() {
		this.runner.withPropertyValues("upgrade-required.before-security=true", "upgrade-required.filter-order=7")
			.run((context) -> assertThat(context.getBean(UpgradeRequiredWebFilter.class).getOrder()).isEqualTo(7));
	}

	@Test
	void theFilterOrderIsConfigurable() {
		this.runner.withPropertyValues("upgrade-required.filter-order=-1000")
			.run((context) -> assertThat(context.getBean(UpgradeRequiredWebFilter.class).getOrder()).isEqualTo(-1000));
	}

	@Test
	void whenDisabledTheFilterIsNotCreated() {
		this.runner.withPropertyValues("upgrade-required.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(UpgradeRequiredWebFilter.class));
	}

	@Test
	void usesUserProvidedFilter() {
		this.runner
			.withBean("userFilter", UpgradeRequiredWebFilter.class,
					() -> new UpgradeRequiredWebFilter(UpgradeEngine.builder((pattern) -> (path) -> true).build(),
							new UpgradeResponseRenderer()))
			.run((context) -> assertThat(context).getBean(UpgradeRequiredWebFilter.class)
				.isSameAs(context.getBean("userFilter")));
	}

	@Test
	void withoutSpringWebFluxTheFilterIsNotCreated() {
		this.runner.withClassLoader(new FilteredClassLoader(WebFilter.class))
			.run((context) -> assertThat(context).doesNotHaveBean(UpgradeRequiredWebFilter.class));
	}

	@Test
	void servletApplicationsGetNoFilter() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(UpgradeRequiredAutoConfiguration.class,
					UpgradeRequiredWebFluxAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(UpgradeRequiredWebFilter.class));
	}

	@Test
	void nonWebApplicationsGetNoFilter() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(UpgradeRequiredAutoConfiguration.class,
					UpgradeRequiredWebFluxAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(UpgradeRequiredWebFilter.class));
	}

	@Test
	void withoutTheEngineTheFilterIsNotCreated() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(UpgradeRequiredWebFluxAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(UpgradeRequiredWebFilter.class));
	}

}
