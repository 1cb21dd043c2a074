package io.github.upgraderequired.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code user_agent_string} values of a uap-core test file
 * ({@code test_ua.yaml}): one per line, single-quoted ({@code ''} for a quote),
 * double-quoted (with backslash escapes) or plain.
 */
final class UserAgentCorpus {

	/**
	 * Where the corpus is, relative to the repository root (the directory the scripts run
	 * from).
	 */
	static final String DEFAULT_LOCATION = "../shared/corpus/uap-core-test_ua.yaml";

	private static final String KEY = "user_agent_string:";

	private UserAgentCorpus() {
	}

	/**
	 * Read the agents of a corpus file, in file order.
	 * @param location the file
	 * @return the agents
	 * @throws IllegalStateException if the file is missing, holds no agent or a value is
	 * not terminated
	 */
	static List<String> load(String location) {
		Path path = Path.of(location);
		if (!Files.isRegularFile(path)) {
			throw new IllegalStateException("The User-Agent corpus " + path.toAbsolutePath().normalize()
					+ " does not exist: run from the repository root, or give the file's location "
					+ "(-p corpus=<file> for JMH, a second argument for DetectorFootprint)");
		}
		List<String> lines;
		try {
			lines = Files.readAllLines(path, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the User-Agent corpus " + path.toAbsolutePath(), ex);
		}
		List<String> agents = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (line.startsWith("- ")) {
				line = line.substring(2).strip();
			}
			if (line.startsWith(KEY)) {
				agents.add(scalar(line.substring(KEY.length()).strip(), path, i + 1));
			}
		}
		if (agents.isEmpty()) {
			throw new IllegalStateException("The User-Agent corpus " + path.toAbsolutePath() + " has no " + KEY);
		}
		return agents;
	}

	private static String scalar(String value, Path path, int line) {
		if (value.startsWith("'")) {
			return singleQuoted(value, path, line);
		}
		if (value.startsWith("\"")) {
			return doubleQuoted(value, path, line);
		}
		int comment = value.indexOf(" #");
		return ((comment >= 0) ? value.substring(0, comment) : value).strip();
	}

	private static String singleQuoted(String value, Path path, int line) {
		StringBuilder text = new StringBuilder(value.length());
		for (int i = 1; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c != '\'') {
				text.append(c);
			}
			else if (i + 1 < value.length() && value.charAt(i + 1) == '\'') {
				text.append('\'');
				i++;
			}
			else {
				return text.toString();
			}
		}
		throw unterminated(path, line);
	}

	private static String doubleQuoted(String value, Path path, int line) {
		StringBuilder text = new StringBuilder(value.length());
		for (int i = 1; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"') {
				return text.toString();
			}
			if (c != '\\') {
				text.append(c);
				continue;
			}
			if (++i == value.length()) {
				break;
			}
			char escaped = value.charAt(i);
			switch (escaped) {
				case 'n' -> text.append('\n');
				case 't' -> text.append('\t');
				case 'r' -> text.append('\r');
				case '0' -> text.append('\0');
				case 'x', 'u', 'U' -> {
					int digits = (escaped == 'x') ? 2 : (escaped == 'u') ? 4 : 8;
					if (i + digits >= value.length()) {
						throw unterminated(path, line);
					}
					text.appendCodePoint(Integer.parseInt(value, i + 1, i + 1 + digits, 16));
					i += digits;
				}
				default -> text.append(escaped);
			}
		}
		throw unterminated(path, line);
	}

	private static IllegalStateException unterminated(Path path, int line) {
		return new IllegalStateException("Line " + line + " of the User-Agent corpus " + path.toAbsolutePath()
				+ " holds a quoted value that does not end on that line");
	}

}
