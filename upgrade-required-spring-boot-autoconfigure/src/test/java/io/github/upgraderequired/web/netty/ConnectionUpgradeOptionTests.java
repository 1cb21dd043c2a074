package io.github.upgraderequired.web.netty;

import java.util.List;

import io.netty.channel.ChannelHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.netty.NettyPipeline;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConnectionUpgradeOption}: what it does to an answer and where it goes;
 * that Reactor Netty needs it there, the end-to-end tests show.
 */
class ConnectionUpgradeOptionTests {

	@ParameterizedTest(name = "{0} Upgrade: {1} Connection: {2} -> {3}")
	@CsvSource(nullValues = "none", delimiter = '|', textBlock = """
			HTTP/1.1 | TLS/1.3 | close            | close;Upgrade
			HTTP/1.1 | TLS/1.3 | none             | Upgrade
			HTTP/1.1 | TLS/1.3 | keep-alive       | keep-alive;Upgrade
			HTTP/1.1 | TLS/1.3 | upgrade          | upgrade
			HTTP/1.1 | TLS/1.3 | close, UPGRADE   | close, UPGRADE
			HTTP/1.1 | none    | close            | close
			HTTP/1.0 | TLS/1.3 | close            | close
			HTTP/1.0 | TLS/1.3 | none             | none
			""")
	void addsTheUpgradeOptionOnlyBesideUpgradeOnHttp11(String version, String upgrade, String connection,
			String expected) {
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.valueOf(version),
				HttpResponseStatus.UPGRADE_REQUIRED);
		if (upgrade != null) {
			response.headers().set(HttpHeaderNames.UPGRADE, upgrade);
		}
		if (connection != null) {
			response.headers().set(HttpHeaderNames.CONNECTION, connection);
		}
		EmbeddedChannel channel = new EmbeddedChannel(ConnectionUpgradeOption.INSTANCE);
		channel.writeOutbound(response);
		FullHttpResponse written = channel.readOutbound();
		List<String> lines = written.headers().getAll(HttpHeaderNames.CONNECTION);
		assertThat(lines).isEqualTo((expected != null) ? List.of(expected.split(";")) : List.of());
		written.release();
		channel.finishAndReleaseAll();
	}

	@Test
	void isInstalledOnceAheadOfTheTrafficHandler() {
		EmbeddedChannel channel = new EmbeddedChannel();
		channel.pipeline().addLast(NettyPipeline.HttpTrafficHandler, new ChannelHandlerAdapter() {
		});
		ConnectionUpgradeOption.install(channel);
		ConnectionUpgradeOption.install(channel);
		assertThat(channel.pipeline().names()).containsSubsequence(ConnectionUpgradeOption.NAME,
				NettyPipeline.HttpTrafficHandler);
		assertThat(channel.pipeline().names()).containsOnlyOnce(ConnectionUpgradeOption.NAME);
		channel.finishAndReleaseAll();
	}

	@Test
	void aChannelWithoutTheTrafficHandlerIsLeftAlone() {
		EmbeddedChannel channel = new EmbeddedChannel();
		ConnectionUpgradeOption.install(channel);
		assertThat(channel.pipeline().get(ConnectionUpgradeOption.NAME)).isNull();
		channel.finishAndReleaseAll();
	}

}
