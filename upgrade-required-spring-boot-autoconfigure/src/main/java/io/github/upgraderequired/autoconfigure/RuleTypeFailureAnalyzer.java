package io.github.upgraderequired.autoconfigure;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Reports a rule {@code type} that is none of the starter's, which Spring Boot would
 * report as a value its binder could not convert to an internal enum, as the property, the
 * value, the nearest type if one is close, and the types there are, a line each. Ahead of
 * Spring Boot's own analysis of binding failures.
 */
class RuleTypeFailureAnalyzer extends AbstractFailureAnalyzer<BindException> implements Ordered {

	private static final ConfigurationPropertyName RULES = ConfigurationPropertyName
		.of(UpgradeRequiredProperties.PREFIX + ".rules");

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
		ConfigurationPropertyName name = cause.getName();
		if (!RULES.isAncestorOf(name) || name.getNumberOfElements() != RULES.getNumberOfElements() + 2
				|| !name.getLastElement(ConfigurationPropertyName.Form.UNIFORM).equals("type")) {
			return null;
		}
		ConfigurationProperty property = cause.getProperty();
		Object value = (property != null) ? property.getValue() : null;
		String description = String.format("The upgrade-required configuration is not valid:%n%n"
				+ "    Property: %s%n    Value: %s%n    Reason: it is not a rule type%n", name,
				(value != null) ? "'" + value + "'" : "missing");
		StringBuilder action = new StringBuilder();
		String nearest = (value != null) ? ConfigurationKeys.suggest(ConfigurationKeys.uniform(value.toString().trim()),
				Arrays.stream(RuleType.values()).map(RuleType::value).toList()) : null;
		if (nearest != null) {
			action.append("Did you mean '").append(nearest).append("'? ");
		}
		action.append(String.format("Use one of the rule types:%n"));
		for (RuleType type : RuleType.values()) {
			action.append(String.format("    %-13s refuses %s%n", type.value(), type.description()));
		}
		return new FailureAnalysis(description, action.toString(), cause);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
