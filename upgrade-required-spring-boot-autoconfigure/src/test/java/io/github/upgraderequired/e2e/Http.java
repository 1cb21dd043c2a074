package io.github.upgraderequired.e2e;

import java.io.ByteArrayOutputStream;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real clients for the end-to-end tests: raw sockets (for HTTP/1.0 and requests no
 * library lets us shape), the JDK {@link HttpClient} (HTTP/1.1), and curl (h2c with
 * prior knowledge, which the JDK client cannot speak).
 */
final class Http {

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private Http() {
	}

	/**
	 * Send a request as written, read until the server closes the connection.
	 */
	static HttpResult raw(int port, String request) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(10000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream response = new ByteArrayOutputStream();
			in.transferTo(response);
			return parse(response.toString(StandardCharsets.ISO_8859_1));
		}
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
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.method(method, HttpRequest.BodyPublishers.noBody());
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		HttpResponse<String> response = CLIENT.send(request.build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		Map<String, List<String>> names = new LinkedHashMap<>();
		response.headers().map().forEach((name, values) -> names.put(name.toLowerCase(Locale.ROOT), values));
		return new HttpResult(response.version().toString(), response.statusCode(), names, response.body());
	}

	/**
	 * Run curl with the given options against a URL; fails if curl does not exit 0.
	 */
	static HttpResult curl(String url, String... options) throws IOException, InterruptedException {
		Path headers = Files.createTempFile("curl-headers", ".txt");
		Path body = Files.createTempFile("curl-body", ".txt");
		try {
			List<String> command = new ArrayList<>(List.of("curl", "-s", "-S", "-m", "20", "-D", headers.toString(),
					"-o", body.toString()));
			command.addAll(List.of(options));
			command.add(url);
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("curl timed out");
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException("curl exited with " + process.exitValue() + ": " + output);
			}
			HttpResult head = parse(Files.readString(headers, StandardCharsets.ISO_8859_1));
			return new HttpResult(head.protocol(), head.status(), head.headers(),
					Files.readString(body, StandardCharsets.UTF_8));
		}
		finally {
			Files.deleteIfExists(headers);
			Files.deleteIfExists(body);
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
