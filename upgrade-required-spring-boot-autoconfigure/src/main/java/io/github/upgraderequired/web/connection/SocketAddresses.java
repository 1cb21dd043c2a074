package io.github.upgraderequired.web.connection;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

import org.jspecify.annotations.Nullable;

/**
 * Turns the socket addresses a reactive server reports into the literals the rules
 * compare. Not an API.
 */
public final class SocketAddresses {

	private SocketAddresses() {
	}

	/**
	 * Return the literal of a socket address: the IP address, or the host name of an
	 * unresolved one.
	 * @param address the address
	 * @return the literal, or {@code null} if it is not an IP socket's
	 */
	public static @Nullable String literal(@Nullable SocketAddress address) {
		if (!(address instanceof InetSocketAddress inet)) {
			return null;
		}
		return (inet.getAddress() != null) ? inet.getAddress().getHostAddress() : inet.getHostString();
	}

}
