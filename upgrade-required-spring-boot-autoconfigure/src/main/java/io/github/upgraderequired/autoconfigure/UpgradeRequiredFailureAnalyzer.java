package io.github.upgraderequired.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.Environment;

/**
 * Reports an {@link UpgradeRequiredConfigurationException} as the property at fault, its
 * value, where it was set (when the environment knows), why it is wrong and how to fix it.
 */
class UpgradeRequiredFailureAnalyzer extends AbstractFailureAnalyzer<UpgradeRequiredConfigurationException> {

	private final @Nullable Environment environment;

	/**
	 * Create the analyzer; Spring Boot passes the application's environment.
	 * @param environment the environment, to find where a property was set, or
	 * {@code null}
	 */
	UpgradeRequiredFailureAnalyzer(@Nullable Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UpgradeRequiredConfigurationException cause) {
		String description = describe(cause.getProperty(), cause.describeValue(), origin(cause.getProperty()),
				cause.getReason());
		return new FailureAnalysis(description, cause.getAction(), cause);
	}

	private @Nullable Origin origin(String property) {
		if (this.environment == null || !ConfigurationPropertyName.isValid(property)) {
			return null;
		}
		ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
		while (!name.isEmpty()) {
			for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
				ConfigurationProperty found = source.getConfigurationProperty(name);
				if (found != null) {
					return found.getOrigin();
				}
			}
			// An element of a list given as one comma-separated value.
			name = name.isLastElementIndexed() ? name.getParent() : ConfigurationPropertyName.EMPTY;
		}
		return null;
	}

	/**
	 * Describe a property that is not valid, as both of the starter's analyzers do.
	 * @param property the property
	 * @param value the value as shown
	 * @param origin where the property was set, or {@code null} if not known
	 * @param reason why it is not valid
	 * @return the description
	 */
	static String describe(String property, String value, @Nullable Origin origin, String reason) {
		StringBuilder description = new StringBuilder(
				String.format("The upgrade-required configuration is not valid:%n%n    Property: %s%n    Value: %s%n",
						property, value));
		if (origin != null) {
			description.append(String.format("    Origin: %s%n", origin));
		}
		return description.append(String.format("    Reason: %s%n", reason)).toString();
	}

}
