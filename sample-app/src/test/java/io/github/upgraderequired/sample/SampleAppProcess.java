package io.github.upgraderequired.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The packaged sample application, started with {@code java -jar} on a free port, the way
 * a user starts it. Its output goes to {@code target/sample-logs/<name>.log}.
 */
final class SampleAppProcess implements AutoCloseable {

	private static final Pattern STARTED = Pattern.compile("(Tomcat|Netty) started on port (\\d+)");

	private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

	private final Process process;

	private final Path log;

	private final String server;

	private final int port;

	private SampleAppProcess(Process process, Path log, String server, int port) {
		this.process = process;
		this.log = log;
		this.server = server;
		this.port = port;
	}

	/**
	 * Start the jar named by the {@code sample.jar} system property with the given
	 * profiles (none for the default) and wait until its server listens.
	 * @param name the name of the log file
	 * @param profiles the profiles to activate, comma-separated, or empty
	 * @param arguments more command-line arguments
	 * @return the running application
	 * @throws Exception if it does not start
	 */
	static SampleAppProcess start(String name, String profiles, String... arguments) throws Exception {
		Path log = logFile(name);
		Process process = launch(log, profiles, arguments);
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			String output = read(log);
			Matcher matcher = STARTED.matcher(output);
			// Wait for the end of start-up too: some warnings are logged after the server listens.
			if (matcher.find() && output.contains("Started SampleApplication in")) {
				return new SampleAppProcess(process, log, matcher.group(1), Integer.parseInt(matcher.group(2)));
			}
			if (!process.isAlive()) {
				fail("The sample exited with %d before it listened:%n%s", process.exitValue(), read(log));
			}
			Thread.sleep(100);
		}
		process.destroyForcibly();
		return fail("The sample did not listen within %s:%n%s", START_TIMEOUT, read(log));
	}

	/**
	 * Start the packaged sample app in the hope that it fails to, and return what it wrote.
	 * @param name the name of the log file
	 * @param profiles the profiles to activate, comma-separated, or empty
	 * @param arguments more command-line arguments
	 * @return the output of the application, which has exited with a status other than 0
	 * @throws Exception if it started, or did not exit in time
	 */
	static String failToStart(String name, String profiles, String... arguments) throws Exception {
		Path log = logFile(name);
		Process process = launch(log, profiles, arguments);
		if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
			process.destroyForcibly();
			fail("The sample did not exit within %s:%n%s", START_TIMEOUT, read(log));
		}
		assertThat(process.exitValue()).as("exit status").isNotZero();
		return read(log);
	}

	/**
	 * Start the packaged sample with its output in the given file, to be destroyed when
	 * the tests end.
	 */
	private static Process launch(Path log, String profiles, String... arguments) throws IOException {
		Process process = new ProcessBuilder(command(profiles, arguments)).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
		return process;
	}

	private static Path logFile(String name) throws IOException {
		Path logs = Path.of(System.getProperty("sample.logs", "target/sample-logs"));
		Files.createDirectories(logs);
		return logs.resolve(name + ".log");
	}

	private static List<String> command(String profiles, String... arguments) {
		String jar = System.getProperty("sample.jar");
		assertThat(jar).as("system property sample.jar (set by the failsafe plugin)").isNotBlank();
		assertThat(Path.of(jar)).as("the packaged sample").isRegularFile();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-jar");
		command.add(jar);
		command.add("--server.port=0");
		if (!profiles.isEmpty()) {
			command.add("--spring.profiles.active=" + profiles);
		}
		command.addAll(List.of(arguments));
		return command;
	}

	/**
	 * The embedded server that started: {@code Tomcat} or {@code Netty}.
	 * @return the server's name
	 */
	String server() {
		return this.server;
	}

	int port() {
		return this.port;
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	String httpsUrl(String path) {
		return "https://localhost:" + this.port + path;
	}

	/**
	 * What the application has written so far.
	 * @return the log
	 */
	String log() {
		return read(this.log);
	}

	@Override
	public void close() throws Exception {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	private static String read(Path log) {
		try {
			return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

}
