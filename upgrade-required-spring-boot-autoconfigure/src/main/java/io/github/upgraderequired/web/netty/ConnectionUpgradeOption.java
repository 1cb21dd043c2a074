package io.github.upgraderequired.web.netty;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
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
 * after the answer. Reactor Netty then replaces the whole {@code Connection} field with
 * {@code close} (a client that sent {@code Connection: close}, such as Python's
 * {@code urllib}, would get a 426 with {@code Upgrade} and no {@code upgrade} option);
 * this handler, placed between the HTTP codec and Reactor Netty's traffic handler, puts
 * the option back in front of {@code close}. Answers to HTTP/1.0 requests, to which the
 * starter sends no {@code Connection: upgrade}, and answers without {@code Upgrade} are
 * left alone. Not an API.
 */
public final class ConnectionUpgradeOption extends ChannelDuplexHandler {

	/**
	 * The handler's name in the channel pipeline.
	 */
	public static final String NAME = "io.github.upgraderequired.connectionUpgradeOption";

	private static final AttributeKey<ConnectionUpgradeOption> HANDLER = AttributeKey
		.valueOf(ConnectionUpgradeOption.class, "handler");

	/**
	 * Whether the request being answered on the connection is an HTTP/1.1 one. Reactor
	 * Netty answers a connection's requests one after the other, each configured before it
	 * is answered.
	 */
	private volatile boolean http11;

	ConnectionUpgradeOption(boolean http11) {
		this.http11 = http11;
	}

	/**
	 * Install the handler on the channel of an HTTP/1.x request, once per channel, and
	 * tell it the version of the request about to be answered. Meant for
	 * {@code HttpServer.doOnConnection}, which Reactor Netty calls for each request; an
	 * HTTP/2 stream has no HTTP/1.x traffic handler and is left alone.
	 * @param connection the request's connection
	 */
	public static void onRequest(Connection connection) {
		if (!(connection instanceof HttpServerRequest request)) {
			return;
		}
		ConnectionUpgradeOption handler = connection.channel().attr(HANDLER).get();
		if (handler == null) {
			ChannelPipeline pipeline = connection.channel().pipeline();
			if (pipeline.get(NettyPipeline.HttpTrafficHandler) == null) {
				return;
			}
			handler = new ConnectionUpgradeOption(true);
			// Just ahead of the traffic handler, which sets Connection: close on the way out:
			// the codec before it has its own name only when h2c is off.
			pipeline.addBefore(NettyPipeline.HttpTrafficHandler, NAME, handler);
			connection.channel().attr(HANDLER).set(handler);
		}
		handler.http11 = HttpVersion.HTTP_1_1.equals(request.version());
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
		if (msg instanceof HttpResponse response && this.http11) {
			HttpHeaders headers = response.headers();
			if (headers.contains(HttpHeaderNames.UPGRADE)
					&& !headers.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true)) {
				String connection = headers.get(HttpHeaderNames.CONNECTION);
				headers.set(HttpHeaderNames.CONNECTION,
						(connection != null) ? HttpHeaderValues.UPGRADE + ", " + connection : HttpHeaderValues.UPGRADE);
			}
		}
		super.write(ctx, msg, promise);
	}

}
