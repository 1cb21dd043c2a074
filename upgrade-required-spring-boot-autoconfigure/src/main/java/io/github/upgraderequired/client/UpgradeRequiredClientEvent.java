package io.github.upgraderequired.client;

import org.springframework.context.ApplicationEvent;

/**
 * Published when a server answers one of the application's HTTP clients with a
 * {@code 426} or with deprecation or sunset headers. Listeners run on the thread that
 * reads the response, so they should be quick or hand the work on.
 */
public class UpgradeRequiredClientEvent extends ApplicationEvent {

	private final ClientNotice notice;

	/**
	 * Create a new event.
	 * @param notice what the response told
	 */
	public UpgradeRequiredClientEvent(ClientNotice notice) {
		super(notice);
		this.notice = notice;
	}

	/**
	 * Return what the response told.
	 * @return the notice
	 */
	public ClientNotice getNotice() {
		return this.notice;
	}

}
