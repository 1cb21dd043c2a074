package io.github.upgraderequired.actuate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * The web side of the {@code upgraderequired} endpoint's write and delete operations: a
 * request the endpoint refuses (an unknown rule or mode, an {@code until} that is not
 * an instant in the future) gets 400 with the reason in its body, whatever the
 * application's error page shows.
 */
@EndpointWebExtension(endpoint = UpgradeRequiredEndpoint.class)
public class UpgradeRequiredEndpointWebExtension {

	private final UpgradeRequiredEndpoint delegate;

	/**
	 * Create a new extension.
	 * @param delegate the endpoint
	 */
	public UpgradeRequiredEndpointWebExtension(UpgradeRequiredEndpoint delegate) {
		this.delegate = delegate;
	}

	/**
	 * Set a rule's mode over its configuration.
	 * @param name the rule's name
	 * @param mode {@code enforce}, {@code warn}, {@code report} or {@code off}
	 * @param until the instant the override ends, or {@code null} until it is cleared
	 * @param securityContext the operation's security context
	 * @return the rule's description, or 400 with the reason
	 * @see UpgradeRequiredEndpoint#setOverride(String, String, String, SecurityContext)
	 */
	@WriteOperation
	public WebEndpointResponse<Map<String, Object>> setOverride(@Selector String name, String mode,
			@Nullable String until, SecurityContext securityContext) {
		return respond(() -> this.delegate.setOverride(name, mode, until, securityContext));
	}

	/**
	 * Clear a rule's override.
	 * @param name the rule's name
	 * @param securityContext the operation's security context
	 * @return the rule's description, or 400 with the reason
	 * @see UpgradeRequiredEndpoint#clearOverride(String, SecurityContext)
	 */
	@DeleteOperation
	public WebEndpointResponse<Map<String, Object>> clearOverride(@Selector String name,
			SecurityContext securityContext) {
		return respond(() -> this.delegate.clearOverride(name, securityContext));
	}

	private static WebEndpointResponse<Map<String, Object>> respond(Supplier<Map<String, Object>> operation) {
		try {
			return new WebEndpointResponse<>(operation.get());
		}
		catch (InvalidEndpointRequestException ex) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("status", WebEndpointResponse.STATUS_BAD_REQUEST);
			body.put("error", "Bad Request");
			body.put("message", ex.getReason());
			return new WebEndpointResponse<>(body, WebEndpointResponse.STATUS_BAD_REQUEST);
		}
	}

}
