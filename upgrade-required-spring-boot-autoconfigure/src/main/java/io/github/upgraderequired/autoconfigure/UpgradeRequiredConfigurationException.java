package io.github.upgraderequired.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Thrown at start-up when the starter's configuration is not valid; reported by
 * {@link UpgradeRequiredFailureAnalyzer} with the property, its value and the fix.
 */
public class UpgradeRequiredConfigurationException extends RuntimeException {

	private final String property;

	private final @Nullable Object value;

	private final String reason;

	private final String action;

	/**
	 * Create a new exception.
	 * @param property the property, or a description of the bean, at fault
	 * @param value the value at fault, or {@code null} if it is missing
	 * @param reason why the value is not valid
	 * @param action how to fix it
	 */
	public UpgradeRequiredConfigurationException(String property, @Nullable Object value, String reason,
			String action) {
		super("Invalid upgrade-required configuration at '" + property + "' (value " + quote(value) + "): " + reason);
		this.property = property;
		this.value = value;
		this.reason = reason;
		this.action = action;
	}

	private static String quote(@Nullable Object value) {
		return (value != null) ? "'" + value + "'" : "missing";
	}

	/**
	 * Return the property, or a description of the bean, at fault.
	 * @return the property
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * Return the value at fault.
	 * @return the value, or {@code null} if it is missing
	 */
	public @Nullable Object getValue() {
		return this.value;
	}

	/**
	 * Return why the value is not valid.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

	/**
	 * Return how to fix it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

	String describeValue() {
		return quote(this.value);
	}

}
