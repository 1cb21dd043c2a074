package io.github.upgraderequired.e2e;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.jspecify.annotations.Nullable;

/**
 * Real clients for the end-to-end tests: raw sockets (for HTTP/1.0 and requests no
 * library lets us shape), the JDK {@link HttpClient} (HTTP/1.1), and curl (h2c with
 * prior knowledge, which the JDK client cannot speak).
 */
final class Http {

	/**
	 * The client of {@link #http11}, replaced by a new one (with a pool of its own) after
	 * any answer that closes its connection. Tomcat says so after its 100th request on a
	 * connection in a second {@code Connection} line, which follows a 426's
	 * {@code Connection: Upgrade}; the JDK client reads only the first line, so it would
	 * send the next request on the closed connection, and a {@code POST} would fail.
	 */
	private static volatile HttpClient client = newClient();

	private static SSLContext trustingContext;

	private Http() {
	}

	/**
	 * Send a request as written, read until the server closes the connection.
	 */
	static HttpResult raw(int port, String request) throws IOException {
		return raw(null, port, request);
	}

	/**
	 * Send a request as written from the given local address, read until the server
	 * closes the connection.
	 */
	static HttpResult raw(String localAddress, int port, String request) throws IOException {
		try (Socket socket = connect(localAddress, port, request)) {
			ByteArrayOutputStream response = new ByteArrayOutputStream();
			socket.getInputStream().transferTo(response);
			return parse(response.toString(StandardCharsets.ISO_8859_1));
		}
	}

	/**
	 * Send a request encoded in UTF-8 (servers read header bytes as ISO-8859-1), read
	 * until the server closes the connection.
	 */
	static HttpResult rawUtf8(int port, String request) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(10000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
			socket.getOutputStream().flush();
			ByteArrayOutputStream response = new ByteArrayOutputStream();
			socket.getInputStream().transferTo(response);
			return parse(response.toString(StandardCharsets.ISO_8859_1));
		}
	}

	/**
	 * Send a request as written and read one response: its head, and a body of the
	 * announced {@code Content-Length}, without waiting for the connection to close.
	 */
	static HttpResult rawOne(int port, String request) throws IOException {
		try (Socket socket = connect(null, port, request)) {
			return readOne(socket.getInputStream(), false);
		}
	}

	/**
	 * Read exactly one response from a connection: its head, then a body of the announced
	 * {@code Content-Length}, a chunked body, or (neither announced) everything up to the
	 * end of the stream. Nothing past the response is read, so the next response on a
	 * kept-alive connection can follow.
	 * @param in the connection's input
	 * @param head whether the request was a {@code HEAD}, whose answer has no body
	 * @throws EOFException if the stream ends before the response is complete
	 */
	static HttpResult readOne(InputStream in, boolean head) throws IOException {
		ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int b = in.read();
			if (b < 0) {
				String received = headBytes.toString(StandardCharsets.ISO_8859_1);
				throw new EOFException("Connection ended after " + headBytes.size() + " bytes of a response head: "
						+ ((received.length() > 60) ? received.substring(0, 60) + "…" : received));
			}
			headBytes.write(b);
			matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
		HttpResult response = parse(headBytes.toString(StandardCharsets.ISO_8859_1));
		String length = response.header("Content-Length");
		String encoding = response.header("Transfer-Encoding");
		byte[] body;
		if (head || response.status() / 100 == 1 || response.status() == 204 || response.status() == 304) {
			body = new byte[0];
		}
		else if (encoding != null && encoding.equalsIgnoreCase("chunked")) {
			body = readChunks(in);
		}
		else if (length != null) {
			body = readFully(in, Integer.parseInt(length.trim()));
		}
		else {
			body = in.readAllBytes();
		}
		return new HttpResult(response.protocol(), response.status(), response.headers(),
				new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] readChunks(InputStream in) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			String sizeLine = readLine(in);
			int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
			if (size == 0) {
				// Trailers, if any, end with an empty line.
				while (!readLine(in).isEmpty()) {
					// skip the trailer
				}
				return body.toByteArray();
			}
			body.write(readFully(in, size));
			readLine(in);
		}
	}

	private static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int b;
		while ((b = in.read()) != '\n') {
			if (b < 0) {
				throw new EOFException("Connection ended inside a chunked body");
			}
			if (b != '\r') {
				line.append((char) b);
			}
		}
		return line.toString();
	}

	private static byte[] readFully(InputStream in, int length) throws IOException {
		byte[] bytes = in.readNBytes(length);
		if (bytes.length != length) {
			throw new EOFException("Connection ended after " + bytes.length + " of " + length + " body bytes");
		}
		return bytes;
	}

	/**
	 * Send a request as written to the server at the given address (such as {@code ::1}),
	 * read until the server closes the connection.
	 */
	static HttpResult rawTo(String serverAddress, int port, String request) throws IOException {
		try (Socket socket = connect(null, serverAddress, port, request)) {
			ByteArrayOutputStream response = new ByteArrayOutputStream();
			socket.getInputStream().transferTo(response);
			return parse(response.toString(StandardCharsets.ISO_8859_1));
		}
	}

	private static Socket connect(String localAddress, int port, String request) throws IOException {
		return connect(localAddress, "127.0.0.1", port, request);
	}

	private static Socket connect(String localAddress, String serverAddress, int port, String request)
			throws IOException {
		Socket socket = new Socket();
		if (localAddress != null) {
			socket.bind(new InetSocketAddress(localAddress, 0));
		}
		socket.connect(new InetSocketAddress(serverAddress, port), 5000);
		socket.setSoTimeout(10000);
		OutputStream out = socket.getOutputStream();
		out.write(request.getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
		return socket;
	}

	/**
	 * Send an HTTP/1.0 request with only a Host header.
	 */
	static HttpResult http10(int port, String method, String path, String... headers) throws IOException {
		StringBuilder request = new StringBuilder();
		request.append(method).append(' ').append(path).append(" HTTP/1.0\r\nHost: localhost:").append(port).append("\r\n");
		for (int i = 0; i < headers.length; i += 2) {
			request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
		}
		return raw(port, request.append("\r\n").toString());
	}

	/**
	 * Send an HTTP/1.1 request with the JDK client; headers as name, value pairs.
	 */
	static HttpResult http11(int port, String method, String path, String... headers)
			throws IOException, InterruptedException {
		HttpResult result = send(client, URI.create("http://127.0.0.1:" + port + path), method, headers);
		if (closesTheConnection(result)) {
			client = newClient();
		}
		return result;
	}

	/**
	 * Return whether any {@code Connection} line of the answer says {@code close}.
	 */
	static boolean closesTheConnection(HttpResult result) {
		return result.headers("Connection")
			.stream()
			.flatMap((line) -> Arrays.stream(line.split(",")))
			.anyMatch((token) -> token.trim().equalsIgnoreCase("close"));
	}

	private static HttpClient newClient() {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/**
	 * GET an actuator endpoint over HTTP/1.1 on a connection of its own, which no later
	 * request uses: Spring Boot 4.1.0's actuator on Reactor Netty 1.3.6 now and then leaves
	 * a later request on a kept-alive connection that served it without an answer (see
	 * docs/known-issues.md), and the shared client's pool would reuse it.
	 */
	static HttpResult actuator(int port, String path) throws IOException, InterruptedException {
		HttpClient ownClient = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		return send(ownClient, URI.create("http://127.0.0.1:" + port + path), "GET");
	}

	/**
	 * Send a request with a JSON body, or none, to the management side of the server on a
	 * connection of its own (see {@link #actuator(int, String)}).
	 */
	static HttpResult actuator(int port, String method, String path, @Nullable String json, String... headers)
			throws IOException, InterruptedException {
		HttpClient ownClient = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json)
					: HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return result(ownClient.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
	}

	/**
	 * Send a request with a JDK client, such as one of {@link #tlsClient}.
	 */
	static HttpResult send(HttpClient client, URI uri, String method, String... headers)
			throws IOException, InterruptedException {
		return send(client, uri, Duration.ofSeconds(10), method, headers);
	}

	/**
	 * Send a request with a JDK client, waiting for its response at most the given time.
	 */
	static HttpResult send(HttpClient client, URI uri, Duration timeout, String method, String... headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(timeout)
			.method(method, HttpRequest.BodyPublishers.noBody());
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return result(client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
	}

	private static HttpResult result(HttpResponse<String> response) {
		Map<String, List<String>> names = new LinkedHashMap<>();
		response.headers().map().forEach((name, values) -> names.put(name.toLowerCase(Locale.ROOT), values));
		String protocol = (response.version() == HttpClient.Version.HTTP_2) ? "HTTP/2" : "HTTP/1.1";
		return new HttpResult(protocol, response.statusCode(), names, response.body());
	}

	/**
	 * Return a JDK client that trusts the test certificate, speaks only the given TLS
	 * version, and prefers the given HTTP version (HTTP/2 is then negotiated with ALPN).
	 */
	static HttpClient tlsClient(String tlsVersion, HttpClient.Version version) throws Exception {
		SSLParameters parameters = new SSLParameters();
		parameters.setProtocols(new String[] { tlsVersion });
		return HttpClient.newBuilder()
			.version(version)
			.sslContext(trustingTestCertificate())
			.sslParameters(parameters)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/**
	 * Send an HTTP/1.1 request as written over TLS, speaking only the given TLS version,
	 * from the given local address; read until the server closes the connection.
	 */
	static HttpResult rawTls(String localAddress, int port, String tlsVersion, String request) throws Exception {
		Socket plain = new Socket();
		plain.bind(new InetSocketAddress(localAddress, 0));
		plain.connect(new InetSocketAddress("127.0.0.1", port), 5000);
		plain.setSoTimeout(10000);
		try (SSLSocket socket = (SSLSocket) trustingTestCertificate().getSocketFactory()
			.createSocket(plain, "127.0.0.1", port, true)) {
			socket.setEnabledProtocols(new String[] { tlsVersion });
			socket.startHandshake();
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
			ByteArrayOutputStream response = new ByteArrayOutputStream();
			socket.getInputStream().transferTo(response);
			return parse(response.toString(StandardCharsets.ISO_8859_1));
		}
	}

	/**
	 * Return an SSL context that trusts the test certificate, made once.
	 */
	static synchronized SSLContext trustingTestCertificate() throws Exception {
		if (trustingContext == null) {
			trustingContext = newContextTrustingTestCertificate();
		}
		return trustingContext;
	}

	private static SSLContext newContextTrustingTestCertificate() throws Exception {
		KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
		trust.load(null, null);
		try (InputStream in = Http.class.getResourceAsStream("/tls/cert.pem")) {
			trust.setCertificateEntry("test", CertificateFactory.getInstance("X.509").generateCertificate(in));
		}
		TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(trust);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trustManagers.getTrustManagers(), null);
		return context;
	}

	/**
	 * Run curl with the given options against a URL; fails if curl does not exit 0.
	 */
	static HttpResult curl(String url, String... options) throws IOException, InterruptedException {
		List<String> request = new ArrayList<>(List.of(options));
		request.add(url);
		return curlEach(List.of(request)).get(0);
	}

	/**
	 * Run one curl process for several requests, one after the other, each with its own
	 * options and its URL last (curl's {@code --next}), so that curl can keep its
	 * connection between them; fails if curl does not exit 0.
	 * @return the responses, in the order of the requests
	 */
	static List<HttpResult> curlEach(List<List<String>> requests) throws IOException, InterruptedException {
		List<Path> files = new ArrayList<>();
		try {
			List<String> command = new ArrayList<>(List.of("curl"));
			for (List<String> request : requests) {
				Path headers = Files.createTempFile("curl-headers", ".txt");
				Path body = Files.createTempFile("curl-body", ".txt");
				files.add(headers);
				files.add(body);
				if (command.size() > 1) {
					command.add("--next");
				}
				command.addAll(List.of("-s", "-S", "-m", "20", "-D", headers.toString(), "-o", body.toString()));
				command.addAll(request);
			}
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("curl timed out");
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException("curl exited with " + process.exitValue() + ": " + output);
			}
			List<HttpResult> responses = new ArrayList<>();
			for (int i = 0; i < files.size(); i += 2) {
				HttpResult head = parse(Files.readString(files.get(i), StandardCharsets.ISO_8859_1));
				responses.add(new HttpResult(head.protocol(), head.status(), head.headers(),
						Files.readString(files.get(i + 1), StandardCharsets.UTF_8)));
			}
			return responses;
		}
		finally {
			for (Path file : files) {
				Files.deleteIfExists(file);
			}
		}
	}

	private static HttpResult parse(String response) {
		int end = response.indexOf("\r\n\r\n");
		String head = (end < 0) ? response : response.substring(0, end);
		String body = (end < 0) ? "" : response.substring(end + 4);
		String[] lines = head.split("\r\n");
		String protocol = lines[0].split(" ")[0];
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						(name) -> new ArrayList<>())
					.add(lines[i].substring(colon + 1).trim());
			}
		}
		List<String> encoding = headers.get("transfer-encoding");
		if (encoding != null && encoding.get(0).equalsIgnoreCase("chunked")) {
			body = dechunk(body);
		}
		byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
		return new HttpResult(protocol, status, headers, new String(bytes, StandardCharsets.UTF_8));
	}

	private static String dechunk(String chunked) {
		StringBuilder body = new StringBuilder();
		int position = 0;
		while (position < chunked.length()) {
			int lineEnd = chunked.indexOf("\r\n", position);
			if (lineEnd < 0) {
				break;
			}
			int size = Integer.parseInt(chunked.substring(position, lineEnd).split(";")[0].trim(), 16);
			if (size == 0) {
				break;
			}
			body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
			position = lineEnd + 2 + size + 2;
		}
		return body.toString();
	}

}
