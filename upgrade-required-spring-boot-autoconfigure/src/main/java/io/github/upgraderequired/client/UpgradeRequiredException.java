package io.github.upgraderequired.client;

import java.nio.charset.Charset;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Thrown by {@code RestClient} and {@code RestTemplate} when a server answers
 * {@code 426 Upgrade Required}: an {@link HttpClientErrorException}, so that existing
 * handlers still catch it, that also says what to upgrade to.
 */
public class UpgradeRequiredException extends HttpClientErrorException {

	private static final long serialVersionUID = 1L;

	private final UpgradeRequiredDetails details;

	/**
	 * Create a new exception, reading the details from the response.
	 * @param statusText the response's status text
	 * @param headers the response's headers
	 * @param body the response's body
	 * @param charset the body's charset, if known
	 */
	public UpgradeRequiredException(String statusText, @Nullable HttpHeaders headers, byte @Nullable [] body,
			@Nullable Charset charset) {
		this(UpgradeRequiredDetails.read((headers != null) ? headers : HttpHeaders.EMPTY, body), statusText, headers,
				body, charset);
	}

	/**
	 * Create a new exception.
	 * @param details what the server asked for
	 * @param statusText the response's status text
	 * @param headers the response's headers
	 * @param body the response's body
	 * @param charset the body's charset, if known
	 */
	public UpgradeRequiredException(UpgradeRequiredDetails details, String statusText, @Nullable HttpHeaders headers,
			byte @Nullable [] body, @Nullable Charset charset) {
		super(details.describe(), HttpStatus.UPGRADE_REQUIRED, statusText, headers, body, charset);
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
