package io.github.upgraderequired.autoconfigure;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build check that configuration metadata is generated, so IDEs complete and
 * document the properties.
 */
class ConfigurationMetadataTests {

	@Test
	void metadataIsGeneratedWithADescriptionForEveryProperty() throws Exception {
		JsonNode metadata;
		try (InputStream in = UpgradeRequiredProperties.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("generated metadata").isNotNull();
			metadata = JsonMapper.builder().build().readTree(in);
		}
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

}
