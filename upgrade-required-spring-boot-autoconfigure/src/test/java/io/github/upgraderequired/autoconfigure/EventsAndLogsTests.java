package io.github.upgraderequired.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.github.upgraderequired.core.HttpProtocol;
import io.github.upgraderequired.core.Outcome;
import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.event.EventPublishingDecisionListener;
import io.github.upgraderequired.event.UpgradeRequiredEvent;
import io.github.upgraderequired.test.MockUpgradeRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.startup.StartupTimeMetricsListenerAutoConfiguration;
import org.springframework.boot.micrometer.metrics.startup.StartupTimeMetricsListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.context.event.SmartApplicationListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events published for rejections and warnings, and the start-up summary.
 */
@ExtendWith(OutputCaptureExtension.class)
class EventsAndLogsTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(UpgradeRequiredAutoConfiguration.class))
		.withPropertyValues("upgrade-required.rules.legacy.type=http-version",
				"upgrade-required.rules.legacy.exclude-paths=/reported/**", "upgrade-required.rules.shadow.type=https",
				"upgrade-required.rules.shadow.mode=report", "upgrade-required.rules.soon.type=https",
				"upgrade-required.rules.soon.paths=/soon/**",
				"upgrade-required.rules.soon.warn-from=2020-01-01T00:00:00Z",
				"upgrade-required.rules.soon.enforce-from=2099-01-01T00:00:00Z");

	@Test
	void rejectionsAndWarningsArePublishedToEventListenerMethods() {
		this.runner.withUserConfiguration(EventListenerMethod.class).run((context) -> {
			assertThat(context.getBean(EventPublishingDecisionListener.class).isListened()).isTrue();
			UpgradeEngine engine = context.getBean(UpgradeEngine.class);
			engine.evaluate(MockUpgradeRequest.get("/a").protocol(HttpProtocol.HTTP_1_0));
			engine.evaluate(MockUpgradeRequest.get("/soon/b"));
			engine.evaluate(MockUpgradeRequest.get("/c"));
			List<UpgradeRequiredEvent> events = context.getBean(EventListenerMethod.class).events;
			assertThat(events).extracting(UpgradeRequiredEvent::getRuleName, UpgradeRequiredEvent::getOutcome,
					UpgradeRequiredEvent::getPath, UpgradeRequiredEvent::getClient)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("legacy", Outcome.REJECTED, "/a", "other"),
						org.assertj.core.groups.Tuple.tuple("soon", Outcome.WARNED, "/soon/b", "other"));
		});
	}

	@Test
	void listenerBeansReceiveThemToo() {
		this.runner.withUserConfiguration(ListenerBean.class).run((context) -> {
			context.getBean(UpgradeEngine.class)
				.evaluate(MockUpgradeRequest.get("/x").protocol(HttpProtocol.HTTP_1_0));
			assertThat(context.getBean(Collecting.class).events).hasSize(1);
		});
	}

	@Test
	void nothingIsPublishedWhenNobodyListens() {
		this.runner.run((context) -> assertThat(context.getBean(EventPublishingDecisionListener.class).isListened())
			.isFalse());
	}

	@Test
	void listenersThatDeclareEveryEventButTakeOthersDoNotCount() {
		// Spring Boot's StartupTimeMetricsListener, present wherever metrics are, declares
		// ApplicationListener<ApplicationEvent> and takes only start-up events.
		this.runner
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
					StartupTimeMetricsListenerAutoConfiguration.class))
			.withUserConfiguration(NarrowSmartListener.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(StartupTimeMetricsListener.class).hasSingleBean(SmartListener.class);
				assertThat(context.getBean(EventPublishingDecisionListener.class).isListened()).isFalse();
			});
	}

	@Test
	void aListenerForEveryEventCounts() {
		this.runner.withBean("everything", ApplicationListener.class, () -> (ApplicationListener<ApplicationEvent>) (event) -> {
		}).run((context) -> assertThat(context.getBean(EventPublishingDecisionListener.class).isListened()).isTrue());
	}

	@Test
	void aListenerInTheParentContextCounts() {
		try (AnnotationConfigApplicationContext parent = new AnnotationConfigApplicationContext(ListenerBean.class)) {
			this.runner.withParent(parent).run((context) -> {
				assertThat(context.getBean(EventPublishingDecisionListener.class).isListened()).isTrue();
				context.getBean(UpgradeEngine.class)
					.evaluate(MockUpgradeRequest.get("/x").protocol(HttpProtocol.HTTP_1_0));
				assertThat(parent.getBean(Collecting.class).events).hasSize(1);
			});
		}
	}

	@Test
	void startUpLogsOneLineWithEveryRuleAndItsModeNow(CapturedOutput output) {
		this.runner.run((context) -> assertThat(output)
			.contains("upgrade-required: 3 rules active: legacy (http-version, enforce), shadow (https, report), "
					+ "soon (https, warn until 2099-01-01T00:00:00Z)"));
	}

	@Test
	void rulesThatAreOffAreListedButNotCountedAsActive(CapturedOutput output) {
		this.runner.withPropertyValues("upgrade-required.rules.shadow.mode=off")
			.run((context) -> assertThat(output).contains("upgrade-required: 2 of 3 rules active: legacy (http-version, "
					+ "enforce), shadow (https, off), soon (https, warn until 2099-01-01T00:00:00Z)"));
	}

	@Configuration(proxyBeanMethods = false)
	static class EventListenerMethod {

		final List<UpgradeRequiredEvent> events = new ArrayList<>();

		@EventListener
		void on(UpgradeRequiredEvent event) {
			this.events.add(event);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NarrowSmartListener {

		@Bean
		SmartListener smartListener() {
			return new SmartListener();
		}

	}

	static class SmartListener implements SmartApplicationListener {

		@Override
		public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
			return ContextRefreshedEvent.class.isAssignableFrom(eventType);
		}

		@Override
		public void onApplicationEvent(ApplicationEvent event) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ListenerBean {

		@Bean
		Collecting collecting() {
			return new Collecting();
		}

	}

	static class Collecting implements ApplicationListener<UpgradeRequiredEvent> {

		final List<UpgradeRequiredEvent> events = new ArrayList<>();

		@Override
		public void onApplicationEvent(UpgradeRequiredEvent event) {
			this.events.add(event);
		}

	}

}
