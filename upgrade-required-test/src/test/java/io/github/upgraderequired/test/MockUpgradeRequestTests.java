package io.github.upgraderequired.test;

import io.github.upgraderequired.core.HttpProtocol;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MockUpgradeRequestTests {

	@Test
	void aNewRequestIsAPlainHttp11GetFromAnUntrustedAddress() {
		MockUpgradeRequest request = MockUpgradeRequest.get("/orders");
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.path()).isEqualTo("/orders");
		assertThat(request.rawPath()).isEqualTo("/orders");
		assertThat(request.rawQuery()).isNull();
		assertThat(request.host()).isEqualTo("example.com");
		assertThat(request.protocol()).isEqualTo(HttpProtocol.HTTP_1_1);
		assertThat(request.secure()).isFalse();
		assertThat(request.tlsProtocol()).isNull();
		assertThat(request.remoteAddress()).isEqualTo("192.0.2.10");
		assertThat(request.peerAddress()).isEqualTo("192.0.2.10");
		assertThat(request.forwarded()).isFalse();
		assertThat(request.apiVersion()).isNull();
		assertThat(request.header("User-Agent")).isNull();
	}

	@Test
	void everyPartCanBeSet() {
		MockUpgradeRequest request = MockUpgradeRequest.request("POST", "/orders")
			.rawPath("/shop/orders")
			.query("page=2")
			.host("[::1]")
			.protocol(HttpProtocol.HTTP_2)
			.remoteAddress("203.0.113.7")
			.peerAddress("10.0.0.2")
			.apiVersion("1.2");
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/orders");
		assertThat(request.rawPath()).isEqualTo("/shop/orders");
		assertThat(request.rawQuery()).isEqualTo("page=2");
		assertThat(request.host()).isEqualTo("[::1]");
		assertThat(request.protocol()).isEqualTo(HttpProtocol.HTTP_2);
		assertThat(request.remoteAddress()).isEqualTo("203.0.113.7");
		assertThat(request.peerAddress()).isEqualTo("10.0.0.2");
		assertThat(request.apiVersion()).isEqualTo("1.2");
	}

	@Test
	void headersAreFoundInAnyCaseAndReplacedOrRemoved() {
		MockUpgradeRequest request = MockUpgradeRequest.get("/").header("X-App-Version", "1.0");
		assertThat(request.header("x-app-version")).isEqualTo("1.0");
		request.header("X-APP-VERSION", "2.0");
		assertThat(request.header("X-App-Version")).isEqualTo("2.0");
		request.header("x-app-version", null);
		assertThat(request.header("X-App-Version")).isNull();
	}

	@Test
	void aRequestWithATlsProtocolIsSecureAndOneWithoutOnlyWhenSaid() {
		assertThat(MockUpgradeRequest.get("/").tlsProtocol("TLSv1.2").secure()).isTrue();
		assertThat(MockUpgradeRequest.get("/").tlsProtocol("TLSv1.2").secure(false).secure()).isTrue();
		assertThat(MockUpgradeRequest.get("/").secure(true).tlsProtocol(null).secure()).isTrue();
		assertThat(MockUpgradeRequest.get("/").tlsProtocol(null).secure()).isFalse();
	}

	@Test
	void thePeerCanBeAProxyOrHidden() {
		MockUpgradeRequest request = MockUpgradeRequest.get("/").remoteAddress("203.0.113.7").peerAddress("10.0.0.2");
		assertThat(request.peerAddress()).isEqualTo("10.0.0.2");
		assertThat(request.peerHidden().peerAddress()).isNull();
		assertThat(request.remoteAddress()).isEqualTo("203.0.113.7");
		assertThat(request.peerAddress(null).peerAddress()).isEqualTo("203.0.113.7");
	}

	@Test
	void aForwardingHeaderMakesTheRequestForwardedUnlessToldOtherwise() {
		MockUpgradeRequest request = MockUpgradeRequest.get("/").header("X-Forwarded-Proto", "https");
		assertThat(request.forwarded()).isTrue();
		assertThat(request.forwarded(false).forwarded()).isFalse();
		assertThat(MockUpgradeRequest.get("/").forwarded(true).forwarded()).isTrue();
	}

	@Test
	void describesItself() {
		assertThat(MockUpgradeRequest.get("/a").query("b=c").tlsProtocol("TLSv1.3").header("X-Test", "1"))
			.hasToString("GET /a?b=c HTTP/1.1 over TLSv1.3 from 192.0.2.10 {x-test=1}");
		assertThat(MockUpgradeRequest.get("/").protocol(null).secure(true))
			.hasToString("GET / (protocol unknown) (secure) from 192.0.2.10");
	}

}
