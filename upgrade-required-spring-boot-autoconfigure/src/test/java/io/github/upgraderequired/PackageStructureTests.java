package io.github.upgraderequired;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.github.upgraderequired.core.UpgradeEngine;
import io.github.upgraderequired.web.connection.ServletConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of the compiled code: the engine's {@code core} knows no web stack (it uses
 * nothing but itself, the JDK and logging), nor does the request pipeline every adapter
 * shares ({@code web}), and the adapters of the two stacks, the Tomcat valve, the Netty
 * forwarded-header handler and the connection readers they share never reach into each
 * other. Read from the class files of this module and of {@code upgrade-required-core}
 * (the engine, the renderer and the pipeline), so a fully qualified name in the code
 * counts as much as an import.
 */
class PackageStructureTests {

	private static final String BASE = "io/github/upgraderequired/";

	/**
	 * The jars opened as file systems, kept open for the tests of the class.
	 */
	private static final Map<Path, Path> JARS = new ConcurrentHashMap<>();

	/**
	 * All that {@code core} may use: itself, the JDK, JSpecify's annotations and the
	 * logging API. No web stack, no server, and none of the starter's other packages.
	 */
	private static final List<String> CORE_MAY_USE = List.of(BASE + "core/", "java/", "org/jspecify/",
			"org/apache/commons/logging/");

	/**
	 * All that the request pipeline may use: the core, the renderer, its own package, the
	 * JDK, JSpecify's annotations and the logging API. No web stack, and no adapter.
	 */
	private static final List<String> PIPELINE_MAY_USE = List.of(BASE + "core/", BASE + "render/", "java/",
			"org/jspecify/", "org/apache/commons/logging/");

	@Test
	void theCoreUsesNothingButItselfTheJdkAndLogging() throws IOException {
		assertThat(violations("core/", (reference) -> CORE_MAY_USE.stream().noneMatch(reference::startsWith)))
			.isEmpty();
	}

	@Test
	void thePipelineUsesNothingButTheCoreTheRendererTheJdkAndLogging() throws IOException {
		assertThat(violations("web/", false, (reference) -> PIPELINE_MAY_USE.stream().noneMatch(reference::startsWith)
				&& !isInPackage(reference, BASE + "web/"))).isEmpty();
	}

	// What the adapters share (web/connection) may be used by them, and uses none.
	@ParameterizedTest(name = "{0} uses none of {1}")
	@CsvSource(delimiter = '|', textBlock = """
			web/servlet/    | web/reactive/ web/tomcat/ web/netty/
			web/reactive/   | web/servlet/ web/tomcat/ web/netty/
			web/tomcat/     | web/servlet/ web/reactive/ web/netty/
			web/netty/      | web/servlet/ web/reactive/ web/tomcat/
			web/connection/ | web/servlet/ web/reactive/ web/tomcat/ web/netty/
			""")
	void anAdapterNeverUsesAnotherAdapter(String adapter, String others) throws IOException {
		List<String> forbidden = Arrays.stream(others.split(" ")).map((other) -> BASE + other).toList();
		assertThat(violations(adapter, (reference) -> forbidden.stream().anyMatch(reference::startsWith))).isEmpty();
	}

	// The reader must see what is there, or the tests above could not fail.
	@Test
	void theReaderSeesTheTypesAClassUses() throws IOException {
		assertThat(references(classFile(ServletConnection.class))).contains("jakarta/servlet/http/HttpServletRequest",
				"io/github/upgraderequired/core/ForwardedHeaders", "org/jspecify/annotations/Nullable");
		assertThat(references(classFile(UpgradeEngine.class))).contains("io/github/upgraderequired/core/Decision");
		assertThat(violations("web/reactive/", (reference) -> reference.startsWith("org/springframework/web/server/")))
			.isNotEmpty();
		assertThat(violations("web/", false, (reference) -> isInPackage(reference, BASE + "web/"))).isNotEmpty();
		assertThat(violations("web/", false, (reference) -> reference.startsWith(BASE + "web/servlet/"))).isEmpty();
	}

	/**
	 * Return, for each class under the package, the references it makes that are
	 * forbidden.
	 */
	private static Map<String, Set<String>> violations(String packagePath, Predicate<String> forbidden)
			throws IOException {
		return violations(packagePath, true, forbidden);
	}

	/**
	 * Return, for each class in the package (and under it, if recursive), the references
	 * it makes that are forbidden.
	 */
	private static Map<String, Set<String>> violations(String packagePath, boolean recursive,
			Predicate<String> forbidden) throws IOException {
		Map<String, Set<String>> violations = new TreeMap<>();
		int classCount = 0;
		for (Path classes : classesRoots()) {
			Path root = classes.resolve(BASE + packagePath);
			if (!Files.isDirectory(root)) {
				continue;
			}
			List<Path> files;
			try (Stream<Path> walk = Files.walk(root, recursive ? Integer.MAX_VALUE : 1)) {
				files = walk.filter((file) -> file.toString().endsWith(".class")).toList();
			}
			classCount += files.size();
			for (Path file : files) {
				for (String reference : references(file)) {
					if (forbidden.test(reference)) {
						violations.computeIfAbsent(root.relativize(file).toString(), (key) -> new TreeSet<>())
							.add(reference);
					}
				}
			}
		}
		assertThat(classCount).as("classes under %s", packagePath).isPositive();
		return violations;
	}

	/**
	 * Return whether a referenced type is in the package itself, not in one below it.
	 */
	private static boolean isInPackage(String reference, String packagePath) {
		return reference.startsWith(packagePath) && reference.indexOf('/', packagePath.length()) < 0;
	}

	/**
	 * Return the compiled classes of the core module (engine, renderer, pipeline) and of
	 * this module (adapters, auto-configuration).
	 */
	private static List<Path> classesRoots() {
		return List.of(classesRoot(UpgradeEngine.class), classesRoot(ServletConnection.class));
	}

	/**
	 * Return the root of the classes a type was loaded with: a directory, or the jar the
	 * reactor built (from {@code verify} on, a module's neighbours are their jars).
	 */
	private static Path classesRoot(Class<?> type) {
		try {
			Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
			if (Files.isDirectory(location)) {
				return location;
			}
			assertThat(location).as("the compiled classes of %s", type.getName()).isRegularFile();
			return JARS.computeIfAbsent(location, PackageStructureTests::openJar);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path openJar(Path jar) {
		try {
			return FileSystems.newFileSystem(jar).getPath("/");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path classFile(Class<?> type) {
		return classesRoot(type).resolve(type.getName().replace('.', '/') + ".class");
	}

	/**
	 * Return the types a class file names in its constant pool: classes it uses, and the
	 * types in its field, method and generic signatures. String literals are left out.
	 */
	static Set<String> references(Path classFile) throws IOException {
		try (InputStream in = Files.newInputStream(classFile)) {
			DataInputStream data = new DataInputStream(in);
			assertThat(data.readInt()).as("class file magic of %s", classFile).isEqualTo(0xCAFEBABE);
			data.readUnsignedShort();
			data.readUnsignedShort();
			int count = data.readUnsignedShort();
			String[] texts = new String[count];
			boolean[] literal = new boolean[count];
			List<Integer> classNames = new ArrayList<>();
			for (int index = 1; index < count; index++) {
				int tag = data.readUnsignedByte();
				switch (tag) {
					case 1 -> texts[index] = data.readUTF();
					case 7 -> classNames.add(data.readUnsignedShort());
					case 8 -> literal[data.readUnsignedShort()] = true;
					case 16, 19, 20 -> data.readUnsignedShort();
					case 15 -> {
						data.readUnsignedByte();
						data.readUnsignedShort();
					}
					case 3, 4, 9, 10, 11, 12, 17, 18 -> data.readInt();
					case 5, 6 -> {
						data.readLong();
						// Eight-byte constants take two entries.
						index++;
					}
					default -> throw new IllegalStateException("unknown constant " + tag + " in " + classFile);
				}
			}
			Set<String> references = new TreeSet<>();
			for (int index : classNames) {
				// An array class is named by its descriptor, such as [Ljava/lang/String;
				references.addAll(typesIn(texts[index].startsWith("[") ? texts[index] : "L" + texts[index] + ";"));
			}
			for (int index = 1; index < count; index++) {
				if (texts[index] != null && !literal[index]) {
					references.addAll(typesIn(texts[index]));
				}
			}
			return references;
		}
	}

	/**
	 * Return the types named in a descriptor or signature ({@code Lpkg/Type;},
	 * {@code Lpkg/Type<Lpkg/Arg;>;}); other text names none.
	 */
	private static List<String> typesIn(String text) {
		List<String> types = new ArrayList<>();
		int start = text.indexOf('L');
		while (start >= 0) {
			int end = start + 1;
			while (end < text.length() && text.charAt(end) != ';' && text.charAt(end) != '<') {
				end++;
			}
			String name = text.substring(start + 1, end);
			if (end < text.length() && name.indexOf('/') > 0 && name.chars().noneMatch(Character::isWhitespace)) {
				types.add(name);
			}
			start = text.indexOf('L', end);
		}
		return types;
	}

}
