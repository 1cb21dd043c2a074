package io.github.upgraderequired.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample starts on each stack with its own configuration and answers the foundation
 * rows of the demo contract over real sockets.
 */
class SampleApplicationTests {

	@ParameterizedTest
	@ValueSource(strings = { "default", "webflux" })
	void answersTheDemoContractOnBothStacks(String profile) throws IOException {
		try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class,
				"--server.port=0", "--spring.profiles.active=" + profile)) {
			WebServerApplicationContext web = (WebServerApplicationContext) context;
			assertThat(web.getWebServer().getClass().getSimpleName())
				.isEqualTo(profile.equals("webflux") ? "NettyWebServer" : "TomcatWebServer");
			int port = web.getWebServer().getPort();
			String http10 = exchange(port, "GET / HTTP/1.0\r\nHost: localhost\r\n\r\n");
			assertThat(http10).matches("(?s)HTTP/1\\.[01] 426.*").containsIgnoringCase("\r\nUpgrade: HTTP/1.1\r\n");
			String health = exchange(port, "GET /actuator/health HTTP/1.0\r\nHost: localhost\r\n\r\n");
			assertThat(health).matches("(?s)HTTP/1\\.[01] 200.*").contains("\"status\":\"UP\"");
			String secure = exchange(port,
					"GET /secure/hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
			assertThat(secure).startsWith("HTTP/1.1 426")
				.contains("\r\nUpgrade: TLS/1.3, TLS/1.2\r\n")
				.contains("\"rule\":\"secure\"");
			String index = exchange(port, "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
			assertThat(index).startsWith("HTTP/1.1 200").contains("upgrade-required sample");
		}
	}

	private static String exchange(int port, String request) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(10000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream response = new ByteArrayOutputStream();
			in.transferTo(response);
			return response.toString(StandardCharsets.UTF_8);
		}
	}

}
