import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Opens connections to a server, {@code -Dparallel} at a time (1 by default), and sends
 * on each the same requests kept alive one after the other, waiting for each answer
 * (with {@code -Dpipeline=true}, all at once, then reading the answers);
 * counts the connections on which an answer never came (none within 5 s, or the
 * connection closed first).
 *
 * <pre>
 * java [-Dparallel=300] LostAnswers.java [host] [port] [connections] [path...]
 * java -Dparallel=300 LostAnswers.java 127.0.0.1 8080 300 /actuator/health /hello /hello
 * </pre>
 */
public class LostAnswers {

	public static void main(String[] args) throws Exception {
		String host = (args.length > 0) ? args[0] : "127.0.0.1";
		int port = (args.length > 1) ? Integer.parseInt(args[1]) : 8080;
		int connections = (args.length > 2) ? Integer.parseInt(args[2]) : 300;
		String[] paths = (args.length > 3) ? java.util.Arrays.copyOfRange(args, 3, args.length)
				: new String[] { "/actuator/health", "/hello", "/hello" };
		int parallel = Integer.getInteger("parallel", 1);
		java.util.concurrent.atomic.AtomicIntegerArray lostAfter = new java.util.concurrent.atomic.AtomicIntegerArray(
				paths.length);
		java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
		java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newFixedThreadPool(parallel);
		for (int i = 0; i < connections; i++) {
			executor.execute(() -> {
				try {
					int answered = exchange(host, port, paths);
					if (answered < paths.length) {
						lostAfter.incrementAndGet(answered);
					}
				}
				catch (IOException ex) {
					failed.incrementAndGet();
				}
			});
		}
		executor.shutdown();
		executor.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
		int lost = 0;
		for (int i = 0; i < paths.length; i++) {
			lost += lostAfter.get(i);
		}
		System.out.printf(Locale.ROOT, "%d of %d connections (%d at a time) lost an answer%s%n", lost, connections,
				parallel, (failed.get() > 0) ? "; " + failed.get() + " could not connect" : "");
		for (int i = 0; i < paths.length; i++) {
			if (lostAfter.get(i) > 0) {
				System.out.printf(Locale.ROOT, "  %d lost the answer to request %d (%s)%n", lostAfter.get(i), i + 1,
						paths[i]);
			}
		}
	}

	/**
	 * Send the requests on one connection, each after the previous answer; return how
	 * many were answered.
	 */
	private static int exchange(String host, int port, String[] paths) throws IOException {
		try (Socket socket = new Socket(host, port)) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			InputStream in = socket.getInputStream();
			boolean pipeline = Boolean.getBoolean("pipeline");
			for (int i = 0; i < paths.length; i++) {
				if (!pipeline || i == 0) {
					for (int j = i; j < (pipeline ? paths.length : i + 1); j++) {
						out.write(("GET " + paths[j] + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n\r\n")
							.getBytes(StandardCharsets.US_ASCII));
					}
					out.flush();
				}
				try {
					if (!readResponse(in)) {
						return i;
					}
				}
				catch (SocketTimeoutException | EOFException ex) {
					return i;
				}
			}
			return paths.length;
		}
	}

	/**
	 * Read one response: its head, then a body of Content-Length bytes or in chunks.
	 * Return false if the connection closed first.
	 */
	private static boolean readResponse(InputStream in) throws IOException {
		String head = readHead(in);
		if (head == null) {
			return false;
		}
		long length = -1;
		boolean chunked = false;
		for (String line : head.split("\r\n")) {
			String lower = line.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				length = Long.parseLong(line.substring(15).trim());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
		}
		if (chunked) {
			while (true) {
				String size = readLine(in);
				if (size == null) {
					return false;
				}
				int semicolon = size.indexOf(';');
				long chunk = Long.parseLong(((semicolon >= 0) ? size.substring(0, semicolon) : size).trim(), 16);
				if (chunk == 0) {
					readLine(in);
					return true;
				}
				in.skipNBytes(chunk);
				readLine(in);
			}
		}
		if (length > 0) {
			in.skipNBytes(length);
		}
		return true;
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		int b;
		while ((b = in.read()) != -1) {
			head.write(b);
			matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((b == '\r') ? 1 : 0);
			if (matched == 4) {
				return head.toString(StandardCharsets.ISO_8859_1);
			}
		}
		return null;
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != -1) {
			if (b == '\n') {
				return line.toString(StandardCharsets.ISO_8859_1).strip();
			}
			line.write(b);
		}
		return null;
	}

}
