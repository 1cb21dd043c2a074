package io.github.upgraderequired.client;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * What a response said about the resource's future: {@code Deprecation} (RFC 9745),
 * {@code Sunset} (RFC 8594) and the {@code Link} relations {@code deprecation} and
 * {@code sunset}.
 *
 * @param deprecated whether the resource is deprecated
 * @param deprecation since when, if the server said
 * @param sunset when the resource goes away, if the server said
 * @param deprecationLinks where the deprecation is explained
 * @param sunsetLinks where the sunset is explained
 * @param unparsable whether one of these headers could not be read (and was ignored)
 */
public record DeprecationNotice(boolean deprecated, @Nullable Instant deprecation, @Nullable Instant sunset,
		List<URI> deprecationLinks, List<URI> sunsetLinks, boolean unparsable) {

	/**
	 * Read the headers of a response.
	 * @param headers the response's headers
	 * @param uri the URI of the request, against which relative links are resolved
	 * @return what the headers say, or {@code null} if they carry none of these headers
	 */
	public static @Nullable DeprecationNotice read(HttpHeaders headers, URI uri) {
		List<String> deprecationValues = headers.getOrEmpty("Deprecation");
		List<String> sunsetValues = headers.getOrEmpty("Sunset");
		List<String> linkValues = headers.getOrEmpty(HttpHeaders.LINK);
		if (deprecationValues.isEmpty() && sunsetValues.isEmpty() && linkValues.isEmpty()) {
			return null;
		}
		boolean unparsable = false;
		boolean deprecated = false;
		Instant deprecation = null;
		for (String value : deprecationValues) {
			Instant instant = ServerHeaders.deprecation(value);
			if (instant == null) {
				unparsable = true;
			}
			else {
				deprecated = true;
				if (instant != ServerHeaders.UNDATED && (deprecation == null || instant.isBefore(deprecation))) {
					deprecation = instant;
				}
			}
		}
		Instant sunset = null;
		for (String value : sunsetValues) {
			Instant instant = ServerHeaders.httpDate(value);
			if (instant == null) {
				unparsable = true;
			}
			else if (sunset == null || instant.isBefore(sunset)) {
				sunset = instant;
			}
		}
		ServerHeaders.Read<ServerHeaders.Links> links = ServerHeaders.links(linkValues, uri);
		unparsable |= links.unparsable();
		if (!deprecated && sunset == null && !unparsable) {
			// Links alone, or links of other relations: nothing to tell.
			return null;
		}
		return new DeprecationNotice(deprecated, deprecation, sunset, links.value().deprecation(),
				links.value().sunset(), unparsable);
	}

	/**
	 * Return what the notice tells, ignoring what could not be read.
	 * @return {@link ClientOutcome#SUNSET}, {@link ClientOutcome#DEPRECATED}, or
	 * {@code null} if only unparsable headers came
	 */
	public @Nullable ClientOutcome outcome() {
		if (this.sunset != null) {
			return ClientOutcome.SUNSET;
		}
		return this.deprecated ? ClientOutcome.DEPRECATED : null;
	}

}
