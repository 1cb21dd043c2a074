package io.github.upgraderequired.e2e;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring WebFlux served by Tomcat rather than Reactor Netty, where the WebFlux adapter
 * reads the connection from the Servlet container's request: the end-to-end scenarios
 * that implement this run there, and check that they do.
 */
interface WebFluxOnTomcat {

	/**
	 * The properties that serve WebFlux with Tomcat although Reactor Netty is on the class
	 * path too: Spring Boot prefers Reactor Netty, so its server is left out.
	 */
	String PROPERTIES = "spring.autoconfigure.exclude="
			+ "org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration";

	@Test
	default void runsWebFluxOnTomcat(@Autowired ApplicationContext context) {
		assertThat(context).isInstanceOf(ReactiveWebServerApplicationContext.class);
		assertThat(((WebServerApplicationContext) context).getWebServer().getClass().getSimpleName())
			.isEqualTo("TomcatWebServer");
	}

}
