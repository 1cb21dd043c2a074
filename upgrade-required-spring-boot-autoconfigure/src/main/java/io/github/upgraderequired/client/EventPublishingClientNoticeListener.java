package io.github.upgraderequired.client;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes an {@link UpgradeRequiredClientEvent} for every notice.
 */
public class EventPublishingClientNoticeListener implements ClientNoticeListener {

	private final ApplicationEventPublisher publisher;

	/**
	 * Create a new listener.
	 * @param publisher where to publish
	 */
	public EventPublishingClientNoticeListener(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	@Override
	public void onNotice(ClientNotice notice) {
		this.publisher.publishEvent(new UpgradeRequiredClientEvent(notice));
	}

}
