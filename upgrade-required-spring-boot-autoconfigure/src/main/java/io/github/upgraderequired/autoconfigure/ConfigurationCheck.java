package io.github.upgraderequired.autoconfigure;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;

/**
 * Checks the keys of the starter's configuration, and the rule types, before any bean is
 * created: a misspelled key is reported as such before anything reads the value it
 * leaves missing (the web server's customizers included), in any application, with or
 * without a web server, lazily initialized or not. The values are checked where the rules
 * are created.
 */
final class ConfigurationCheck implements BeanFactoryPostProcessor {

	private final Environment environment;

	ConfigurationCheck(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		ConfigurationValidator.checkKeys(this.environment);
	}

}
