package io.github.upgraderequired.autoconfigure;

import java.beans.PropertyDescriptor;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.github.upgraderequired.autoconfigure.client.UpgradeRequiredClientProperties;
import io.github.upgraderequired.core.TrustedProxies;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanUtils;
import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build check that configuration metadata is generated, so IDEs complete and
 * document the properties, and that the key check knows exactly the settings there are.
 */
class ConfigurationMetadataTests {

	@Test
	void metadataIsGeneratedWithADescriptionForEveryProperty() throws Exception {
		JsonNode metadata = metadata();
		List<String> names = new ArrayList<>();
		for (JsonNode property : metadata.get("properties")) {
			String name = property.get("name").asString();
			if (name.startsWith(UpgradeRequiredProperties.PREFIX + ".")) {
				names.add(name);
				assertThat(property.has("description")).as("description of %s", name).isTrue();
				assertThat(property.get("description").asString()).as(name).isNotBlank();
			}
		}
		assertThat(names).contains("upgrade-required.enabled", "upgrade-required.fail-closed",
				"upgrade-required.exclude-paths", "upgrade-required.filter-order", "upgrade-required.rules",
				"upgrade-required.response.page", "upgrade-required.response.problem-type",
				"upgrade-required.client.enabled", "upgrade-required.client.log-interval",
				"upgrade-required.client.metrics.host-tag", "upgrade-required.client.https-retry.hosts",
				"upgrade-required.client.https-retry.port");
	}


	@Test
	void metadataGivesTheDefaultsTheProcessorCannotSee() throws Exception {
		JsonNode metadata = metadata();
		JsonNode trusted = property(metadata, "upgrade-required.proxy.trusted-addresses");
		List<String> defaults = new ArrayList<>();
		trusted.get("defaultValue").forEach((value) -> defaults.add(value.asString()));
		assertThat(defaults).isEqualTo(TrustedProxies.DEFAULT_TRUSTED_ADDRESSES);
		assertThat(new UpgradeRequiredProperties().getProxy().getTrustedAddresses()).isEqualTo(defaults);
		JsonNode page = null;
		for (JsonNode hint : metadata.get("hints")) {
			if (hint.get("name").asString().equals("upgrade-required.response.page")) {
				page = hint;
			}
		}
		assertThat(page).as("hint for the page").isNotNull();
		assertThat(page.get("providers").get(0).get("name").asString()).isEqualTo("handle-as");
		assertThat(page.get("providers").get(0).get("parameters").get("target").asString())
			.isEqualTo("org.springframework.core.io.Resource");
	}

	@Test
	void theDescriptionOfTheRulesNamesEveryType() throws Exception {
		// Boot's format has no hints for keys inside a map's values: the description of the
		// map is where an IDE shows the types.
		String description = property(metadata(), "upgrade-required.rules").get("description").asString();
		for (RuleType type : RuleType.values()) {
			assertThat(description).contains("'" + type.value() + "'");
		}
	}

	@Test
	void theKeyCheckKnowsEverySettingOfThePropertiesClassesAndNothingElse() {
		// A setting added to a properties class and not to the check would stop start-up
		// as a misspelled key; one left in the check after its removal would pass in silence.
		Set<String> settings = new TreeSet<>();
		collect("", UpgradeRequiredProperties.class, settings);
		collect("client.", UpgradeRequiredClientProperties.class, settings);
		assertThat(settings).containsExactlyInAnyOrderElementsOf(new TreeSet<>(ConfigurationKeys.all()));
	}

	private static void collect(String prefix, Class<?> type, Set<String> settings) {
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
			if (descriptor.getReadMethod() == null || descriptor.getName().equals("class")) {
				continue;
			}
			String key = prefix + dashed(descriptor.getName());
			ResolvableType property = ResolvableType.forMethodReturnType(descriptor.getReadMethod());
			if (Map.class.isAssignableFrom(property.toClass())) {
				Class<?> values = property.asMap().getGeneric(1).toClass();
				if (isGroup(values)) {
					collect(key + ".*.", values, settings);
				}
				else {
					settings.add(key + ".*");
				}
			}
			else if (isGroup(property.toClass())) {
				collect(key + ".", property.toClass(), settings);
			}
			else {
				settings.add(key);
			}
		}
	}

	private static boolean isGroup(Class<?> type) {
		return type.getName().startsWith("io.github.upgraderequired.autoconfigure.") && !type.isEnum();
	}

	private static String dashed(String name) {
		return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	private static JsonNode property(JsonNode metadata, String name) {
		for (JsonNode property : metadata.get("properties")) {
			if (property.get("name").asString().equals(name)) {
				return property;
			}
		}
		throw new AssertionError("no metadata for " + name);
	}

	private static JsonNode metadata() throws Exception {
		try (InputStream in = UpgradeRequiredProperties.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("generated metadata").isNotNull();
			return JsonMapper.builder().build().readTree(in);
		}
	}

}
