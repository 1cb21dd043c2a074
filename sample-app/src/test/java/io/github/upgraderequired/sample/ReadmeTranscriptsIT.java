package io.github.upgraderequired.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transcripts of the README and of every page under {@code docs/} are what the packaged
 * sample answers today, each page on samples of its own (so that a reader who starts the
 * sample and follows one page sees what it shows). Every
 * {@code $ curl} in a fenced block is run, in order, against a sample started with
 * {@code java -jar} (port 8080: the default, 8443: the {@code tls} profile; a block that
 * starts with its own {@code $ java -jar} line gets its own application with those
 * arguments), and its output must equal the lines under it, {@code Date} values aside. A
 * {@code $ java -jar} line followed by output is a start-up that must fail with that
 * output. Run with {@code -Dreadme.update=true} to write what the sample answers into the
 * pages instead.
 */
class ReadmeTranscriptsIT {

	private static final Pattern LOCAL_URL = Pattern.compile("(https?://localhost):(\\d+)");

	private static final String JAR = "sample-app/target/sample-app.jar";

	private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

	/**
	 * A link to a file of this repository on its main branch, with an optional anchor.
	 */
	private static final Pattern PROJECT_URL = Pattern
		.compile("https://github\\.com/upgraderequired/upgrade-required/blob/main/([\\w./-]+)(?:#([\\w-]+))?");

	/**
	 * A Maven dependency on one of this project's artifacts.
	 */
	private static final Pattern OWN_DEPENDENCY = Pattern.compile("<groupId>io\\.github\\.upgraderequired</groupId>\\s*"
			+ "<artifactId>([^<]+)</artifactId>\\s*<version>([^<]+)</version>");

	private static final String QUOTE_MARK = "<!-- from: ";

	/**
	 * A fenced block under a line that names the file it is quoted from, relative to the
	 * root: {@code <!-- from: module/src/test/java/.../Example.java -->}.
	 */
	private static final Pattern QUOTED_CODE = Pattern.compile("<!-- from: (\\S+) -->\n```\\w*\n(.*?)```",
			Pattern.DOTALL);

	private final Path root = readme().getParent();

	/**
	 * The page whose transcripts run, relative to the root, for messages.
	 */
	private String page = "README.md";

	private final boolean update = Boolean.getBoolean("readme.update");

	private final Map<String, SampleAppProcess> shared = new LinkedHashMap<>();

	private static Path readme() {
		return Path.of(System.getProperty("readme", "../README.md")).toAbsolutePath().normalize();
	}

	/**
	 * Return the README and the pages under {@code docs/}, in that order.
	 * @return the pages
	 * @throws IOException if the pages cannot be listed
	 */
	static List<Path> pages() throws IOException {
		Path readme = readme();
		List<Path> pages = new ArrayList<>(List.of(readme));
		try (Stream<Path> docs = Files.list(readme.getParent().resolve("docs"))) {
			docs.filter((path) -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
		}
		return pages;
	}

	@Test
	void thePagesHaveTranscripts() throws Exception {
		int commands = 0;
		for (Path page : pages()) {
			for (Block block : Block.parse(Files.readAllLines(page, StandardCharsets.UTF_8))) {
				commands += block.commands().size();
			}
		}
		assertThat(commands).as("transcripts found in the README and docs/").isGreaterThan(20);
	}

	@Test
	void everyPageIsLinkedFromTheReadmeAndEveryLinkFindsItsPageAndHeading() throws Exception {
		List<Path> pages = pages();
		String readme = withoutCode(Files.readString(pages.get(0), StandardCharsets.UTF_8));
		List<String> problems = new ArrayList<>();
		for (Path page : pages.subList(1, pages.size())) {
			if (!readme.contains("](docs/" + page.getFileName() + ")")) {
				problems.add(page.getFileName() + " is not linked from the README");
			}
		}
		for (Path page : pages) {
			Matcher link = MARKDOWN_LINK.matcher(withoutCode(Files.readString(page, StandardCharsets.UTF_8)));
			while (link.find()) {
				String target = link.group(1);
				if (target.startsWith("http:") || target.startsWith("https:") || target.startsWith("mailto:")) {
					continue;
				}
				int hash = target.indexOf('#');
				Path linked = (hash == 0) ? page
						: page.getParent().resolve((hash > 0) ? target.substring(0, hash) : target).normalize();
				if (!Files.exists(linked)) {
					problems.add(this.root.relativize(page) + " links to a missing " + target);
				}
				else if (hash >= 0 && linked.toString().endsWith(".md")
						&& !headings(linked).contains(target.substring(hash + 1))) {
					problems.add(this.root.relativize(page) + " links to a missing heading " + target);
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	/**
	 * Code a page quotes from a file of the build (a rule, its test) is in that file as
	 * shown, so that what the page shows is compiled and run.
	 */
	@Test
	void theCodeAPageQuotesIsInTheFileItNames() throws Exception {
		int quoted = 0;
		List<String> problems = new ArrayList<>();
		for (Path page : pages()) {
			String text = Files.readString(page, StandardCharsets.UTF_8);
			String name = this.root.relativize(page).toString();
			int marks = text.split(Pattern.quote(QUOTE_MARK), -1).length - 1;
			Matcher code = QUOTED_CODE.matcher(text);
			int found = 0;
			while (code.find()) {
				found++;
				Path file = this.root.resolve(code.group(1)).normalize();
				if (!file.startsWith(this.root) || !code.group(1).contains("/src/") || !Files.isRegularFile(file)) {
					problems.add(name + " quotes " + code.group(1) + ", which is not a source file of the build");
				}
				else if (code.group(2).lines().filter((line) -> !line.isBlank()).count() < 3) {
					problems.add(name + " quotes fewer than three lines of " + code.group(1));
				}
				else if (!Files.readString(file, StandardCharsets.UTF_8).contains(code.group(2))) {
					problems.add(name + " quotes code that is not in " + code.group(1) + " as shown");
				}
			}
			if (found != marks) {
				problems.add(name + " has " + marks + " '" + QUOTE_MARK.strip() + "' lines but " + found
						+ " of them right above a fenced block");
			}
			quoted += found;
		}
		assertThat(problems).isEmpty();
		assertThat(quoted).as("code quoted from the build's files").isGreaterThanOrEqualTo(3);
	}

	/**
	 * The dependencies the pages tell users to add name this build's version.
	 */
	@Test
	void theDependencySnippetsNameThisVersion() throws Exception {
		String version = System.getProperty("project.version");
		assertThat(version).as("the build's version, from the pom").isNotBlank();
		List<String> problems = new ArrayList<>();
		int snippets = 0;
		for (Path page : pages()) {
			Matcher dependency = OWN_DEPENDENCY.matcher(Files.readString(page, StandardCharsets.UTF_8));
			while (dependency.find()) {
				snippets++;
				if (!dependency.group(2).equals(version)) {
					problems.add(this.root.relativize(page) + " names " + dependency.group(1) + " "
							+ dependency.group(2) + ", not " + version);
				}
			}
		}
		assertThat(problems).isEmpty();
		assertThat(snippets).as("dependency snippets for the starter and the test fixture").isGreaterThanOrEqualTo(2);
	}

	/**
	 * The documentation links the sample's rules send (in {@code Link}, the problem body
	 * and the page) point to a page and heading of these docs that exist.
	 */
	@Test
	void theSamplesDocumentationLinksFindTheirPageAndHeading() throws Exception {
		String configuration = Files.readString(this.root.resolve("sample-app/src/main/resources/application.yml"),
				StandardCharsets.UTF_8);
		Matcher link = PROJECT_URL.matcher(configuration);
		List<String> problems = new ArrayList<>();
		int links = 0;
		while (link.find()) {
			links++;
			Path linked = this.root.resolve(link.group(1)).normalize();
			if (!linked.startsWith(this.root) || !Files.isRegularFile(linked)) {
				problems.add(link.group() + " names a missing page");
			}
			else if (link.group(2) != null && !headings(linked).contains(link.group(2))) {
				problems.add(link.group() + " names a missing heading");
			}
		}
		assertThat(problems).isEmpty();
		assertThat(links).as("documentation links in the sample's configuration").isGreaterThanOrEqualTo(9);
	}

	private static String withoutCode(String markdown) {
		return markdown.replaceAll("(?s)```.*?```", "");
	}

	/**
	 * Return the anchors of a page's headings, as GitHub makes them.
	 */
	private static List<String> headings(Path page) throws IOException {
		List<String> anchors = new ArrayList<>();
		for (String line : withoutCode(Files.readString(page, StandardCharsets.UTF_8)).split("\n")) {
			if (line.startsWith("#")) {
				String text = line.replaceFirst("^#+", "").strip().toLowerCase(Locale.ROOT);
				anchors.add(text.replaceAll("[^\\w\\- ]", "").replace(' ', '-'));
			}
		}
		return anchors;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("pages")
	void everyTranscriptIsWhatTheSampleAnswers(Path file) throws Exception {
		this.page = this.root.relativize(file).toString();
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		List<Block> blocks = Block.parse(lines);
		List<String> mismatches = new ArrayList<>();
		List<Replacement> replacements = new ArrayList<>();
		int commands = 0;
		try {
			for (Block block : blocks) {
				SampleAppProcess own = null;
				try {
					for (Command command : block.commands()) {
						commands++;
						if (command.text().startsWith("java -jar " + JAR)) {
							if (command.output().isEmpty()) {
								own = start(command, block);
							}
							else {
								check(command, failedStart(command), true, mismatches, replacements);
							}
						}
						else if (command.text().startsWith("curl ")) {
							check(command, curl(command, own), false, mismatches, replacements);
						}
						else {
							mismatches.add(this.page + " line " + command.line() + ": not a command this test can run: "
									+ command.text());
						}
					}
				}
				finally {
					if (own != null) {
						own.close();
					}
				}
			}
		}
		finally {
			for (SampleAppProcess app : this.shared.values()) {
				app.close();
			}
		}
		if (this.update) {
			write(file, lines, replacements);
		}
		assertThat(mismatches).as(this.page + " transcripts that differ from the sample's answers "
				+ "(-Dreadme.update=true rewrites them)").isEmpty();
	}

	private SampleAppProcess start(Command command, Block block) throws Exception {
		List<String> arguments = arguments(command);
		String profiles = "";
		List<String> rest = new ArrayList<>();
		for (String argument : arguments) {
			if (argument.startsWith("--spring.profiles.active=")) {
				profiles = argument.substring("--spring.profiles.active=".length());
			}
			else if (!argument.startsWith("--server.port=")) {
				rest.add(argument);
			}
		}
		return SampleAppProcess.start("readme-line-" + block.line(), profiles, rest.toArray(String[]::new));
	}

	private String failedStart(Command command) throws Exception {
		List<String> process = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", System.getProperty("sample.jar")));
		process.addAll(arguments(command));
		process.add("--server.port=0");
		Path log = Files.createTempFile("readme-line-" + command.line(), ".log");
		Process started = new ProcessBuilder(process).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			assertThat(started.waitFor(90, TimeUnit.SECONDS))
				.as("%s line %d must fail to start, but it still runs", this.page, command.line())
				.isTrue();
		}
		finally {
			started.destroyForcibly();
		}
		assertThat(started.exitValue()).as("exit code of %s line %d", this.page, command.line()).isNotZero();
		String output = Files.readString(log, StandardCharsets.UTF_8);
		Files.delete(log);
		return output;
	}

	private List<String> arguments(Command command) {
		return Shell.split(command.text().substring(("java -jar " + JAR).length()));
	}

	private String curl(Command command, SampleAppProcess own) throws Exception {
		Matcher url = LOCAL_URL.matcher(command.text());
		assertThat(url.find()).as("%s line %d names a local URL", this.page, command.line()).isTrue();
		SampleAppProcess app = (own != null) ? own : sharedApp(url.group(2), command);
		String text = LOCAL_URL.matcher(command.text()).replaceAll("$1:" + app.port());
		return Clients.run(List.of("bash", "-c", text.replaceFirst("^curl ", "curl -sS -m 20 ")), this.root);
	}

	private SampleAppProcess sharedApp(String port, Command command) throws Exception {
		String profiles = switch (port) {
			case "8080" -> "";
			case "8443" -> "tls";
			default -> throw new AssertionError(this.page + " line " + command.line() + ": port " + port
					+ " belongs to no application (8080: the sample, 8443: its tls profile)");
		};
		SampleAppProcess app = this.shared.get(port);
		if (app == null) {
			app = SampleAppProcess.start("readme-" + port, profiles);
			this.shared.put(port, app);
		}
		return app;
	}

	/**
	 * Compare what ran with the lines under the command. For a failed start-up the
	 * expected lines are a run inside the output, starting at the first of them.
	 */
	private void check(Command command, String actual, boolean excerpt, List<String> mismatches,
			List<Replacement> replacements) {
		List<String> got = normalize(actual);
		List<String> expected = normalize(String.join("\n", command.output()));
		if (excerpt) {
			int start = expected.isEmpty() ? -1 : got.indexOf(expected.get(0));
			got = (start < 0) ? got : got.subList(start, Math.min(got.size(), start + expected.size()));
		}
		if (!masked(got).equals(masked(expected))) {
			mismatches.add(this.page + " line " + command.line() + " (" + command.text() + ")\n--- " + this.page + "\n"
					+ String.join("\n", expected) + "\n--- sample\n" + String.join("\n", got));
			if (!excerpt) {
				replacements.add(new Replacement(command.outputStart(), command.outputEnd(), got));
			}
		}
	}

	private void write(Path file, List<String> lines, List<Replacement> replacements) throws Exception {
		List<String> result = new ArrayList<>(lines);
		for (int i = replacements.size() - 1; i >= 0; i--) {
			Replacement replacement = replacements.get(i);
			List<String> output = new ArrayList<>(replacement.lines());
			if (replacement.end() < result.size() && result.get(replacement.end()).startsWith("$ ")
					&& !output.isEmpty()) {
				// A blank line before the next command of the block.
				output.add("");
			}
			result.subList(replacement.start(), replacement.end()).clear();
			result.addAll(replacement.start(), output);
		}
		Files.write(file, result, StandardCharsets.UTF_8);
	}

	private static List<String> normalize(String text) {
		List<String> lines = new ArrayList<>();
		for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
			lines.add(line.stripTrailing());
		}
		while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
			lines.remove(lines.size() - 1);
		}
		return lines;
	}

	private static List<String> masked(List<String> lines) {
		return lines.stream().map((line) -> line.regionMatches(true, 0, "date:", 0, 5) ? "date: *" : line).toList();
	}

	/**
	 * A command of a transcript and the lines printed under it.
	 *
	 * @param line the page line of the command (1-based)
	 * @param text the command, continuation lines joined, without {@code $ }
	 * @param output the lines under it
	 * @param outputStart the index of the first output line
	 * @param outputEnd the index after the last output line
	 */
	record Command(int line, String text, List<String> output, int outputStart, int outputEnd) {
	}

	/**
	 * A fenced block with at least one command.
	 *
	 * @param line the page line of its opening fence (1-based)
	 * @param commands its commands
	 */
	record Block(int line, List<Command> commands) {

		static List<Block> parse(List<String> lines) {
			List<Block> blocks = new ArrayList<>();
			int i = 0;
			while (i < lines.size()) {
				if (!lines.get(i).startsWith("```")) {
					i++;
					continue;
				}
				int open = i++;
				List<Command> commands = new ArrayList<>();
				while (i < lines.size() && !lines.get(i).startsWith("```")) {
					if (!lines.get(i).startsWith("$ ")) {
						i++;
						continue;
					}
					int commandLine = i;
					StringBuilder text = new StringBuilder(lines.get(i).substring(2));
					while (text.toString().endsWith("\\") && i + 1 < lines.size()) {
						text.setLength(text.length() - 1);
						text.append(' ').append(lines.get(++i).strip());
					}
					int start = ++i;
					while (i < lines.size() && !lines.get(i).startsWith("```") && !lines.get(i).startsWith("$ ")) {
						i++;
					}
					int end = i;
					while (end > start && lines.get(end - 1).isBlank()) {
						end--;
					}
					commands.add(new Command(commandLine + 1, text.toString().replaceAll(" +", " ").strip(),
							List.copyOf(lines.subList(start, end)), start, end));
				}
				if (!commands.isEmpty()) {
					blocks.add(new Block(open + 1, commands));
				}
				i++;
			}
			return blocks;
		}

	}

	private record Replacement(int start, int end, List<String> lines) {
	}

	/**
	 * Splits a command line into words the way a POSIX shell does for quotes.
	 */
	static final class Shell {

		private Shell() {
		}

		static List<String> split(String line) {
			List<String> words = new ArrayList<>();
			StringBuilder word = null;
			char quote = 0;
			for (char c : line.toCharArray()) {
				if (quote != 0) {
					if (c == quote) {
						quote = 0;
					}
					else {
						word.append(c);
					}
				}
				else if (c == '\'' || c == '"') {
					quote = c;
					word = (word != null) ? word : new StringBuilder();
				}
				else if (Character.isWhitespace(c)) {
					if (word != null) {
						words.add(word.toString());
						word = null;
					}
				}
				else {
					word = (word != null) ? word : new StringBuilder();
					word.append(c);
				}
			}
			if (word != null) {
				words.add(word.toString());
			}
			return words;
		}

	}

}
