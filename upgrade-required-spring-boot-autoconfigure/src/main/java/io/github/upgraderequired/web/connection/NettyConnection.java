package io.github.upgraderequired.web.connection;

import io.github.upgraderequired.core.ForwardedHeaders;
import io.github.upgraderequired.core.HttpProtocol;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AsciiString;
import org.jspecify.annotations.Nullable;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerRequest;

/**
 * What a Reactor Netty request's connection says: the HTTP and TLS versions, whether the
 * request was forwarded, the peer's address, as received, whatever Spring or Reactor
 * Netty's own forwarded-header handling made of them. Takes the native request as an
 * {@code Object}, so that a caller loads this class only where Reactor Netty is present.
 * Not an API.
 */
public final class NettyConnection {

	/**
	 * The forwarding headers' names as Netty's own strings, whose hash codes are computed
	 * once, not at every lookup.
	 */
	private static final AsciiString[] FORWARDED_NAMES = ForwardedHeaders.names()
		.stream()
		.map(AsciiString::of)
		.toArray(AsciiString[]::new);

	private NettyConnection() {
	}

	/**
	 * Return whether the native request of a reactive request is Reactor Netty's.
	 * @param nativeRequest the native request
	 * @return {@code true} if this class can read it
	 */
	public static boolean isNetty(Object nativeRequest) {
		return nativeRequest instanceof HttpServerRequest;
	}

	/**
	 * Return the HTTP version of the request.
	 * @param nativeRequest Reactor Netty's request
	 * @return the version, or {@code null} if it is none the engine knows
	 */
	public static @Nullable HttpProtocol protocol(Object nativeRequest) {
		return HttpProtocol.parse(((HttpServerRequest) nativeRequest).version().text());
	}

	/**
	 * Return the TLS protocol of the connection, from its {@code SslHandler}: on the
	 * channel for HTTP/1.x, on its parent (the connection) for an HTTP/2 stream.
	 * @param nativeRequest Reactor Netty's request
	 * @return the protocol ({@code TLSv1.3}), or {@code null} for a plain connection
	 */
	public static @Nullable String tlsProtocol(Object nativeRequest) {
		if (!(nativeRequest instanceof Connection connection)) {
			return null;
		}
		Channel channel = connection.channel();
		SslHandler ssl = channel.pipeline().get(SslHandler.class);
		if (ssl == null && channel.parent() != null) {
			ssl = channel.parent().pipeline().get(SslHandler.class);
		}
		return (ssl != null) ? ssl.engine().getSession().getProtocol() : null;
	}

	/**
	 * Return whether the request as received carried forwarding headers; Reactor Netty
	 * keeps them even when its forwarded-header handling read them.
	 * @param nativeRequest Reactor Netty's request
	 * @return {@code true} if the request was forwarded
	 */
	public static boolean forwarded(Object nativeRequest) {
		return forwarded(((HttpServerRequest) nativeRequest).requestHeaders());
	}

	/**
	 * Return whether request headers include a forwarding header.
	 * @param headers Netty's request headers
	 * @return {@code true} if one is present
	 */
	public static boolean forwarded(HttpHeaders headers) {
		for (AsciiString name : FORWARDED_NAMES) {
			if (headers.contains(name)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return the address of the connection's peer, which Reactor Netty keeps beside the
	 * client address its forwarded-header handling derives.
	 * @param nativeRequest Reactor Netty's request
	 * @return the address literal, or {@code null} if it is not an IP socket's
	 */
	public static @Nullable String peerAddress(Object nativeRequest) {
		return SocketAddresses.literal(((HttpServerRequest) nativeRequest).connectionRemoteAddress());
	}

}
