package io.github.upgraderequired.autoconfigure.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Properties of the client support: how the application's {@code RestClient},
 * {@code RestTemplate} and {@code WebClient} treat a {@code 426} and deprecation headers.
 */
@ConfigurationProperties(UpgradeRequiredClientProperties.PREFIX)
public class UpgradeRequiredClientProperties {

	/**
	 * The prefix of these properties.
	 */
	public static final String PREFIX = "upgrade-required.client";

	/**
	 * Whether Spring's HTTP clients turn a 426 into a typed exception and log, count and
	 * publish the deprecation headers they receive.
	 */
	private boolean enabled;

	/**
	 * How long to stay quiet about a host and path after a WARN about it.
	 */
	private Duration logInterval = Duration.ofHours(1);

	private final Metrics metrics = new Metrics();

	private final HttpsRetry httpsRetry = new HttpsRetry();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getLogInterval() {
		return this.logInterval;
	}

	public void setLogInterval(Duration logInterval) {
		this.logInterval = logInterval;
	}

	public Metrics getMetrics() {
		return this.metrics;
	}

	public HttpsRetry getHttpsRetry() {
		return this.httpsRetry;
	}

	/**
	 * The client counter.
	 */
	public static class Metrics {

		/**
		 * Whether to tag upgrade.required.client.responses with the host the request went
		 * to (at most 64 hosts; the rest are counted as 'other').
		 */
		private boolean hostTag;

		public boolean isHostTag() {
			return this.hostTag;
		}

		public void setHostTag(boolean hostTag) {
			this.hostTag = hostTag;
		}

	}

	/**
	 * Sending a request again over https when a 426 asks for TLS.
	 */
	public static class HttpsRetry {

		/**
		 * Hosts whose http requests are sent once more over https, to the same host, when
		 * a 426 asks for TLS; only idempotent methods. Empty (the default): never.
		 */
		private List<String> hosts = new ArrayList<>();

		/**
		 * The https port of those hosts.
		 */
		private int port = 443;

		public List<String> getHosts() {
			return this.hosts;
		}

		public void setHosts(List<String> hosts) {
			this.hosts = hosts;
		}

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

	}

}
