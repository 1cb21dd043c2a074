package io.github.upgraderequired.core.rule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.upgraderequired.core.RuleSettings;
import io.github.upgraderequired.core.UpgradeRequest;
import io.github.upgraderequired.core.Verdict;
import io.github.upgraderequired.core.VersionNumber;
import io.github.upgraderequired.core.browser.Agent;
import io.github.upgraderequired.core.browser.AgentKind;
import io.github.upgraderequired.core.browser.BrowserDetector;
import io.github.upgraderequired.core.browser.BrowserFamily;
import org.jspecify.annotations.Nullable;

/**
 * Rejects browsers below their family's minimum, and families that are blocked, offering
 * {@code <Browser>/<minimum>} of the caller's family. Client Hints win over the
 * {@code User-Agent} string where they are sent. On iOS every browser is judged as Safari
 * of its iOS version; where recent iOS releases freeze that version in the agent string,
 * a version at the frozen value never fails a higher minimum. Bots, link previews, audits,
 * monitors, libraries, webviews and unknown agents pass unless their kind is judged.
 */
public final class BrowserRule extends AbstractUpgradeRule {

	/**
	 * The rule's type.
	 */
	public static final String TYPE = "browser";

	// Ordered, so that Vary reads the same on every run.
	private static final Set<String> READ_HEADERS = Collections.unmodifiableSet(
			new LinkedHashSet<>(List.of("User-Agent", "Sec-CH-UA", "Sec-CH-UA-Full-Version-List")));

	private final Map<BrowserFamily, VersionNumber> minimums;

	private final Set<BrowserFamily> blocked;

	private final Set<AgentKind> judged;

	private final BrowserDetector detector;

	/**
	 * The verdict for a version below its family's minimum but for the agent, by family.
	 */
	private final Map<BrowserFamily, Verdict> belowMinimum;

	private final RecentVerdicts recent = new RecentVerdicts();

	private final String supported;

	/**
	 * Create a new rule.
	 * @param name the rule's name
	 * @param minimums the minimum version per family; families without one pass
	 * @param blocked the families refused whatever their version
	 * @param judged the kinds of agent judged besides browsers (their embedded browser,
	 * if they have one, is judged; without one they are refused)
	 * @param detector the detector
	 * @param upgrade the tokens to offer, or an empty list for one per minimum
	 * @param settings where and how the rule applies
	 */
	public BrowserRule(String name, Map<BrowserFamily, VersionNumber> minimums, Set<BrowserFamily> blocked,
			Set<AgentKind> judged, BrowserDetector detector, List<String> upgrade, RuleSettings settings) {
		super(name, TYPE, orDefault(upgrade, tokens(minimums)), settings, READ_HEADERS);
		this.minimums = minimums.isEmpty() ? Map.of() : new EnumMap<>(minimums);
		this.blocked = blocked.isEmpty() ? Set.of() : EnumSet.copyOf(blocked);
		this.judged = judged.isEmpty() ? Set.of() : EnumSet.copyOf(judged);
		this.detector = detector;
		this.supported = supported(minimums);
		Map<BrowserFamily, Verdict> belowMinimum = new EnumMap<>(BrowserFamily.class);
		this.minimums.forEach((family, minimum) -> belowMinimum.put(family,
				Verdict.upgrade(family.displayName() + " " + minimum, null)
					.withClient(family.key())
					.withUpgrade(List.of(family.token() + "/" + minimum))
					.withDetail("Please use a newer browser: " + family.displayName() + " " + minimum
							+ " or newer. Supported: " + this.supported + ".")));
		this.belowMinimum = belowMinimum;
	}

	@Override
	public Map<String, Object> details() {
		Map<String, Object> minimums = new LinkedHashMap<>();
		this.minimums.forEach((family, minimum) -> minimums.put(family.key(), minimum.toString()));
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("minimums", minimums);
		details.put("blocked", this.blocked.stream().map(BrowserFamily::key).toList());
		details.put("judged", this.judged.stream().map(AgentKind::key).toList());
		return details;
	}

	@Override
	public Verdict check(UpgradeRequest request) {
		Agent agent = this.detector.detect(request.header("User-Agent"), request.header("Sec-CH-UA"),
				request.header("Sec-CH-UA-Full-Version-List"));
		if (agent.kind() != AgentKind.BROWSER && !this.judged.contains(agent.kind())) {
			return Verdict.pass();
		}
		BrowserFamily family = agent.family();
		if (family == null || agent.version() == null) {
			return (agent.kind() == AgentKind.BROWSER) ? Verdict.unknown() : refuse(agent, null);
		}
		if (this.blocked.contains(family)) {
			return refuse(agent, family.displayName() + " is not supported.");
		}
		VersionNumber minimum = this.minimums.get(family);
		if (minimum == null || agent.version().compareTo(minimum) >= 0 || agent.iosVersionFrozen()) {
			// A frozen iOS version says "this or newer": no minimum fails it.
			return Verdict.pass();
		}
		Verdict template = this.belowMinimum.get(family);
		String client = client(agent);
		// A judged agent that is not a browser (a crawler, a webview) is counted by its kind.
		if (!client.equals(template.client())) {
			template = template.withClient(client);
		}
		return this.recent.withCurrent(template, agent.description());
	}

	private Verdict refuse(Agent agent, @Nullable String reason) {
		String detail = ((reason != null) ? reason + " " : "") + "Supported: " + this.supported + ".";
		return Verdict.upgrade(this.supported, agent.description()).withDetail(detail).withClient(client(agent));
	}

	/**
	 * Name the client by its family, or its kind when it is not a browser: a fixed set.
	 */
	private static String client(Agent agent) {
		if (agent.kind() == AgentKind.BROWSER && agent.family() != null) {
			return agent.family().key();
		}
		return agent.kind().key();
	}

	private static List<String> tokens(Map<BrowserFamily, VersionNumber> minimums) {
		List<String> tokens = new ArrayList<>();
		for (BrowserFamily family : BrowserFamily.values()) {
			if (minimums.containsKey(family)) {
				tokens.add(family.token() + "/" + minimums.get(family));
			}
		}
		return tokens.isEmpty() ? List.of("Browser") : tokens;
	}

	private static String supported(Map<BrowserFamily, VersionNumber> minimums) {
		List<String> names = new ArrayList<>();
		for (BrowserFamily family : BrowserFamily.values()) {
			if (minimums.containsKey(family)) {
				names.add(family.displayName() + " " + minimums.get(family));
			}
		}
		return names.isEmpty() ? "current browsers" : String.join(", ", names);
	}

}
