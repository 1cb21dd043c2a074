package io.github.upgraderequired.event;

import java.util.Collection;

import io.github.upgraderequired.core.DecisionListener;
import io.github.upgraderequired.core.Outcome;
import io.github.upgraderequired.core.RuleDescriptor;
import io.github.upgraderequired.core.UpgradeRequest;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.ResolvableType;

/**
 * Publishes an {@link UpgradeRequiredEvent} for every rejection and warning, but only when
 * somebody listens for it: whether anybody does is worked out once the context is
 * refreshed, so that with no listener the request path neither builds events nor asks the
 * multicaster. Listeners are {@code @EventListener} methods, {@link ApplicationListener}
 * beans, and listeners added to the context before it is refreshed.
 */
public class EventPublishingDecisionListener implements DecisionListener, ApplicationListener<ContextRefreshedEvent> {

	private static final ResolvableType EVENT_TYPE = ResolvableType.forClass(UpgradeRequiredEvent.class);

	private final ApplicationContext context;

	private volatile boolean listened;

	/**
	 * Create a new listener.
	 * @param context the context to publish in
	 */
	public EventPublishingDecisionListener(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void onApplicationEvent(ContextRefreshedEvent event) {
		if (event.getApplicationContext() == this.context) {
			this.listened = anyListener();
		}
	}

	/**
	 * Return whether the context has a listener for the event.
	 * @return {@code true} if events are published
	 */
	public boolean isListened() {
		return this.listened;
	}

	@Override
	public void onOutcome(RuleDescriptor rule, Outcome outcome, String client, UpgradeRequest request) {
		if (this.listened && (outcome == Outcome.REJECTED || outcome == Outcome.WARNED)) {
			this.context.publishEvent(new UpgradeRequiredEvent(rule, outcome, request.path(), client));
		}
	}

	private boolean anyListener() {
		if (this.context instanceof AbstractApplicationContext configurable
				&& supportsAny(configurable.getApplicationListeners())) {
			return true;
		}
		for (String name : this.context.getBeanNamesForType(ApplicationListener.class, true, false)) {
			Class<?> type = this.context.getType(name);
			if (type != null && supports(type)) {
				return true;
			}
		}
		return false;
	}

	private static boolean supportsAny(Collection<ApplicationListener<?>> listeners) {
		for (ApplicationListener<?> listener : listeners) {
			if (listener instanceof GenericApplicationListener generic) {
				if (generic.supportsEventType(EVENT_TYPE)) {
					return true;
				}
			}
			else if (listener instanceof SmartApplicationListener smart) {
				if (smart.supportsEventType(UpgradeRequiredEvent.class)) {
					return true;
				}
			}
			else if (supports(listener.getClass())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return whether a listener class takes the event: its declared event type is the
	 * event or a supertype of it, or cannot be resolved.
	 */
	private static boolean supports(Class<?> listenerType) {
		if (EventPublishingDecisionListener.class.isAssignableFrom(listenerType)) {
			return false;
		}
		ResolvableType declared = ResolvableType.forClass(listenerType).as(ApplicationListener.class).getGeneric();
		Class<?> eventType = declared.resolve();
		return eventType == null || eventType.isAssignableFrom(UpgradeRequiredEvent.class);
	}

}
