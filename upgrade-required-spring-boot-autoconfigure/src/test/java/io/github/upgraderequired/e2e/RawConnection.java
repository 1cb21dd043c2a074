package io.github.upgraderequired.e2e;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.lang.Nullable;

/**
 * An HTTP/1.x connection over a plain socket that sends requests exactly as given, bytes
 * no HTTP client would send included, and reads each answer completely: status line,
 * headers, and a body framed by {@code Content-Length}, chunked or ended by the close of
 * the connection. An answer cut short is an {@link IOException}, never a partial result.
 */
final class RawConnection implements AutoCloseable {

	private static final int TIMEOUT = 30_000;

	private static final int MAX_LINE = 64 * 1024;

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	private boolean open = true;

	private int requests;

	/**
	 * The latest exchanges, to explain a failure: each request's first line and the answer's
	 * status line.
	 */
	private final java.util.Deque<String> history = new java.util.ArrayDeque<>();

	RawConnection(int port) throws IOException {
		this.socket = new Socket();
		this.socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT);
		this.socket.setSoTimeout(TIMEOUT);
		this.in = new BufferedInputStream(this.socket.getInputStream());
		this.out = this.socket.getOutputStream();
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
	Answer exchange(byte[] request, boolean head) throws IOException {
		try {
			Answer answer = send(request, head);
			remember(request, answer.protocol() + " " + answer.status() + " (" + answer.body().length + " bytes)");
			return answer;
		}
		catch (IOException ex) {
			remember(request, ex.toString());
			throw new IOException(ex.getMessage() + "; this connection's latest exchanges:\n" + String.join("\n",
					this.history), ex);
		}
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

	private Answer send(byte[] request, boolean head) throws IOException {
		this.requests++;
		this.out.write(request);
		this.out.flush();
		String statusLine = line();
		if (statusLine == null) {
			throw new EOFException("The connection was closed without an answer");
		}
		String[] parts = statusLine.split(" ", 3);
		if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
			throw new IOException("Not a status line: " + statusLine);
		}
		int status = Integer.parseInt(parts[1]);
		List<String[]> headers = new ArrayList<>();
		for (String line = line(); line != null && !line.isEmpty(); line = line()) {
			int colon = line.indexOf(':');
			if (colon <= 0) {
				throw new IOException("Not a header line: " + line);
			}
			headers.add(new String[] { line.substring(0, colon), line.substring(colon + 1).trim() });
		}
		Answer answer = new Answer(parts[0], status, headers, new byte[0]);
		String connection = String.valueOf(answer.header("Connection")).toLowerCase(Locale.ROOT);
		boolean closes = connection.contains("close")
				|| (parts[0].equals("HTTP/1.0") && !connection.contains("keep-alive"));
		byte[] body;
		String length = answer.header("Content-Length");
		if (head || status == 204 || status == 304 || status / 100 == 1) {
			body = new byte[0];
		}
		else if (String.valueOf(answer.header("Transfer-Encoding")).equalsIgnoreCase("chunked")) {
			body = chunked();
		}
		else if (length != null) {
			body = this.in.readNBytes(Integer.parseInt(length));
			if (body.length < Integer.parseInt(length)) {
				throw new EOFException("The body ended after " + body.length + " of " + length + " bytes");
			}
		}
		else {
			body = this.in.readAllBytes();
			closes = true;
		}
		if (closes) {
			close();
		}
		return new Answer(parts[0], status, headers, body);
	}

	private byte[] chunked() throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			String size = line();
			if (size == null) {
				throw new EOFException("The chunked body ended early");
			}
			int semicolon = size.indexOf(';');
			int length = Integer.parseInt((semicolon < 0) ? size.trim() : size.substring(0, semicolon).trim(), 16);
			if (length == 0) {
				for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
					// Trailers are not used.
				}
				return body.toByteArray();
			}
			byte[] chunk = this.in.readNBytes(length);
			if (chunk.length < length) {
				throw new EOFException("A chunk ended early");
			}
			body.write(chunk);
			line();
		}
	}

	private @Nullable String line() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = this.in.read()) != -1) {
			if (b == '\n') {
				byte[] bytes = line.toByteArray();
				int end = (bytes.length > 0 && bytes[bytes.length - 1] == '\r') ? bytes.length - 1 : bytes.length;
				return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
			}
			if (line.size() > MAX_LINE) {
				throw new IOException("A line longer than " + MAX_LINE + " bytes");
			}
			line.write(b);
		}
		if (line.size() > 0) {
			throw new EOFException("The connection was closed in the middle of a line");
		}
		return null;
	}

	@Override
	public void close() throws IOException {
		this.open = false;
		this.socket.close();
	}

	/**
	 * A complete answer.
	 */
	record Answer(String protocol, int status, List<String[]> headers, byte[] body) {

		@Nullable String header(String name) {
			return this.headers.stream()
				.filter((header) -> header[0].equalsIgnoreCase(name))
				.map((header) -> header[1])
				.findFirst()
				.orElse(null);
		}

		String bodyText() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		@Override
		public String toString() {
			StringBuilder text = new StringBuilder(this.protocol).append(' ').append(this.status);
			this.headers.forEach((header) -> text.append("\n  ").append(header[0]).append(": ").append(header[1]));
			return text.append("\n\n").append(bodyText()).toString();
		}

	}

}
