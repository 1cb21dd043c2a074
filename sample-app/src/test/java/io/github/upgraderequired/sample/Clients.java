package io.github.upgraderequired.sample;

import java.io.BufferedInputStream;
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
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real clients the end-to-end suite drives the sample with: curl, raw sockets and the
 * JDK {@link HttpClient}.
 */
final class Clients {

	/**
	 * The development certificate the sample's {@code tls} profile serves.
	 */
	static final Path DEV_CERTIFICATE = Path.of("src/main/resources/dev-tls/cert.pem");

	private Clients() {
	}

	/**
	 * Run {@code curl -s -S -i} with the given arguments and parse what it printed.
	 * @param arguments curl's arguments, the URL among them
	 * @return the final response
	 * @throws Exception if curl fails
	 */
	static HttpText curl(String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of("curl", "-s", "-S", "-i", "-m", "20"));
		command.addAll(List.of(arguments));
		return HttpText.parse(run(command, null));
	}

	/**
	 * Run a command and return its standard output, failing unless it exits with 0.
	 * @param command the command
	 * @param directory where to run it, or {@code null} for here
	 * @return what it printed
	 * @throws Exception if it cannot be run
	 */
	static String run(List<String> command, Path directory) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
		if (directory != null) {
			builder.directory(directory.toFile());
		}
		Process process = builder.start();
		process.getOutputStream().close();
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
		assertThat(process.exitValue()).as("exit code of %s", command).isZero();
		return new String(output, StandardCharsets.UTF_8);
	}

	/**
	 * Send bytes on a fresh connection and read until the server closes it.
	 * @param port the port
	 * @param request the request, exactly as sent
	 * @return the response
	 * @throws IOException on a socket error
	 */
	static HttpText raw(int port, String request) throws IOException {
		try (Socket socket = send(port, request)) {
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream response = new ByteArrayOutputStream();
			in.transferTo(response);
			return HttpText.parse(response.toString(StandardCharsets.UTF_8));
		}
	}

	/**
	 * Send one request on a fresh connection and read one response, delimited by its
	 * {@code Content-Length}, without waiting for the server to close the connection.
	 * @param port the port
	 * @param request the request, exactly as sent
	 * @return the response
	 * @throws IOException on a socket error
	 */
	static HttpText rawKeepAlive(int port, String request) throws IOException {
		try (Socket socket = send(port, request)) {
			InputStream in = new BufferedInputStream(socket.getInputStream());
			ByteArrayOutputStream head = new ByteArrayOutputStream();
			int matched = 0;
			while (matched < 4) {
				int b = in.read();
				if (b < 0) {
					throw new EOFException("Connection closed in the response head: " + head);
				}
				head.write(b);
				matched = (b == ((matched % 2 == 0) ? '\r' : '\n')) ? matched + 1 : ((b == '\r') ? 1 : 0);
			}
			HttpText parsed = HttpText.parse(head.toString(StandardCharsets.ISO_8859_1));
			String length = parsed.header("Content-Length");
			assertThat(length).as("Content-Length of a response on a persistent connection").isNotNull();
			byte[] body = in.readNBytes(Integer.parseInt(length));
			return HttpText.parse(head.toString(StandardCharsets.ISO_8859_1) + new String(body, StandardCharsets.UTF_8));
		}
	}

	private static Socket send(int port, String request) throws IOException {
		Socket socket = new Socket();
		try {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			return socket;
		}
		catch (IOException ex) {
			socket.close();
			throw ex;
		}
	}

	/**
	 * The JDK clients, one per protocol and kept for the whole run. A client dropped and
	 * collected while its connection is open closes that connection with a reset (over
	 * HTTP/2 the server's frames lie unread), which the sample would log.
	 */
	private static final Map<String, HttpClient> JDK_CLIENTS = new ConcurrentHashMap<>();

	/**
	 * A JDK client for plain HTTP.
	 * @param version the protocol it starts with ({@code HTTP_2} upgrades with h2c)
	 * @return the client
	 */
	static HttpClient jdk(HttpClient.Version version) {
		return JDK_CLIENTS.computeIfAbsent(version.name(), (key) -> HttpClient.newBuilder().version(version).build());
	}

	/**
	 * A JDK client that trusts the development certificate and speaks one TLS version.
	 * @param tlsVersion {@code TLSv1.2} or {@code TLSv1.3}
	 * @param version the HTTP version it offers through ALPN
	 * @return the client
	 * @throws Exception if the certificate cannot be read
	 */
	static HttpClient jdkTls(String tlsVersion, HttpClient.Version version) throws Exception {
		HttpClient client = JDK_CLIENTS.get(tlsVersion + " " + version);
		if (client == null) {
			client = newJdkTls(tlsVersion, version);
			JDK_CLIENTS.put(tlsVersion + " " + version, client);
		}
		return client;
	}

	private static HttpClient newJdkTls(String tlsVersion, HttpClient.Version version) throws Exception {
		KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
		trust.load(null, null);
		try (InputStream in = java.nio.file.Files.newInputStream(DEV_CERTIFICATE)) {
			trust.setCertificateEntry("sample", CertificateFactory.getInstance("X.509").generateCertificate(in));
		}
		TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(trust);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trustManagers.getTrustManagers(), null);
		SSLParameters parameters = new SSLParameters();
		parameters.setProtocols(new String[] { tlsVersion });
		return HttpClient.newBuilder().version(version).sslContext(context).sslParameters(parameters).build();
	}

	/**
	 * Send a GET with the JDK client.
	 * @param client the client
	 * @param url the URL
	 * @param headers header names and values, alternating
	 * @return the response
	 * @throws Exception on an I/O error
	 */
	static HttpResponse<String> get(HttpClient client, String url, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Open a WebSocket with the JDK client, send a text and return the first text that
	 * comes back.
	 * @param url the {@code ws:} URL
	 * @param text what to send
	 * @return the reply
	 * @throws Exception if the handshake or the exchange fails
	 */
	static String echo(String url, String text) throws Exception {
		return echo(HttpClient.newHttpClient(), url, text);
	}

	/**
	 * Open a WebSocket with the given JDK client (one set up for TLS for a {@code wss:}
	 * URL), send a text and return the first text that comes back.
	 * @param client the client
	 * @param url the {@code ws:} or {@code wss:} URL
	 * @param text what to send
	 * @return the reply
	 * @throws Exception if the handshake or the exchange fails
	 */
	static String echo(HttpClient client, String url, String text) throws Exception {
		CompletableFuture<String> reply = new CompletableFuture<>();
		CompletableFuture<Integer> closed = new CompletableFuture<>();
		WebSocket webSocket = client
			.newWebSocketBuilder()
			.buildAsync(URI.create(url), new WebSocket.Listener() {

				@Override
				public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
					reply.complete(data.toString());
					// Ask for the next message, the server's close among them.
					socket.request(1);
					return null;
				}

				@Override
				public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
					closed.complete(statusCode);
					return null;
				}

			})
			.get(20, TimeUnit.SECONDS);
		webSocket.sendText(text, true).get(20, TimeUnit.SECONDS);
		String echoed = reply.get(20, TimeUnit.SECONDS);
		webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(20, TimeUnit.SECONDS);
		// The server's close frame read: the client does not leave it unread and reset the
		// connection, which Reactor Netty would log as an exception.
		assertThat(closed.get(20, TimeUnit.SECONDS)).as("the server's close code").isEqualTo(WebSocket.NORMAL_CLOSURE);
		return echoed;
	}

}
