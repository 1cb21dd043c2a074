package io.github.upgraderequired.client.reactive;

import java.nio.charset.Charset;
import java.util.List;

import io.github.upgraderequired.client.UpgradeRequiredDetails;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Signalled by {@code WebClient} when a server answers {@code 426 Upgrade Required}: a
 * {@link WebClientResponseException}, so that existing handlers still catch it, that also
 * says what to upgrade to.
 */
public class WebClientUpgradeRequiredException extends WebClientResponseException {

	private static final long serialVersionUID = 1L;

	private final UpgradeRequiredDetails details;

	/**
	 * Create a new exception.
	 * @param details what the server asked for
	 * @param statusText the response's status text
	 * @param headers the response's headers
	 * @param body the response's body
	 * @param charset the body's charset, if known
	 * @param request the request, if known
	 */
	public WebClientUpgradeRequiredException(UpgradeRequiredDetails details, String statusText,
			@Nullable HttpHeaders headers, byte @Nullable [] body, @Nullable Charset charset,
			@Nullable HttpRequest request) {
		super(details.describe(), HttpStatus.UPGRADE_REQUIRED, statusText, headers, body, charset, request);
		this.details = details;
	}

	/**
	 * Return what the server asked for.
	 * @return the details
	 */
	public UpgradeRequiredDetails getDetails() {
		return this.details;
	}

	/**
	 * Return the protocols to upgrade to, in the server's order of preference.
	 * @return the tokens, empty if the server named none
	 */
	public List<String> getUpgrade() {
		return this.details.upgrade();
	}

}
