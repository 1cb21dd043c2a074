package io.github.upgraderequired.autoconfigure;

import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * The application's own API versioning, when Spring MVC or Spring WebFlux has it
 * configured ({@code spring.mvc.apiversion.*}, {@code spring.webflux.apiversion.*}): its
 * parser, so that API-version rules order versions the application's way, and the header
 * it reads, for {@code Vary}.
 *
 * @param parser parses a version, or returns {@code null} if it does not parse
 * @param header the request header the versioning reads, or {@code null}
 * @param mediaTypeParameter a media-type parameter the versioning reads, or {@code null}
 */
record ApplicationApiVersioning(Function<String, @Nullable Comparable<?>> parser, @Nullable String header,
		@Nullable String mediaTypeParameter) {

	private static final String MVC_STRATEGY = "mvcApiVersionStrategy";

	private static final String WEBFLUX_STRATEGY = "webFluxApiVersionStrategy";

	/**
	 * Find the application's API versioning.
	 * @param beanFactory the bean factory
	 * @param environment the environment
	 * @return the versioning, or {@code null} if none is configured
	 */
	static @Nullable ApplicationApiVersioning find(BeanFactory beanFactory, Environment environment) {
		ClassLoader classLoader = ApplicationApiVersioning.class.getClassLoader();
		if (beanFactory.containsBean(MVC_STRATEGY)
				&& ClassUtils.isPresent("org.springframework.web.accept.ApiVersionStrategy", classLoader)) {
			Function<String, @Nullable Comparable<?>> parser = Servlet.parser(beanFactory.getBean(MVC_STRATEGY));
			if (parser != null) {
				return new ApplicationApiVersioning(parser, environment.getProperty("spring.mvc.apiversion.use.header"),
						mediaTypeParameter(environment, "spring.mvc.apiversion.use.media-type-parameter"));
			}
		}
		if (beanFactory.containsBean(WEBFLUX_STRATEGY)
				&& ClassUtils.isPresent("org.springframework.web.reactive.accept.ApiVersionStrategy", classLoader)) {
			Function<String, @Nullable Comparable<?>> parser = Reactive.parser(beanFactory.getBean(WEBFLUX_STRATEGY));
			if (parser != null) {
				return new ApplicationApiVersioning(parser,
						environment.getProperty("spring.webflux.apiversion.use.header"),
						mediaTypeParameter(environment, "spring.webflux.apiversion.use.media-type-parameter"));
			}
		}
		return null;
	}

	/**
	 * Return a media-type parameter the versioning reads ({@code use.media-type-parameter}
	 * maps media types to parameter names), so that {@code Vary} names {@code Accept}.
	 */
	private static @Nullable String mediaTypeParameter(Environment environment, String property) {
		Map<String, String> parameters = Binder.get(environment)
			.bind(property, Bindable.mapOf(String.class, String.class))
			.orElse(Map.of());
		return parameters.isEmpty() ? null : parameters.values().iterator().next();
	}

	private static @Nullable Comparable<?> parseOrNull(Function<String, Comparable<?>> parser, String version) {
		try {
			return parser.apply(version);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static final class Servlet {

		static @Nullable Function<String, @Nullable Comparable<?>> parser(@Nullable Object bean) {
			if (bean instanceof org.springframework.web.accept.ApiVersionStrategy strategy) {
				return (version) -> parseOrNull(strategy::parseVersion, version);
			}
			return null;
		}

	}

	private static final class Reactive {

		static @Nullable Function<String, @Nullable Comparable<?>> parser(@Nullable Object bean) {
			if (bean instanceof org.springframework.web.reactive.accept.ApiVersionStrategy strategy) {
				return (version) -> parseOrNull(strategy::parseVersion, version);
			}
			return null;
		}

	}

}
