package io.github.upgraderequired.e2e;

import java.util.List;

import io.github.upgraderequired.core.Decision;
import io.github.upgraderequired.core.Header;
import io.github.upgraderequired.core.RuleSettings;
import io.github.upgraderequired.core.UpgradeRequest;
import io.github.upgraderequired.core.UpgradeRule;
import io.github.upgraderequired.core.Verdict;
import io.github.upgraderequired.render.UpgradeResponse;
import io.github.upgraderequired.render.UpgradeResponseRenderer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Beans that fail, added to {@link EndToEndApplication} by the fault tests only: a rule
 * bean that throws on the paths in {@code faults.exploding-paths} ({@code /open/**} unless
 * set), and a renderer that throws when a request asks for it with
 * {@value #FAIL_RENDER_HEADER}, and whenever it is to add the warnings of the
 * {@code deprecated} rule of the e2e profile.
 */
@Configuration(proxyBeanMethods = false)
class FaultyBeans {

	static final String EXPLODING_RULE = "exploding";

	static final String FAIL_RENDER_HEADER = "X-Fail-Render";

	@Bean
	UpgradeRule explodingRule(@Value("${faults.exploding-paths:/open/**}") List<String> paths) {
		return new ExplodingRule(RuleSettings.builder().paths(paths).build());
	}

	@Bean
	UpgradeResponseRenderer failingRenderer() {
		return new FailingRenderer();
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	ServerConnections.Tracker connectionTracker() {
		return new ServerConnections.Tracker();
	}

	/**
	 * A rule whose check always throws.
	 */
	static final class ExplodingRule implements UpgradeRule {

		private final RuleSettings settings;

		ExplodingRule(RuleSettings settings) {
			this.settings = settings;
		}

		@Override
		public String name() {
			return EXPLODING_RULE;
		}

		@Override
		public List<String> upgrade() {
			return List.of("Example/2");
		}

		@Override
		public RuleSettings settings() {
			return this.settings;
		}

		@Override
		public Verdict check(UpgradeRequest request) {
			throw new IllegalStateException("The exploding rule exploded");
		}

	}

	/**
	 * A renderer that throws on request.
	 */
	static final class FailingRenderer extends UpgradeResponseRenderer {

		@Override
		public UpgradeResponse render(Decision decision, UpgradeRequest request) {
			if (request.header(FAIL_RENDER_HEADER) != null) {
				throw new IllegalStateException("The renderer failed to render");
			}
			return super.render(decision, request);
		}

		@Override
		public List<Header> passHeaders(Decision decision) {
			if (decision.links().stream().anyMatch((link) -> link.contains("/docs/deprecated"))) {
				throw new IllegalStateException("The renderer failed to add the warnings");
			}
			return super.passHeaders(decision);
		}

	}

}
