package io.github.upgraderequired.core.browser;

import io.github.upgraderequired.core.VersionNumber;
import org.jspecify.annotations.Nullable;

/**
 * What the detector found: the kind of client and, where it is a browser or embeds one,
 * the browser family and version it is judged by. On iOS that is Safari of the iOS
 * version for every browser but Safari, which gives its own version.
 *
 * @param kind the kind of client
 * @param family the browser family it is judged as, or {@code null}
 * @param version the version it is judged by, or {@code null}
 * @param iosVersionFrozen whether the version is an iOS version that recent iOS releases
 * freeze in the agent string (18.6 for iOS 26), so that the real version may be higher
 * @param description what was detected, for people (the {@code current} of a rejection)
 */
public record Agent(AgentKind kind, @Nullable BrowserFamily family, @Nullable VersionNumber version,
		boolean iosVersionFrozen, String description) {

	/**
	 * An agent about which nothing is known.
	 */
	public static final Agent UNKNOWN = new Agent(AgentKind.UNKNOWN, null, null, false, "unknown");

	/**
	 * Return a copy of another kind, keeping the browser it embeds.
	 * @param kind the kind
	 * @return the agent
	 */
	Agent as(AgentKind kind) {
		return new Agent(kind, this.family, this.version, this.iosVersionFrozen, this.description);
	}

}
