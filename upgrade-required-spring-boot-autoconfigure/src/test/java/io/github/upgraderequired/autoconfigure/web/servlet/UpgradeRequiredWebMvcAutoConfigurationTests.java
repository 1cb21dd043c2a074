package io.github.upgraderequired.autoconfigure.web.servlet;

import java.util.List;

import io.github.upgraderequired.autoconfigure.UpgradeRequiredAutoConfiguration;
import io.github.upgraderequired.core.RuleSettings;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.core.rule.HttpsRule;
import io.github.upgraderequired.render.UpgradeResponseRenderer;
import io.github.upgraderequired.web.UpgradePipeline;
import io.github.upgraderequired.web.reactive.UpgradeRequiredWebFilter;
import io.github.upgraderequired.web.servlet.UpgradeRequiredFilter;
import io.github.upgraderequired.web.servlet.UpgradeRequiredHandlerExceptionResolver;
import io.github.upgraderequired.web.servlet.UpgradeRequiredHandlerInterceptor;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.handler.MappedInterceptor;
import org.springframework.web.util.ServletRequestPathUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UpgradeRequiredWebMvcAutoConfiguration}.
 */
class UpgradeRequiredWebMvcAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(UpgradeRequiredAutoConfiguration.class, UpgradeRequiredWebMvcAutoConfiguration.class));

	@Test
	void registersTheInterceptorForEveryPathAsAMappedInterceptor() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(UpgradeRequiredHandlerInterceptor.class);
			MappedInterceptor mapped = context.getBean("upgradeRequiredMappedInterceptor", MappedInterceptor.class);
			assertThat(mapped.getInterceptor()).isSameAs(context.getBean(UpgradeRequiredHandlerInterceptor.class));
			assertThat(mapped.getIncludePathPatterns()).isNull();
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/any/path");
			ServletRequestPathUtils.parseAndCache(request);
			assertThat(mapped.matches(request)).isTrue();
		});
	}

	@Test
	void registersTheExceptionResolverForRequestsWhoseMappingFailed() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(UpgradeRequiredHandlerExceptionResolver.class)
			.getBean(UpgradeRequiredHandlerExceptionResolver.class)
			.extracting(UpgradeRequiredHandlerExceptionResolver::getOrder)
			.isEqualTo(UpgradeRequiredHandlerExceptionResolver.ORDER));
	}

	@Test
	void beforeSecurityRegistersAFilterInsteadOfTheInterceptor() {
		this.runner.withPropertyValues("upgrade-required.before-security=true").run((context) -> {
			assertThat(context).hasSingleBean(UpgradeRequiredFilter.class)
				.doesNotHaveBean(UpgradeRequiredHandlerInterceptor.class)
				.doesNotHaveBean(UpgradeRequiredHandlerExceptionResolver.class)
				.doesNotHaveBean(MappedInterceptor.class);
			assertThat(context.getBean(UpgradeRequiredFilter.class).getOrder())
				.isEqualTo(UpgradeRequiredFilter.BEFORE_SECURITY_ORDER)
				.isEqualTo(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
		});
	}

	@Test
	void theFilterOrdersMeanWhatTheWebFilterOrdersMean() {
		assertThat(UpgradeRequiredFilter.DEFAULT_ORDER).isEqualTo(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1)
			.isEqualTo(UpgradeRequiredWebFilter.DEFAULT_ORDER);
		assertThat(UpgradeRequiredFilter.BEFORE_SECURITY_ORDER)
			.isEqualTo(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
			.isEqualTo(UpgradeRequiredWebFilter.BEFORE_SECURITY_ORDER);
		assertThat(new UpgradeRequiredFilter(UpgradeEngine.builder((pattern) -> (path) -> true).build(),
				new UpgradeResponseRenderer())
			.getOrder()).isEqualTo(UpgradeRequiredFilter.DEFAULT_ORDER);
	}

	@Test
	void everyEntryPointTakesThePipelineBean() {
		this.runner.withBean(UpgradePipeline.class, UpgradeRequiredWebMvcAutoConfigurationTests::refusingPipeline)
			.run((context) -> {
				MockHttpServletResponse response = new MockHttpServletResponse();
				assertThat(context.getBean(UpgradeRequiredHandlerInterceptor.class)
					.preHandle(new MockHttpServletRequest("GET", "/a"), response, new Object())).isFalse();
				assertThat(response.getStatus()).isEqualTo(426);
				response = new MockHttpServletResponse();
				assertThat(context.getBean(UpgradeRequiredHandlerExceptionResolver.class)
					.resolveException(new MockHttpServletRequest("GET", "/a"), response, null,
							new IllegalStateException("no handler"))).isNotNull();
				assertThat(response.getStatus()).isEqualTo(426);
			});
		this.runner.withBean(UpgradePipeline.class, UpgradeRequiredWebMvcAutoConfigurationTests::refusingPipeline)
			.withPropertyValues("upgrade-required.before-security=true")
			.run((context) -> {
				MockHttpServletResponse response = new MockHttpServletResponse();
				context.getBean(UpgradeRequiredFilter.class)
					.doFilter(new MockHttpServletRequest("GET", "/a"), response, new MockFilterChain());
				assertThat(response.getStatus()).isEqualTo(426);
			});
	}

	/**
	 * A pipeline that refuses every plain request, where the starter's own, without rules,
	 * refuses none.
	 */
	private static UpgradePipeline refusingPipeline() {
		return new UpgradePipeline(UpgradeEngine.builder((pattern) -> (path) -> true)
			.rules(List.of(new HttpsRule("secure", List.of(), RuleSettings.defaults(), false, 443)))
			.build(), new UpgradeResponseRenderer());
	}

	@Test
	void theFilterFollowsSpringSecuritysFilterOrder() {
		this.runner.withPropertyValues("upgrade-required.before-security=true", "spring.security.filter.order=-50")
			.run((context) -> assertThat(context.getBean(UpgradeRequiredFilter.class).getOrder()).isEqualTo(-51));
	}

	@Test
	void theFilterOrderIsConfigurable() {
		this.runner.withPropertyValues("upgrade-required.before-security=true", "upgrade-required.filter-order=-5000")
			.run((context) -> assertThat(context.getBean(UpgradeRequiredFilter.class).getOrder()).isEqualTo(-5000));
	}

	@Test
	void byDefaultThereIsNoFilter() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(UpgradeRequiredFilter.class));
	}

	@Test
	void nonWebApplicationsGetNoInterceptor() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(UpgradeRequiredAutoConfiguration.class,
					UpgradeRequiredWebMvcAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(UpgradeRequiredHandlerInterceptor.class)
				.doesNotHaveBean(UpgradeRequiredHandlerExceptionResolver.class));
	}

	@Test
	void whenDisabledTheInterceptorIsNotCreated() {
		this.runner.withPropertyValues("upgrade-required.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(UpgradeRequiredHandlerInterceptor.class)
				.doesNotHaveBean(UpgradeRequiredHandlerExceptionResolver.class)
				.doesNotHaveBean(MappedInterceptor.class));
	}

	@Test
	void usesUserProvidedInterceptor() {
		this.runner
			.withBean("userInterceptor", UpgradeRequiredHandlerInterceptor.class,
					() -> new UpgradeRequiredHandlerInterceptor(UpgradeEngine.builder((pattern) -> (path) -> true).build(),
							new UpgradeResponseRenderer()))
			.run((context) -> {
				assertThat(context).hasSingleBean(UpgradeRequiredHandlerInterceptor.class);
				assertThat(context.getBean(MappedInterceptor.class).getInterceptor())
					.isSameAs(context.getBean("userInterceptor"));
			});
	}

	@Test
	void withoutSpringMvcTheInterceptorIsNotCreated() {
		this.runner.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.run((context) -> assertThat(context).hasSingleBean(UpgradeEngine.class)
				.doesNotHaveBean(UpgradeRequiredHandlerInterceptor.class));
	}

	@Test
	void reactiveApplicationsGetNoInterceptor() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(UpgradeRequiredAutoConfiguration.class,
					UpgradeRequiredWebMvcAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(UpgradeRequiredHandlerInterceptor.class));
	}

	@Test
	void withoutTheEngineTheInterceptorIsNotCreated() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(UpgradeRequiredWebMvcAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(UpgradeRequiredHandlerInterceptor.class));
	}

}
