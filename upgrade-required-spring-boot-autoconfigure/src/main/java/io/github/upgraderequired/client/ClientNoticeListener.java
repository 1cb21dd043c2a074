package io.github.upgraderequired.client;

/**
 * Told of every response that tells the client something ({@link ClientNotice}). Runs on
 * the thread that reads the response (an event loop for {@code WebClient}), so it must be
 * quick and must not block; an exception it throws is logged and otherwise ignored.
 */
@FunctionalInterface
public interface ClientNoticeListener {

	/**
	 * Called for a response that told the client something.
	 * @param notice what it told
	 */
	void onNotice(ClientNotice notice);

}
