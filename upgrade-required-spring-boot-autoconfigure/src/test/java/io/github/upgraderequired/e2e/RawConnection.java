package io.github.upgraderequired.e2e;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.SSLSocket;

import org.jspecify.annotations.Nullable;

/**
 * An HTTP/1.x connection over a plain socket that sends requests exactly as given, bytes
 * no HTTP client would send included, and reads each answer completely with
 * {@link Http#readOne}: an answer cut short is an {@link IOException}, never a partial
 * result. After an answer that ends the connection, or a failed exchange, the connection
 * is no longer {@linkplain #isReusable() reusable}; its socket stays open until
 * {@link #close()}, so that {@link #endsHere()} can still look at what follows.
 */
final class RawConnection implements AutoCloseable {

	private static final int TIMEOUT = 30_000;

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	private boolean open = true;

	private int requests;

	/**
	 * The latest exchanges, to explain a failure: each request's first line and what came
	 * of it.
	 */
	private final Deque<String> history = new ArrayDeque<>();

	RawConnection(int port) throws IOException {
		this(connect(null, port));
	}

	private RawConnection(Socket socket) throws IOException {
		this.socket = socket;
		this.in = new BufferedInputStream(this.socket.getInputStream());
		this.out = this.socket.getOutputStream();
	}

	/**
	 * Open a connection from the given loopback address, over TLS in the given version
	 * (trusting the test certificate) or in clear.
	 * @param localAddress the client's address
	 * @param port the server's port
	 * @param tlsVersion the TLS version, such as {@code TLSv1.3}, or {@code null} for a
	 * plain connection
	 */
	static RawConnection open(String localAddress, int port, @Nullable String tlsVersion) throws IOException {
		Socket plain = connect(localAddress, port);
		if (tlsVersion == null) {
			return new RawConnection(plain);
		}
		try {
			SSLSocket socket = (SSLSocket) Http.trustingTestCertificate()
				.getSocketFactory()
				.createSocket(plain, "localhost", port, true);
			socket.setEnabledProtocols(new String[] { tlsVersion });
			socket.startHandshake();
			return new RawConnection(socket);
		}
		catch (IOException ex) {
			plain.close();
			throw ex;
		}
		catch (Exception ex) {
			plain.close();
			throw new IllegalStateException(ex);
		}
	}

	private static Socket connect(@Nullable String localAddress, int port) throws IOException {
		Socket socket = new Socket();
		if (localAddress != null) {
			socket.bind(new InetSocketAddress(localAddress, 0));
		}
		// Without it, a request written right after the TLS handshake waits for the
		// server's delayed acknowledgement of the handshake's last message (40 ms).
		socket.setTcpNoDelay(true);
		socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT);
		socket.setSoTimeout(TIMEOUT);
		return socket;
	}

	/**
	 * Take this connection out of use, as after an answer that switched it to another
	 * protocol.
	 */
	void retire() {
		this.open = false;
	}

	/**
	 * Return whether another request may be sent on this connection.
	 */
	boolean isReusable() {
		return this.open;
	}

	/**
	 * Return how many requests were sent on this connection.
	 */
	int requests() {
		return this.requests;
	}

	/**
	 * Send a request and read its answer.
	 * @param request the request, header section and all
	 * @param head whether the request is a {@code HEAD}, whose answer has no body
	 */
	HttpResult exchange(byte[] request, boolean head) throws IOException {
		this.requests++;
		try {
			this.out.write(request);
			this.out.flush();
			HttpResult answer = Http.readOne(this.in, head);
			remember(request, answer.protocol() + " " + answer.status());
			if (ends(answer, head)) {
				this.open = false;
			}
			return answer;
		}
		catch (IOException ex) {
			this.open = false;
			remember(request, ex.toString());
			throw new IOException(ex.getMessage() + "; this connection's latest exchanges:\n"
					+ String.join("\n", this.history), ex);
		}
	}

	/**
	 * Return whether the server sends nothing more and closes the connection, as it must
	 * after answering an HTTP/1.0 request.
	 */
	boolean endsHere() throws IOException {
		return this.in.read() == -1;
	}

	/**
	 * Return whether the answer ends the connection: {@code close} in any
	 * {@code Connection} line (Tomcat says so in a line of its own, after the 426's
	 * {@code Connection: Upgrade}), an HTTP/1.0 answer without {@code keep-alive}, or a
	 * body that only the end of the connection ends.
	 */
	private static boolean ends(HttpResult answer, boolean head) {
		List<String> tokens = answer.headers("Connection")
			.stream()
			.flatMap((line) -> Arrays.stream(line.split(",")))
			.map((token) -> token.trim().toLowerCase(Locale.ROOT))
			.toList();
		if (tokens.contains("close")) {
			return true;
		}
		if (answer.protocol().equals("HTTP/1.0") && !tokens.contains("keep-alive")) {
			return true;
		}
		boolean bodyless = head || answer.status() / 100 == 1 || answer.status() == 204 || answer.status() == 304;
		return !bodyless && !answer.hasHeader("Content-Length") && !answer.hasHeader("Transfer-Encoding");
	}

	private void remember(byte[] request, String outcome) {
		String text = new String(request, StandardCharsets.ISO_8859_1);
		int end = text.indexOf('\r');
		String line = (end >= 0) ? text.substring(0, end) : text;
		this.history.addLast(((line.length() > 200) ? line.substring(0, 200) + "…" : line) + " (" + request.length
				+ " bytes) -> " + outcome);
		if (this.history.size() > 5) {
			this.history.removeFirst();
		}
	}

	@Override
	public void close() throws IOException {
		this.open = false;
		this.socket.close();
	}

}
