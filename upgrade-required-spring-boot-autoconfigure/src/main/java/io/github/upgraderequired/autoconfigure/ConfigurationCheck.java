package io.github.upgraderequired.autoconfigure;

import org.springframework.core.env.Environment;

/**
 * Checks the keys of the starter's configuration when it is created, in an application
 * without a web server, where no rule is created to check the rest: a misspelled
 * {@code upgrade-required.client} key stops start-up there too.
 */
final class ConfigurationCheck {

	ConfigurationCheck(Environment environment) {
		ConfigurationValidator.validateKeys(environment);
	}

}
