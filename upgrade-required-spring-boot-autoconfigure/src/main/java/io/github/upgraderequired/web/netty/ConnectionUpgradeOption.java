package io.github.upgraderequired.web.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AttributeKey;
import reactor.netty.Connection;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServerRequest;

/**
 * Keeps the {@code upgrade} connection option that RFC 9110 (section 7.8) requires beside
 * an {@code Upgrade} header field on HTTP/1.1, when Reactor Netty closes the connection
 * after the answer: Reactor Netty then replaces the whole {@code Connection} field with
 * {@code close} (for a client that sent {@code Connection: close}, such as Python's
 * {@code urllib}, after {@code max-keep-alive-requests}, or for an answer of unknown
 * length), and a 426 would go out with {@code Upgrade} and no {@code upgrade} option.
 * Placed just ahead of Reactor Netty's traffic handler, where the answer passes after that
 * handler, it adds a {@code Connection: Upgrade} line to any HTTP/1.1 answer (the
 * application's included) that has {@code Upgrade} and lacks the option. Answers to
 * HTTP/1.0 requests, which Reactor Netty versions HTTP/1.0 and to which the starter sends
 * no {@code upgrade} option, are left alone. Not an API.
 */
@Sharable
public final class ConnectionUpgradeOption extends ChannelOutboundHandlerAdapter {

	/**
	 * The handler's name in the channel pipeline.
	 */
	public static final String NAME = "io.github.upgraderequired.connectionUpgradeOption";

	static final ConnectionUpgradeOption INSTANCE = new ConnectionUpgradeOption();

	private static final AttributeKey<Boolean> INSTALLED = AttributeKey.valueOf(ConnectionUpgradeOption.class,
			"installed");

	private static final String UPGRADE = "Upgrade";

	private ConnectionUpgradeOption() {
	}

	/**
	 * Install the handler on the channel of an HTTP/1.x request, once per channel. Meant
	 * for {@code HttpServer.doOnConnection}, which Reactor Netty calls for each request,
	 * once it has set the channel up for the protocol negotiated (with TLS, after ALPN);
	 * HTTP/2 and HTTP/3 streams are left alone.
	 * @param connection the request's connection
	 */
	public static void onRequest(Connection connection) {
		if (!(connection instanceof HttpServerRequest request) || request.version().majorVersion() != 1) {
			return;
		}
		install(connection.channel());
	}

	static void install(Channel channel) {
		if (channel.hasAttr(INSTALLED)) {
			return;
		}
		channel.attr(INSTALLED).set(Boolean.TRUE);
		ChannelPipeline pipeline = channel.pipeline();
		if (pipeline.get(NAME) == null && pipeline.get(NettyPipeline.HttpTrafficHandler) != null) {
			pipeline.addBefore(NettyPipeline.HttpTrafficHandler, NAME, INSTANCE);
		}
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
		if (msg instanceof HttpResponse response && HttpVersion.HTTP_1_1.equals(response.protocolVersion())) {
			HttpHeaders headers = response.headers();
			if (headers.contains(HttpHeaderNames.UPGRADE)
					&& !headers.containsValue(HttpHeaderNames.CONNECTION, UPGRADE, true)) {
				headers.add(HttpHeaderNames.CONNECTION, UPGRADE);
			}
		}
		ctx.write(msg, promise);
	}

}
