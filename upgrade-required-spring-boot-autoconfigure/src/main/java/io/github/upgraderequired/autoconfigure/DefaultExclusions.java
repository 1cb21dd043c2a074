package io.github.upgraderequired.autoconfigure;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The paths never checked, so that no rule can lock out health checks or error pages: the
 * actuator base path (also under the management server's base path) and the error path.
 */
final class DefaultExclusions {

	private static final Log logger = LogFactory.getLog(DefaultExclusions.class);

	private DefaultExclusions() {
	}

	static List<String> of(Environment environment) {
		Set<String> patterns = new LinkedHashSet<>();
		String actuator = normalize(environment.getProperty("management.endpoints.web.base-path", "/actuator"));
		String managementServer = normalize(environment.getProperty("management.server.base-path", ""));
		if (!actuator.isEmpty()) {
			patterns.add(managementServer + actuator + "/**");
			patterns.add(actuator + "/**");
		}
		else {
			// Endpoints at the root: their paths cannot all be known, but health checks
			// must never be locked out.
			String health = normalize(environment.getProperty("management.endpoints.web.path-mapping.health", "health"));
			patterns.add(managementServer + health + "/**");
			logger.warn("management.endpoints.web.base-path is '/': of the actuator endpoints, only " + health
					+ " is excluded from upgrade-required rules; add others to "
					+ UpgradeRequiredProperties.PREFIX + ".exclude-paths");
		}
		String error = normalize(environment.getProperty("server.error.path", "/error"));
		if (!error.isEmpty()) {
			patterns.add(error);
		}
		return List.copyOf(patterns);
	}

	private static String normalize(String path) {
		String trimmed = StringUtils.trimTrailingCharacter(path.trim(), '/');
		return (trimmed.isEmpty() || trimmed.startsWith("/")) ? trimmed : "/" + trimmed;
	}

}
