package io.github.upgraderequired.client;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one response told a client: a {@code 426}, a deprecation or sunset, or headers of
 * that kind that could not be read.
 *
 * @param method the request's method
 * @param uri the request's URI as sent, user info and query included (the log leaves them out)
 * @param status the response's status code
 * @param outcome what the response told, or {@code null} if it only carried headers that
 * could not be read
 * @param deprecation what the deprecation headers said, or {@code null} for a 426
 * @param upgrade the tokens of a 426's {@code Upgrade} header, else empty
 * @param unparsable whether one of the headers could not be read (and was ignored)
 */
public record ClientNotice(String method, URI uri, int status, @Nullable ClientOutcome outcome,
		@Nullable DeprecationNotice deprecation, List<String> upgrade, boolean unparsable) {

	/**
	 * Create a notice, copying the tokens.
	 */
	public ClientNotice {
		upgrade = List.copyOf(upgrade);
	}

}
