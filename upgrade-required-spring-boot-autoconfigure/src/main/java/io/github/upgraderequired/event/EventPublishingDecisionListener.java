package io.github.upgraderequired.event;

import io.github.upgraderequired.core.DecisionListener;
import io.github.upgraderequired.core.Outcome;
import io.github.upgraderequired.core.RuleDescriptor;
import io.github.upgraderequired.core.UpgradeRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.context.event.GenericApplicationListenerAdapter;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.ResolvableType;

/**
 * Publishes an {@link UpgradeRequiredEvent} for every rejection and warning, but only when
 * somebody listens for it, so that with no listener the request path neither builds
 * events nor asks the multicaster. Whether anybody does is worked out at the first
 * rejection or warning, and again after each refresh, the way the context's multicaster
 * matches listeners to an event: {@code @EventListener} methods, listener beans, listeners
 * added to the context and those of its parents.
 */
public class EventPublishingDecisionListener implements DecisionListener, ApplicationListener<ContextRefreshedEvent> {

	private static final ResolvableType EVENT_TYPE = ResolvableType.forClass(UpgradeRequiredEvent.class);

	private final ApplicationContext context;

	private volatile @Nullable Boolean listened;

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
			this.listened = null;
		}
	}

	/**
	 * Return whether the context has a listener for the event.
	 * @return {@code true} if events are published
	 */
	public boolean isListened() {
		Boolean listened = this.listened;
		if (listened == null) {
			listened = anyListener();
			this.listened = listened;
		}
		return listened;
	}

	@Override
	public void onOutcome(RuleDescriptor rule, Outcome outcome, String client, UpgradeRequest request) {
		if ((outcome == Outcome.REJECTED || outcome == Outcome.WARNED) && isListened()) {
			this.context.publishEvent(new UpgradeRequiredEvent(rule, outcome, request.path(), client));
		}
	}

	private boolean anyListener() {
		for (@Nullable ApplicationContext context = this.context; context != null; context = context.getParent()) {
			if (context instanceof AbstractApplicationContext abstractContext) {
				// Every listener added to the context, @EventListener methods and singleton
				// listener beans among them.
				for (ApplicationListener<?> listener : abstractContext.getApplicationListeners()) {
					if (listener != this && takes(listener)) {
						return true;
					}
				}
			}
			for (String name : context.getBeanNamesForType(ApplicationListener.class, true, false)) {
				if (!context.isSingleton(name) && takes(context.getType(name))) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean takes(ApplicationListener<?> listener) {
		GenericApplicationListener generic = (listener instanceof GenericApplicationListener adapter) ? adapter
				: new GenericApplicationListenerAdapter(listener);
		return generic.supportsEventType(EVENT_TYPE) && generic.supportsSourceType(RuleDescriptor.class);
	}

	/**
	 * Return whether a listener bean that is not a singleton takes the event: its declared
	 * event type is the event or a supertype of it, or cannot be resolved.
	 */
	private static boolean takes(@Nullable Class<?> listenerType) {
		if (listenerType == null) {
			return false;
		}
		Class<?> eventType = ResolvableType.forClass(listenerType).as(ApplicationListener.class).getGeneric().resolve();
		return eventType == null || eventType.isAssignableFrom(UpgradeRequiredEvent.class);
	}

}
