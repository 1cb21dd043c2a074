package io.github.upgraderequired.e2e;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actuator on a management server of its own ({@code management.server.port}) with a
 * base path of its own ({@code management.endpoints.web.base-path=/manage}): no rule
 * locks out its health checks, whatever the client speaks, while the application's
 * paths are still judged.
 */
abstract class AbstractManagementServerTests {

	static final String SEPARATE_MANAGEMENT_SERVER = "management.server.port=0";

	static final String MANAGE_BASE_PATH = "management.endpoints.web.base-path=/manage";

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void healthChecksOfTheManagementServerAreNeverTurnedAway() throws Exception {
		assertThat(this.managementPort).isNotEqualTo(this.port);
		HttpResult http10 = Http.http10(this.managementPort, "GET", "/manage/health");
		assertThat(http10.status()).isEqualTo(200);
		assertThat(http10.body()).contains("UP");
		assertThat(Http.http11(this.managementPort, "GET", "/manage/health").status()).isEqualTo(200);
	}

	@Test
	void theApplicationServerStillJudgesItsClients() throws Exception {
		assertThat(Http.http10(this.port, "GET", "/open/hello").status()).isEqualTo(426);
		assertThat(Http.http11(this.port, "GET", "/open/hello").status()).isEqualTo(200);
	}

}
