package io.github.upgraderequired.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.convert.ConverterNotFoundException;

/**
 * Reports a value under {@code upgrade-required} that Spring Boot's binder could not
 * convert, where Spring Boot's own analysis would name an internal class: a rule
 * {@code type} that is none (with the nearest type, and every type with a line), another
 * word where a choice is expected ({@code mode}, {@code unknown}), and a value written
 * where a group of settings belongs ({@code exempt.header: X-Internal}). Ahead of Spring
 * Boot's own analysis of binding failures; leaves the other failures (a bad duration, a
 * bad URI) to it.
 */
class BindingFailureAnalyzer extends AbstractFailureAnalyzer<BindException> implements Ordered {

	private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName
		.of(UpgradeRequiredProperties.PREFIX);

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
		ConfigurationPropertyName name = cause.getName();
		Class<?> target = cause.getTarget().getType().resolve();
		if (!ROOT.isAncestorOf(name) || target == null) {
			return null;
		}
		ConfigurationProperty property = cause.getProperty();
		Object value = value(cause, property);
		String reason;
		StringBuilder action = new StringBuilder();
		if (target == RuleType.class) {
			reason = "it is not a rule type";
			List<String> types = new ArrayList<>();
			for (RuleType type : RuleType.values()) {
				types.add(type.value());
			}
			suggest(value, types, action);
			action.append(String.format("Use one of the rule types:%n"));
			for (RuleType type : RuleType.values()) {
				action.append(String.format("    %-13s refuses %s%n", type.value(), type.description()));
			}
		}
		else if (target.isEnum()) {
			List<String> choices = new ArrayList<>();
			for (Object constant : target.getEnumConstants()) {
				choices.add(((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'));
			}
			reason = "it is not one of " + String.join(", ", choices);
			suggest(value, choices, action);
			action.append("Use one of ").append(String.join(", ", choices)).append('.');
		}
		else if (isGroup(target) && findCause(cause, ConverterNotFoundException.class) != null) {
			reason = "it is a group of settings, not a value";
			action.append("Set the settings of the group instead");
			List<String> keys = keysOf(name);
			if (!keys.isEmpty()) {
				action.append(", such as ").append(String.join(", ", keys));
			}
			action.append('.');
		}
		else {
			return null;
		}
		String description = UpgradeRequiredFailureAnalyzer.describe(name.toString(),
				(value != null) ? "'" + value + "'" : "missing", (property != null) ? property.getOrigin() : null,
				reason);
		return new FailureAnalysis(description, action.toString(), cause);
	}

	/**
	 * Return the value as the binder saw it, placeholders resolved.
	 */
	private static @Nullable Object value(BindException cause, @Nullable ConfigurationProperty property) {
		Throwable candidate = cause;
		while (candidate != null) {
			if (candidate instanceof ConversionFailedException conversion && conversion.getValue() != null) {
				return conversion.getValue();
			}
			candidate = candidate.getCause();
		}
		return (property != null) ? property.getValue() : null;
	}

	private static void suggest(@Nullable Object value, List<String> choices, StringBuilder action) {
		String nearest = (value != null)
				? ConfigurationKeys.suggest(ConfigurationKeys.uniform(value.toString().trim()), choices) : null;
		if (nearest != null) {
			action.append("Did you mean '").append(nearest).append("'? ");
		}
	}

	private static boolean isGroup(Class<?> type) {
		Class<?> declaring = type.getDeclaringClass();
		return declaring != null && declaring.getPackageName().startsWith(UpgradeRequiredProperties.class.getPackageName())
				&& declaring.getSimpleName().endsWith("Properties");
	}

	/**
	 * Return the full names of the first few settings of the group the name stands for.
	 */
	private static List<String> keysOf(ConfigurationPropertyName name) {
		String[] elements = new String[name.getNumberOfElements() - ROOT.getNumberOfElements()];
		for (int i = 0; i < elements.length; i++) {
			elements[i] = ConfigurationKeys.uniform(name.getElement(ROOT.getNumberOfElements() + i, Form.DASHED));
		}
		List<String> keys = ConfigurationKeys.settingsBelow(name.toString(), elements, ConfigurationKeys.all());
		return keys.subList(0, Math.min(keys.size(), 6));
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
