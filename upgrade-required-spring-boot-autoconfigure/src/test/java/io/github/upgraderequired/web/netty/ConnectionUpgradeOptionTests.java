package io.github.upgraderequired.web.netty;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConnectionUpgradeOption}'s rewriting of answers; where Reactor Netty puts
 * it, and that it is needed there, the end-to-end tests show.
 */
class ConnectionUpgradeOptionTests {

	@ParameterizedTest(name = "{0} Upgrade: {1} Connection: {2} -> {3}")
	@CsvSource(nullValues = "none", delimiter = '|', textBlock = """
			true  | TLS/1.3 | close            | upgrade, close
			true  | TLS/1.3 | none             | upgrade
			true  | TLS/1.3 | keep-alive       | upgrade, keep-alive
			true  | TLS/1.3 | Upgrade          | Upgrade
			true  | TLS/1.3 | close, UPGRADE   | close, UPGRADE
			true  | none    | close            | close
			false | TLS/1.3 | close            | close
			false | TLS/1.3 | none             | none
			""")
	void putsTheUpgradeOptionBackOnlyBesideAnUpgradeToAnHttp11Request(boolean http11, @Nullable String upgrade,
			@Nullable String connection, @Nullable String expected) {
		EmbeddedChannel channel = new EmbeddedChannel(new ConnectionUpgradeOption(http11));
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
				HttpResponseStatus.UPGRADE_REQUIRED);
		if (upgrade != null) {
			response.headers().set(HttpHeaderNames.UPGRADE, upgrade);
		}
		if (connection != null) {
			response.headers().set(HttpHeaderNames.CONNECTION, connection);
		}
		channel.writeOutbound(response);
		FullHttpResponse written = channel.readOutbound();
		assertThat(written.headers().get(HttpHeaderNames.CONNECTION)).isEqualTo(expected);
		written.release();
		channel.finishAndReleaseAll();
	}

}
