package io.github.upgraderequired.benchmarks;

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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client of {@code benchmarks/soak}: sends an exact number of mixed requests to the
 * packaged sample app over raw sockets (HTTP/1.1 kept alive, and HTTP/1.0), checks every
 * status against the one the sample's rules give, tallies what each rule should have
 * counted, and compares that tally with the change in {@code upgrade.required.requests}
 * that the actuator reports.
 *
 * <pre>
 * java -cp ... io.github.upgraderequired.benchmarks.Soak PORT REQUESTS [THREADS]
 * </pre>
 *
 * Prints the tally, the counters and the errors; exits with 1 if a status was not the
 * expected one, a request failed, or a counter differs from the tally.
 */
public final class Soak {

	private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
			+ "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

	private static final String OLD_CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
			+ "(KHTML, like Gecko) Chrome/100.0.4896.75 Safari/537.36";

	/**
	 * The mix: one request of each, in turn. {@code {id}} is replaced by a random number, so
	 * that the paths keep changing.
	 */
	private static final List<Call> MIX = List.of(new Call("/", 200, null, "User-Agent", CHROME),
			new Call("/api/hello", 200, null, "API-Version", "2"),
			new Call("/api/hello", 426, "api:rejected", "API-Version", "1"),
			new Call("/app/hello", 200, null, "X-App-Platform", "ios", "X-App-Version", "5.3.1"),
			new Call("/app/items/{id}", 200, null, "X-App-Platform", "android", "X-App-Version", "5.1.0"),
			new Call("/app/hello", 426, "mobile-app:rejected", "X-App-Platform", "android", "X-App-Version",
					"4.9.0"),
			new Call("/web/", 200, null, "User-Agent", CHROME, "Accept", "text/html"),
			new Call("/web/items/{id}", 426, "browsers:rejected", "User-Agent", OLD_CHROME, "Accept",
					"text/html,*/*;q=0.8"),
			new Call("/h2/hello", 426, "http2:rejected"), new Call("/secure/hello", 426, "secure:rejected"),
			new Call("/ws/echo", 426, "websocket:rejected"),
			new Call("/beta/hello", 200, "beta-app:warned", "X-App-Version", "5.0.0"),
			new Call("/api/items/{id}", 200, null, "API-Version", "2.1"), Call.http10("/", 426, "http-1-1:rejected"));

	private static final Pattern COUNT = Pattern.compile("\"statistic\":\"COUNT\",\"value\":([0-9.E]+)");

	private Soak() {
	}

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		long requests = Long.parseLong(args[1]);
		int threads = (args.length > 2) ? Integer.parseInt(args[2]) : 16;
		Map<String, Long> before = counters(port);
		Tally tally = new Tally();
		AtomicLong next = new AtomicLong();
		long started = System.nanoTime();
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		List<Future<?>> clients = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			clients.add(executor.submit(() -> {
				new Client(port, tally).run(next, requests);
				return null;
			}));
		}
		for (Future<?> client : clients) {
			client.get();
		}
		executor.shutdown();
		double seconds = (System.nanoTime() - started) / 1e9;
		Map<String, Long> after = counters(port);
		System.out.printf(Locale.ROOT, "requests: %d in %.1f s (%.0f/s), %d threads%n", tally.sent.get(), seconds,
				tally.sent.get() / seconds, threads);
		boolean ok = tally.report();
		System.out.println("counters (upgrade.required.requests, change during the run) against the clients' tally:");
		for (String key : tally.expectedKeys()) {
			long counted = after.getOrDefault(key, 0L) - before.getOrDefault(key, 0L);
			long expected = tally.expected(key);
			System.out.printf(Locale.ROOT, "  %-22s counted %9d  tallied %9d  %s%n", key, counted, expected,
					(counted == expected) ? "exact" : "DIFFERENT");
			ok &= counted == expected;
		}
		System.out.println(ok ? "result: ok" : "result: FAILED");
		System.exit(ok ? 0 : 1);
	}

	/**
	 * Read {@code upgrade.required.requests} for every rule and outcome the mix counts.
	 */
	private static Map<String, Long> counters(int port) throws IOException {
		Map<String, Long> counters = new TreeMap<>();
		for (Call call : MIX) {
			if (call.counted != null && !counters.containsKey(call.counted)) {
				String[] ruleAndOutcome = call.counted.split(":");
				String body = get(port, "/actuator/metrics/upgrade.required.requests?tag=rule:" + ruleAndOutcome[0]
						+ "&tag=outcome:" + ruleAndOutcome[1]);
				Matcher count = COUNT.matcher(body);
				counters.put(call.counted, count.find() ? (long) Double.parseDouble(count.group(1)) : 0L);
			}
		}
		return counters;
	}

	private static String get(int port, String target) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(10000);
			socket.getOutputStream()
				.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			Response response = Response.read(new BufferedInputStream(socket.getInputStream()), true);
			// A counter not yet registered is a 404: nothing counted.
			return (response.status == 200) ? response.body : "";
		}
	}

	/**
	 * One kind of request and what the sample's rules make of it.
	 */
	private record Call(String target, int status, String counted, boolean http10, String[] headers) {

		Call(String target, int status, String counted, String... headers) {
			this(target, status, counted, false, headers);
		}

		static Call http10(String target, int status, String counted) {
			return new Call(target, status, counted, true, new String[0]);
		}

		byte[] bytes() {
			String path = this.target.replace("{id}", Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30)));
			StringBuilder request = new StringBuilder("GET ").append(path)
				.append(this.http10 ? " HTTP/1.0\r\n" : " HTTP/1.1\r\n")
				.append("Host: 127.0.0.1\r\n");
			for (int i = 0; i < this.headers.length; i += 2) {
				request.append(this.headers[i]).append(": ").append(this.headers[i + 1]).append("\r\n");
			}
			return request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
		}

	}

	/**
	 * What the clients saw, by call.
	 */
	private static final class Tally {

		private final AtomicLong sent = new AtomicLong();

		private final AtomicLongArray answered = new AtomicLongArray(MIX.size());

		private final AtomicLongArray unexpected = new AtomicLongArray(MIX.size());

		private final AtomicLongArray nanos = new AtomicLongArray(MIX.size());

		private final AtomicLong failed = new AtomicLong();

		private final List<String> failures = new ArrayList<>();

		void answered(int call, int status, long nanos) {
			this.answered.incrementAndGet(call);
			this.nanos.addAndGet(call, nanos);
			if (status != MIX.get(call).status) {
				this.unexpected.incrementAndGet(call);
				note("call " + call + " (" + MIX.get(call).target + ") answered " + status);
			}
		}

		void failed(int call, Exception ex) {
			this.failed.incrementAndGet();
			note("call " + call + " (" + MIX.get(call).target + ") failed: " + ex);
		}

		private synchronized void note(String failure) {
			if (this.failures.size() < 10) {
				this.failures.add(failure);
			}
		}

		List<String> expectedKeys() {
			return MIX.stream().map(Call::counted).filter((key) -> key != null).distinct().sorted().toList();
		}

		/**
		 * What a counter should have counted: every answered call that it counts.
		 */
		long expected(String key) {
			long expected = 0;
			for (int i = 0; i < MIX.size(); i++) {
				if (key.equals(MIX.get(i).counted)) {
					expected += this.answered.get(i);
				}
			}
			return expected;
		}

		boolean report() {
			long unexpectedTotal = 0;
			for (int i = 0; i < MIX.size(); i++) {
				unexpectedTotal += this.unexpected.get(i);
			}
			System.out.printf(Locale.ROOT, "errors: %d unexpected statuses, %d failed requests%n", unexpectedTotal,
					this.failed.get());
			this.failures.forEach((failure) -> System.out.println("  " + failure));
			System.out.println("mean time to the answer, by request:");
			for (int i = 0; i < MIX.size(); i++) {
				long answers = this.answered.get(i);
				System.out.printf(Locale.ROOT, "  %-18s %s %6.0f us%n", MIX.get(i).target,
						MIX.get(i).http10 ? "HTTP/1.0" : "HTTP/1.1",
						(answers > 0) ? this.nanos.get(i) / 1e3 / answers : 0.0);
			}
			return unexpectedTotal == 0 && this.failed.get() == 0;
		}

	}

	/**
	 * A client thread: takes request numbers until there are none left, on a connection it
	 * keeps alive while the server does.
	 */
	private static final class Client {

		private final int port;

		private final Tally tally;

		private final byte[][] prepared = new byte[MIX.size()][];

		private Socket socket;

		private InputStream in;

		private OutputStream out;

		Client(int port, Tally tally) {
			this.port = port;
			this.tally = tally;
			for (int i = 0; i < MIX.size(); i++) {
				this.prepared[i] = MIX.get(i).target.contains("{id}") ? null : MIX.get(i).bytes();
			}
		}

		void run(AtomicLong next, long requests) throws IOException {
			try {
				long number;
				while ((number = next.getAndIncrement()) < requests) {
					int call = (int) (number % MIX.size());
					this.tally.sent.incrementAndGet();
					try {
						send(call);
					}
					catch (IOException | RuntimeException ex) {
						this.tally.failed(call, ex);
						close();
					}
				}
			}
			finally {
				close();
			}
		}

		private void send(int call) throws IOException {
			Call kind = MIX.get(call);
			if (this.socket == null) {
				this.socket = new Socket();
				this.socket.setTcpNoDelay(true);
				this.socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
				this.socket.setSoTimeout(10000);
				this.in = new BufferedInputStream(this.socket.getInputStream());
				this.out = this.socket.getOutputStream();
			}
			long started = System.nanoTime();
			this.out.write((this.prepared[call] != null) ? this.prepared[call] : kind.bytes());
			this.out.flush();
			Response response = Response.read(this.in, false);
			this.tally.answered(call, response.status, System.nanoTime() - started);
			if (kind.http10 || response.close) {
				close();
			}
		}

		private void close() {
			if (this.socket != null) {
				try {
					this.socket.close();
				}
				catch (IOException ex) {
					// Closing anyway.
				}
				this.socket = null;
			}
		}

	}

	/**
	 * A response read from a connection: its status, whether the server closes the
	 * connection, and its body when asked for.
	 */
	private record Response(int status, boolean close, String body) {

		static Response read(InputStream in, boolean keepBody) throws IOException {
			String head = line(in);
			if (head == null) {
				throw new EOFException("connection closed before an answer");
			}
			int status = Integer.parseInt(head.substring(9, 12));
			long length = -1;
			boolean chunked = false;
			boolean close = head.startsWith("HTTP/1.0");
			String line;
			while ((line = line(in)) != null && !line.isEmpty()) {
				String lower = line.toLowerCase(Locale.ROOT);
				if (lower.startsWith("content-length:")) {
					length = Long.parseLong(line.substring(15).trim());
				}
				else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
					chunked = true;
				}
				else if (lower.startsWith("connection:") && lower.contains("close")) {
					close = true;
				}
			}
			ByteArrayOutputStream body = keepBody ? new ByteArrayOutputStream() : null;
			if (chunked) {
				long size;
				while ((size = Long.parseLong(stripExtensions(line(in)), 16)) > 0) {
					copy(in, size, body);
					line(in);
				}
				while ((line = line(in)) != null && !line.isEmpty()) {
					// Trailers.
				}
			}
			else if (length >= 0) {
				copy(in, length, body);
			}
			else {
				copy(in, Long.MAX_VALUE, body);
				close = true;
			}
			return new Response(status, close, (body != null) ? body.toString(StandardCharsets.UTF_8) : "");
		}

		private static String stripExtensions(String line) throws EOFException {
			if (line == null) {
				throw new EOFException("connection closed in a chunked body");
			}
			int semicolon = line.indexOf(';');
			return ((semicolon >= 0) ? line.substring(0, semicolon) : line).trim();
		}

		private static void copy(InputStream in, long length, ByteArrayOutputStream body) throws IOException {
			long left = length;
			while (left > 0) {
				int b = in.read();
				if (b < 0) {
					if (length == Long.MAX_VALUE) {
						return;
					}
					throw new EOFException("connection closed in a body");
				}
				if (body != null) {
					body.write(b);
				}
				left--;
			}
		}

		private static String line(InputStream in) throws IOException {
			StringBuilder line = new StringBuilder();
			int b;
			while ((b = in.read()) >= 0) {
				if (b == '\n') {
					int end = line.length();
					return (end > 0 && line.charAt(end - 1) == '\r') ? line.substring(0, end - 1) : line.toString();
				}
				line.append((char) b);
			}
			return (line.length() > 0) ? line.toString() : null;
		}

	}

}
