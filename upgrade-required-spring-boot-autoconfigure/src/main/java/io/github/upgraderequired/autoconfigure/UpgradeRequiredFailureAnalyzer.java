package io.github.upgraderequired.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an {@link UpgradeRequiredConfigurationException} as the property at fault, its
 * value, why it is wrong and how to fix it.
 */
class UpgradeRequiredFailureAnalyzer extends AbstractFailureAnalyzer<UpgradeRequiredConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UpgradeRequiredConfigurationException cause) {
		String description = String.format("The upgrade-required configuration is not valid:%n%n"
				+ "    Property: %s%n    Value: %s%n    Reason: %s%n", cause.getProperty(), cause.describeValue(),
				cause.getReason());
		return new FailureAnalysis(description, cause.getAction(), cause);
	}

}
