package io.github.upgraderequired.e2e;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replacement HTML page that is missing or cannot serve, over real sockets: each test
 * starts {@link EndToEndApplication} with {@code upgrade-required.response.page} set, so
 * that start-up is seen, and a browser asks for a path it must upgrade for.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractUpgradePageEndToEndTests {

	private static final String PROPERTY = "upgrade-required.response.page";

	private final String webApplicationType;

	AbstractUpgradePageEndToEndTests(String webApplicationType) {
		this.webApplicationType = webApplicationType;
	}

	@ParameterizedTest
	@CsvSource({ "classpath:pages/no-such-page.html, cannot be used", "file:/no/such/dir/page.html, cannot be used",
			"classpath:pages/empty.html, it is empty", "classpath:pages/blank.html, it is empty",
			"classpath:pages/latin-1.html, it is not UTF-8",
			"classpath:pages/unclosed-placeholder.html, is not closed with }}" })
	void aPageThatCannotServeIsReplacedByTheBuiltInOneWithAWarning(String page, String reason,
			CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = start(page)) {
			HttpResult response = browserGet(context);
			assertThat(response.status()).isEqualTo(426);
			assertThat(response.header("Content-Type")).isEqualTo("text/html;charset=UTF-8");
			assertThat(Integer.parseInt(response.header("Content-Length")))
				.isEqualTo(response.body().getBytes(StandardCharsets.UTF_8).length);
			assertThat(response.body()).startsWith("<!DOCTYPE html>")
				.contains("<h1>Please upgrade to continue</h1>")
				.contains("<span class=\"upgrade\">TLS/1.3, TLS/1.2</span>")
				.contains("href=\"https://example.com/docs/https\"")
				.endsWith("</html>\n")
				.doesNotContain("{{")
				.doesNotContain("\uFFFD");
		}
		assertThat(output).contains("WARN")
			.contains("The page '" + page + "' set in '" + PROPERTY + "' cannot be used")
			.contains(reason)
			.contains("the built-in page is used instead");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"classpath:custom-upgrade-page.html | <p>Custom: TLS/1.3, TLS/1.2</p> |",
			"classpath:pages/unknown-placeholder.html | <p>Upgrade to TLS/1.3, TLS/1.2, see </p> | "
					+ "has placeholders that render as nothing: [docs]" })
	void aPageThatServesIsUsedWarningOfPlaceholdersThatRenderAsNothing(String page, String body, String warning,
			CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = start(page)) {
			HttpResult response = browserGet(context);
			assertThat(response.status()).isEqualTo(426);
			assertThat(response.body()).isEqualTo(body + "\n");
		}
		if (warning != null) {
			assertThat(output).contains("The page '" + page + "' set in '" + PROPERTY + "' " + warning);
		}
		else {
			assertThat(output).doesNotContain(PROPERTY);
		}
	}

	private ConfigurableApplicationContext start(String page) {
		return new SpringApplicationBuilder(EndToEndApplication.class).profiles("e2e")
			.properties("spring.main.web-application-type=" + this.webApplicationType, "server.port=0",
					PROPERTY + "=" + page)
			.run();
	}

	private static HttpResult browserGet(ConfigurableApplicationContext context) throws Exception {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return Http.http11(port, "GET", "/secure/hello", "Accept",
				"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
	}

}
