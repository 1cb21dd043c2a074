package io.github.upgraderequired.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Structural checks: the files in {@code META-INF} name classes that load, and every
 * bean the auto-configurations define backs off when the user defines one.
 */
class AutoConfigurationStructureTests {

	private static final String IMPORTS = "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";

	static List<String> autoConfigurations() throws IOException {
		return lines(IMPORTS);
	}

	@ParameterizedTest
	@MethodSource("autoConfigurations")
	void everyBeanIsConditionalOnMissingBean(String className) throws Exception {
		Class<?> type = Class.forName(className);
		assertThat(type).hasAnnotation(AutoConfiguration.class);
		assertThat(Modifier.isFinal(type.getModifiers())).as("%s is final", className).isTrue();
		List<Method> beans = Stream.concat(Stream.of(type), Arrays.stream(type.getDeclaredClasses()))
			.flatMap((declaring) -> Arrays.stream(declaring.getDeclaredMethods()))
			.filter((method) -> method.isAnnotationPresent(Bean.class))
			.toList();
		assertThat(beans).isNotEmpty();
		// An exclusion from lazy initialization adds to the application's own, as Spring
		// Boot's do: it must not back off when there is another; nor must the check of the
		// configuration, which runs before any bean is created.
		beans = beans.stream()
			.filter((bean) -> bean.getReturnType() != LazyInitializationExcludeFilter.class
					&& bean.getReturnType() != ConfigurationCheck.class)
			.toList();
		for (Method bean : beans) {
			assertThat(bean.isAnnotationPresent(ConditionalOnMissingBean.class))
				.as("%s.%s is @ConditionalOnMissingBean", bean.getDeclaringClass().getSimpleName(), bean.getName())
				.isTrue();
		}
	}

	@Test
	void everyClassNamedInMetaInfLoads() throws Exception {
		List<String> names = new java.util.ArrayList<>(lines(IMPORTS));
		names.addAll(lines("META-INF/spring/org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureWebMvc.imports"));
		names.addAll(lines("META-INF/spring/org.springframework.boot.webflux.test.autoconfigure.AutoConfigureWebFlux.imports"));
		Properties factories = new Properties();
		try (InputStream in = ownResource("META-INF/spring.factories")) {
			factories.load(in);
		}
		factories.values()
			.forEach((value) -> Arrays.stream(value.toString().split(","))
				.map(String::trim)
				.filter((name) -> !name.isEmpty())
				.forEach(names::add));
		assertThat(names).hasSizeGreaterThan(5);
		for (String name : names) {
			assertThat(Class.forName(name)).as(name).isNotNull();
		}
	}

	private static List<String> lines(String resource) throws IOException {
		try (InputStream in = ownResource(resource)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::trim)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.toList();
		}
	}

	/**
	 * Read a resource of this module, not one of the same name in another jar.
	 */
	private static InputStream ownResource(String resource) throws IOException {
		var urls = AutoConfigurationStructureTests.class.getClassLoader().getResources(resource);
		String own = UpgradeRequiredAutoConfiguration.class.getProtectionDomain().getCodeSource().getLocation().toString();
		while (urls.hasMoreElements()) {
			var url = urls.nextElement();
			if (url.toString().startsWith(own) || url.toString().contains(own.replaceFirst("^file:", ""))) {
				return url.openStream();
			}
		}
		throw new IllegalStateException(resource + " not found in " + own);
	}

}
