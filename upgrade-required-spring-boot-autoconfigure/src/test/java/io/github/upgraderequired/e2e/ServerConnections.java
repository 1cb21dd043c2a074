package io.github.upgraderequired.e2e;

import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import org.apache.coyote.AbstractProtocol;
import org.apache.tomcat.util.net.AbstractEndpoint;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connections a running server holds open, by the peer's address: Tomcat's own
 * list, and on Reactor Netty what a {@link Tracker} saw. A server closes a connection once
 * it has handled what came on it, so no connection left from a peer means that nothing
 * more about that peer's requests can happen, a log line included.
 */
final class ServerConnections {

	private ServerConnections() {
	}

	/**
	 * Wait until the server holds no connection from the given peer, and has done all it
	 * had to do about them. Call it after an exchange on a new connection that the server
	 * accepted after every connection in question.
	 * @param context the application
	 * @param peer the peer's address, one that no other client of the test uses
	 * @param timeout how long to wait at most
	 */
	static void awaitNoneFrom(ApplicationContext context, String peer, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		Tracker tracker = (server(context) instanceof TomcatWebServer) ? null : context.getBean(Tracker.class);
		if (tracker != null) {
			// Reactor Netty's acceptor has handed every connection to an event loop; once
			// the loops have run what was queued, each of them is counted.
			tracker.drain(timeout);
		}
		int open = openFrom(context, peer);
		while (open > 0 && System.nanoTime() < deadline) {
			Thread.sleep(10);
			open = openFrom(context, peer);
		}
		assertThat(open).as("connections from %s still open after %s", peer, timeout).isZero();
		if (tracker != null) {
			// A channel is closed before its pipeline hears of it: let the loops finish.
			tracker.drain(timeout);
		}
	}

	private static WebServer server(ApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer();
	}

	static int openFrom(ApplicationContext context, String peer) {
		if (server(context) instanceof TomcatWebServer tomcat) {
			return (int) endpoint(tomcat).getConnections()
				.stream()
				.filter((connection) -> peer.equals(connection.getRemoteAddr()))
				.count();
		}
		return context.getBean(Tracker.class).openFrom(peer);
	}

	private static AbstractEndpoint<?, ?> endpoint(TomcatWebServer server) {
		try {
			AbstractProtocol<?> protocol = (AbstractProtocol<?>) server.getTomcat().getConnector().getProtocolHandler();
			// Tomcat lists its open connections on the endpoint, which the protocol keeps to itself.
			Method getEndpoint = AbstractProtocol.class.getDeclaredMethod("getEndpoint");
			getEndpoint.setAccessible(true);
			return (AbstractEndpoint<?, ?>) getEndpoint.invoke(protocol);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Counts Reactor Netty's open connections by the peer's address, and knows the event
	 * loops that serve them.
	 */
	static final class Tracker implements NettyServerCustomizer {

		private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();

		private final Set<EventLoopGroup> loops = ConcurrentHashMap.newKeySet();

		@Override
		public HttpServer apply(HttpServer server) {
			return server.doOnChannelInit((observer, channel, remote) -> {
				this.loops.add(channel.eventLoop().parent());
				String peer = (channel.remoteAddress() instanceof InetSocketAddress address)
						? address.getAddress().getHostAddress() : String.valueOf(channel.remoteAddress());
				AtomicInteger count = this.open.computeIfAbsent(peer, (key) -> new AtomicInteger());
				count.incrementAndGet();
				channel.closeFuture().addListener((closed) -> count.decrementAndGet());
			});
		}

		int openFrom(String peer) {
			AtomicInteger count = this.open.get(peer);
			return (count != null) ? count.get() : 0;
		}

		/**
		 * Wait until every event loop has run all it had queued.
		 */
		void drain(Duration timeout) throws Exception {
			for (EventLoopGroup group : this.loops) {
				for (EventExecutor loop : group) {
					loop.submit(() -> {
					}).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
				}
			}
		}

	}

}
