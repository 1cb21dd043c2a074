package io.github.upgraderequired.sample;

import java.io.File;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser against the packaged sample on each stack: Debian's Chromium, driven by
 * Selenium through Debian's chromedriver. Chromium sends its own client hints whatever
 * {@code --user-agent} says, so an old Chrome is emulated through the DevTools protocol,
 * client hints included. Screenshots go to {@code target/screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisabledIfSystemProperty(named = "sample.browser.skip", matches = "true",
		disabledReason = "-Dsample.browser.skip=true")
class BrowserIT {

	private static final String DOCUMENTATION = "https://github.com/upgraderequired/upgrade-required/blob/main/docs/rules.md#browser";

	// The DevTools commands go through chromedriver, not Selenium's own CDP bindings, so
	// Selenium's warning that it has none for this Chromium's version is noise.
	private static final List<Logger> QUIET = List.of(Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
			Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

	private ChromeDriver browser;

	@BeforeAll
	void startChromium(@TempDir Path profile) {
		QUIET.forEach((logger) -> logger.setLevel(Level.SEVERE));
		File chromium = new File(System.getProperty("chromium.binary", "/usr/bin/chromium"));
		File chromedriver = new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
		assertThat(chromium).as("Chromium: apt-get install chromium chromium-driver, "
				+ "point -Dchromium.binary at it, or skip this test with -Dsample.browser.skip=true").canRead();
		assertThat(chromedriver).as("chromedriver: apt-get install chromium-driver, "
				+ "point -Dchromedriver.binary at it, or skip this test with -Dsample.browser.skip=true").canRead();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=960,640", "--user-data-dir=" + profile.toAbsolutePath());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
	}

	@AfterAll
	void stopChromium() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "webflux" })
	void anOldChromeSeesTheUpgradePageAndACurrentOneTheContent(String profiles) throws Exception {
		String stack = profiles.isEmpty() ? "webmvc" : profiles;
		try (SampleAppProcess app = SampleAppProcess.start("BrowserIT-" + stack, profiles)) {
			// Headless Chromium names itself HeadlessChrome: it passes as an automated client.
			assertThat((String) this.browser.executeScript("return navigator.userAgent")).contains("HeadlessChrome/");
			this.browser.get(app.url("/web/"));
			assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Welcome");
			screenshot("web-" + stack + "-chromium.png");

			try {
				emulate(Chrome.OLD.userAgent(), Chrome.OLD.metadata());
				this.browser.get(app.url("/web/"));
				assertThat(this.browser.getTitle()).isEqualTo("Upgrade Required");
				assertThat(this.browser.findElement(By.tagName("h1")).getText())
					.isEqualTo("Please upgrade your browser to continue");
				assertThat(this.browser.findElement(By.tagName("main")).getText()).contains("Chrome 120 or newer")
					.contains("Chrome/120");
				assertThat(this.browser.findElement(By.cssSelector("a")).getDomAttribute("href"))
					.isEqualTo(DOCUMENTATION);
				screenshot("upgrade-page-" + stack + ".png");

				emulate(Chrome.CURRENT.userAgent(), Chrome.CURRENT.metadata());
				this.browser.get(app.url("/web/"));
				assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Welcome");
				screenshot("web-" + stack + "-current-chrome.png");

				// The agent string is frozen and reduced; the Client Hints Chromium sends win.
				emulate(Chrome.CURRENT.userAgent(), Chrome.OLD.metadata());
				this.browser.get(app.url("/web/"));
				assertThat(this.browser.getTitle()).as("a current agent string with Chrome 100's hints")
					.isEqualTo("Upgrade Required");
				emulate(Chrome.OLD.userAgent(), Chrome.CURRENT.metadata());
				this.browser.get(app.url("/web/"));
				assertThat(this.browser.findElement(By.tagName("h1")).getText())
					.as("Chrome 100's agent string with current hints")
					.isEqualTo("Welcome");
			}
			finally {
				this.browser.executeCdpCommand("Emulation.setUserAgentOverride", Map.of("userAgent", ""));
			}

			HttpResponse<String> rejected = Clients.get(Clients.jdk(HttpClient.Version.HTTP_1_1), app.url(
					"/actuator/metrics/upgrade.required.requests?tag=rule:browsers&tag=outcome:rejected&tag=client:chrome"));
			assertThat(JsonPath.<Double>read(rejected.body(), "$.measurements[0].value"))
				.as("the two old Chromes, counted as Chrome")
				.isEqualTo(2.0);
		}
	}

	private void emulate(String userAgent, Map<String, Object> metadata) {
		this.browser.executeCdpCommand("Emulation.setUserAgentOverride",
				Map.of("userAgent", userAgent, "userAgentMetadata", metadata));
	}

	private void screenshot(String name) throws Exception {
		Path directory = Path.of(System.getProperty("sample.screenshots", "target/screenshots"));
		Files.createDirectories(directory);
		File taken = this.browser.getScreenshotAs(OutputType.FILE);
		Files.copy(taken.toPath(), directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
	}

	/**
	 * Chrome on Windows as its agent string and User-Agent Client Hints describe it.
	 */
	private enum Chrome {

		OLD("100.0.4896.127"), CURRENT("131.0.6778.86");

		private final String fullVersion;

		Chrome(String fullVersion) {
			this.fullVersion = fullVersion;
		}

		String userAgent() {
			return "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/"
					+ major() + ".0.0.0 Safari/537.36";
		}

		Map<String, Object> metadata() {
			return Map.of("brands", brands(major()), "fullVersionList", brands(this.fullVersion), "fullVersion",
					this.fullVersion, "platform", "Windows", "platformVersion", "10.0.0", "architecture", "x86",
					"model", "", "mobile", false);
		}

		private String major() {
			return this.fullVersion.substring(0, this.fullVersion.indexOf('.'));
		}

		private static List<Map<String, String>> brands(String version) {
			return List.of(Map.of("brand", "Not A(Brand", "version", version.contains(".") ? "99.0.0.0" : "99"),
					Map.of("brand", "Google Chrome", "version", version), Map.of("brand", "Chromium", "version", version));
		}

	}

}
