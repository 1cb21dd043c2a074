package io.github.upgraderequired.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A service that shows the upgrade-required rules. Runs on Spring MVC (Tomcat) by
 * default, and on Spring WebFlux (Reactor Netty) with the {@code webflux} profile.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
