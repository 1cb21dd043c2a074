package io.github.upgraderequired.autoconfigure;

import io.github.upgraderequired.core.TrustedProxies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TrustedForwardingNettyCustomizer}. What the narrowed handling does is
 * tested on a real server, in {@code WebFluxNativeRestrictedForwardingTests}.
 */
@ExtendWith(OutputCaptureExtension.class)
class TrustedForwardingNettyCustomizerTests {

	private final TrustedForwardingNettyCustomizer customizer = new TrustedForwardingNettyCustomizer(
			TrustedProxies.DEFAULT);

	@Test
	void replacesTheHandlingThatNativeForwardingTurnedOn() {
		HttpServer forwarding = HttpServer.create().forwarded(true);
		HttpServer customized = this.customizer.apply(forwarding);
		assertThat(customized).isNotSameAs(forwarding);
		assertThat(customized.configuration().isForwarded()).isTrue();
	}

	@Test
	void leavesAServerThatReadsNoForwardingHeadersAloneAndSaysSo(CapturedOutput output) {
		HttpServer plain = HttpServer.create();
		assertThat(this.customizer.apply(plain)).isSameAs(plain);
		assertThat(plain.configuration().isForwarded()).isFalse();
		assertThat(output).contains("restrict-netty-forwarding is set, but Reactor Netty does not read forwarding "
				+ "headers");
	}

}
