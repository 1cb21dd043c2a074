package io.github.upgraderequired.render;

import java.util.List;

import io.github.upgraderequired.core.Header;
import org.jspecify.annotations.Nullable;

/**
 * The response to write for a rejected request, complete before anything is written.
 *
 * @param status the status
 * @param headers the headers, in order, content type excluded
 * @param contentType the content type, or {@code null} when there is no body
 * @param body the body to write, empty for {@code HEAD} and redirects; the renderer may
 * hand the same array to several responses, so it is read, never changed
 * @param contentLength the length of the body, also for {@code HEAD}, where it is the
 * length a {@code GET} would receive
 */
public record UpgradeResponse(int status, List<Header> headers, @Nullable String contentType, byte[] body,
		int contentLength) {

}
