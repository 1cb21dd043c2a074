package io.github.upgraderequired.e2e;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.SpringVersion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Robustness of both stacks over real sockets, with the application of the {@code e2e}
 * profile running on Tomcat (Spring MVC) and on Reactor Netty (Spring WebFlux) at once: no
 * request, however malformed, makes either answer with a 5xx or leave the client without
 * a complete answer, unless a named failure of the server's own explains it and the same
 * server without the starter does the same. (How legal requests are answered is for
 * {@link ServerModelPropertyTests} to check.)
 */
class ServerPropertyTests {

	/**
	 * The servers' limit for the request line and headers together, less a margin.
	 */
	private static final int HEADER_LIMIT = 8_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final boolean FRAMEWORK_7_0_8_OR_OLDER = frameworkAtMost(7, 0, 8);

	private static final List<RunningStack> stacks = new ArrayList<>();

	/**
	 * Each stack's twin without the starter, started when a stack first answers with a
	 * 5xx, to tell whether the starter had a part in it.
	 */
	private static final Map<RunningStack, RunningStack> withoutStarter = new LinkedHashMap<>();

	@BeforeAll
	static void start() {
		stacks.add(RunningStack.webMvc());
		stacks.add(RunningStack.webFlux());
	}

	@AfterAll
	static void stop() throws IOException {
		stacks.forEach(RunningStack::close);
		withoutStarter.values().forEach(RunningStack::close);
	}

	@Test
	void noRequestMakesEitherStackFailOrLeaveTheClientWithoutAnAnswer() {
		PropertyCheck.forAll(wireRequests(), (request, tally) -> {
			for (RunningStack stack : stacks) {
				HttpResult answer;
				try {
					answer = exchangeOnce(stack, request);
				}
				catch (IOException ex) {
					tally.count(ownFailure(stack, request, Failure.of(ex)));
					continue;
				}
				tally.count(stack + " " + ((answer.status() == 426) ? "426" : answer.status() / 100 + "xx"));
				if (answer.status() >= 500) {
					tally.count(ownFailure(stack, request, Failure.of(answer)));
				}
				if (String.valueOf(answer.header("Content-Type")).startsWith("application/problem+json")) {
					if (!request.method().equals("HEAD")) {
						assertThat(answer.body()).as("%s answered %s", stack, answer).isNotEmpty();
						JSON.readTree(answer.body());
					}
				}
			}
		}).assertEach(200, "Spring MVC 2xx", "Spring MVC 426", "Spring MVC 4xx", "Spring WebFlux 2xx",
				"Spring WebFlux 426", "Spring WebFlux 4xx")
			// A harness that fails on both stacks alike (say, out of ports) must not pass.
			.assertAtMost(PropertyCheck.TRIES / 100, OwnFailure.TOMCAT_NO_STATUS_LINE)
			.assertAtMost(PropertyCheck.TRIES / 100, OwnFailure.MVC_WILDCARD_CONTENT_TYPE)
			.assertAtMost(PropertyCheck.TRIES / 100, OwnFailure.QUOTE_BEFORE_SLASH);
	}

	/**
	 * Return the failure of the server's own that explains a 5xx or a missing answer,
	 * after checking that the same server without the starter fails the request the same
	 * way; fail if no known failure explains it.
	 */
	private static OwnFailure ownFailure(RunningStack stack, WireRequest request, Failure failure) {
		OwnFailure cause = Arrays.stream(OwnFailure.values())
			.filter((candidate) -> candidate.explains(stack, request, failure))
			.findFirst()
			.orElse(null);
		assertThat(cause).as("%s: %s, and no known failure of the server's own explains it", stack, failure)
			.isNotNull();
		RunningStack alone = withoutStarter.computeIfAbsent(stack, RunningStack::withoutStarter);
		Failure aloneFailure;
		try {
			aloneFailure = Failure.of(exchangeOnce(alone, request));
		}
		catch (IOException ex) {
			aloneFailure = Failure.of(ex);
		}
		assertThat(aloneFailure.kind()).as("%s: %s (%s), but %s: %s", stack, failure, cause, alone, aloneFailure)
			.isEqualTo(failure.kind());
		return cause;
	}

	/**
	 * How a request failed: its kind, and what was seen.
	 */
	record Failure(Kind kind, String description) {

		enum Kind {

			/** A 5xx. */
			SERVER_ERROR,

			/** Bytes that were not a status line, then the end of the connection. */
			NO_STATUS_LINE,

			/** The connection ended before a whole answer. */
			CUT_SHORT,

			/** No answer in time: never one of the server's own known failures. */
			TIMEOUT,

			/** A complete answer below 500. */
			NONE

		}

		static Failure of(HttpResult answer) {
			return new Failure((answer.status() >= 500) ? Kind.SERVER_ERROR : Kind.NONE, "answered " + answer);
		}

		static Failure of(IOException ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof SocketTimeoutException) {
					return new Failure(Kind.TIMEOUT, ex.getMessage());
				}
			}
			boolean bytes = ex.getMessage() != null && ex.getMessage().matches("(?s).*ended after [1-9][0-9]* bytes of a response head.*");
			return new Failure(bytes ? Kind.NO_STATUS_LINE : Kind.CUT_SHORT, ex.getMessage());
		}

		@Override
		public String toString() {
			return this.kind + ", " + this.description;
		}

	}

	/**
	 * What the servers and Spring do on their own with some malformed requests, starter or
	 * not (see docs/known-issues.md). A 5xx or a missing answer is allowed only where
	 * one of these explains it and the same server without the starter does the same.
	 */
	enum OwnFailure {

		/**
		 * Tomcat answers a request line it cannot parse (a method that is not a token, a
		 * control character, white space or a non-ASCII byte in the target) with a bare
		 * error page and no status line, as to HTTP/0.9.
		 */
		TOMCAT_NO_STATUS_LINE {

			@Override
			boolean explains(RunningStack stack, WireRequest request, Failure failure) {
				return stack.toString().equals("Spring MVC") && failure.kind() == Failure.Kind.NO_STATUS_LINE
						&& !request.hasLegalRequestLine() && failure.description().contains("response head: <!doctype html>");
			}

		},

		/**
		 * Spring Framework 7.0's {@code ServletServerHttpRequest.getHeaders()} throws
		 * {@code IllegalArgumentException} for a {@code Content-Type} with a wildcard type
		 * ({@code *}{@code /…}), so a CORS request with one, to a handler with a CORS
		 * configuration, gets a 500 on Spring MVC.
		 */
		MVC_WILDCARD_CONTENT_TYPE {

			@Override
			boolean explains(RunningStack stack, WireRequest request, Failure failure) {
				String contentType = request.header("Content-Type");
				return stack.toString().equals("Spring MVC") && failure.kind() == Failure.Kind.SERVER_ERROR
						&& request.header("Origin") != null && contentType != null
						&& contentType.strip().startsWith("*/");
			}

		},

		/**
		 * Spring Framework 7.0.8's {@code MimeTypeUtils} throws
		 * {@code StringIndexOutOfBoundsException} for a media type that opens a quote
		 * before its slash ({@code "a/b}): an {@code Accept} or {@code Content-Type} like it
		 * gets a 500 from Spring MVC and Spring Boot's WebFlux error handler, or, on
		 * WebFlux, no answer. Fixed in 7.0.10: on a newer Spring Framework it explains
		 * nothing.
		 */
		QUOTE_BEFORE_SLASH {

			@Override
			boolean explains(RunningStack stack, WireRequest request, Failure failure) {
				return FRAMEWORK_7_0_8_OR_OLDER && failure.kind() != Failure.Kind.TIMEOUT
						&& (quoteBeforeSlash(request.header("Accept")) || quoteBeforeSlash(request.header("Content-Type")));
			}

			private static boolean quoteBeforeSlash(@Nullable String value) {
				return value != null && value.indexOf('"') >= 0 && value.indexOf('"') < value.lastIndexOf('/');
			}

		};

		abstract boolean explains(RunningStack stack, WireRequest request, Failure failure);

	}

	private static boolean frameworkAtMost(int... version) {
		String[] parts = String.valueOf(SpringVersion.getVersion()).split("[.-]");
		for (int i = 0; i < version.length; i++) {
			int part = Integer.parseInt(parts[i]);
			if (part != version[i]) {
				return part < version[i];
			}
		}
		return true;
	}

	private static HttpResult exchangeOnce(RunningStack stack, WireRequest request) throws IOException {
		try (RawConnection connection = new RawConnection(stack.port())) {
			return connection.exchange(request.bytes(), request.method().equals("HEAD"));
		}
		catch (IOException ex) {
			throw new IOException(stack + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Requests as a broken or hostile client sends them: odd methods and targets, any byte
	 * but a line feed in header values, control characters and lone carriage returns
	 * included, up to just under the servers' limit (beyond it, both refuse the request and
	 * may reset the connection while the client is still writing).
	 */
	static Gen<WireRequest> wireRequests() {
		Gen<String> methods = Gen.of("GET", "GET", "GET", "HEAD", "POST", "OPTIONS", "DELETE", "get", "G\u00C9T",
				"BREW");
		// Never empty: a request line without a target is one Tomcat takes for HTTP/0.9,
		// answered without a status line.
		Gen<String> garbage = Gen.strings("\u0000\u00ff", "", 1, 60)
			.map((text) -> text.replace(' ', '_').replace('\r', '_').replace('\n', '_'));
		Gen<String> targets = Gen.oneOf(Gen.of(GeneratedRequest.PATHS), Gen.of(GeneratedRequest.PATHS),
				(random) -> Gen.of(GeneratedRequest.PATHS).next(random) + garbage.next(random),
				(random) -> Gen.of(GeneratedRequest.PATHS).next(random) + "?version=" + garbage.next(random), garbage,
				Gen.of("*", "http://localhost/api/hello", "//", "/..;/actuator/health", "/%2e%2e/actuator/health",
						"/api/%", "/a%zz", "/%00", "/web/%ff"));
		List<String> names = new ArrayList<>(GeneratedRequest.READ_HEADERS);
		names.addAll(List.of("Origin", "Upgrade", "Connection"));
		// Half the requests keep to legal values, so that they get past the servers' own
		// checks and reach the starter; the others bring control characters and lone
		// carriage returns, which the servers refuse or pass on.
		Gen<List<Map.Entry<String, String>>> headers = (random) -> {
			boolean legal = random.nextBoolean();
			List<Map.Entry<String, String>> entries = new ArrayList<>();
			for (String name : Gen.subsetOf(names).next(random)) {
				String value = HostileValues.asSent(HostileValues.headerValue().next(random), legal, false);
				if (name.equals("Connection")) {
					// Never an upgrade, which would switch the connection to another protocol.
					value = value.replaceAll("(?i)upgrade", "");
				}
				entries.add(Map.entry(name, value));
			}
			return entries;
		};
		Gen<WireRequest> requests = (random) -> new WireRequest(methods.next(random), targets.next(random),
				Gen.of("HTTP/1.1", "HTTP/1.0", "HTTP/1.1").next(random), random.nextBoolean(), headers.next(random));
		return requests.filter((request) -> request.bytes().length < HEADER_LIMIT);
	}

	/**
	 * A request as bytes on the wire, whatever they are.
	 */
	record WireRequest(String method, String target, String version, boolean host,
			List<Map.Entry<String, String>> headers) {

		byte[] bytes() {
			StringBuilder text = new StringBuilder(this.method).append(' ').append(this.target).append(' ')
				.append(this.version).append("\r\n");
			if (this.host) {
				text.append("Host: localhost\r\n");
			}
			this.headers.forEach((header) -> text.append(header.getKey()).append(": ").append(header.getValue())
				.append("\r\n"));
			return text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
		}

		/**
		 * Return the first value of a header, by name in any case.
		 */
		@Nullable String header(String name) {
			return this.headers.stream()
				.filter((header) -> header.getKey().equalsIgnoreCase(name))
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse(null);
		}

		/**
		 * Return whether the request line is one RFC 9112 allows: a method that is a
		 * token, a target of visible ASCII characters.
		 */
		boolean hasLegalRequestLine() {
			return !this.method.isEmpty() && this.method.chars().allMatch(WireRequest::isTokenCharacter)
					&& !this.target.isEmpty() && this.target.chars().allMatch((c) -> c > 0x20 && c < 0x7F);
		}

		private static boolean isTokenCharacter(int c) {
			return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
					|| "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
		}

		@Override
		public String toString() {
			String text = new String(bytes(), StandardCharsets.ISO_8859_1);
			return (text.length() > 2_000) ? text.substring(0, 2_000) + "… (" + text.length() + " bytes)" : text;
		}

	}

}
