package io.github.upgraderequired.client;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the inspector makes of responses: notices for every listener every time, one WARN
 * per host and path per interval, and nothing thrown.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClientResponseInspectorTests {

	private final List<ClientNotice> notices = new ArrayList<>();

	private final AtomicLong now = new AtomicLong();

	private final ClientResponseInspector inspector = new ClientResponseInspector(List.of(this.notices::add),
			Duration.ofMinutes(10), this.now::get);

	@Test
	void aDeprecatedResponseIsLoggedOncePerHostAndPathPerInterval(CapturedOutput output) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("Deprecation", "@1767225600");
		headers.set("Sunset", "Thu, 01 Jan 2099 00:00:00 GMT");
		headers.add(HttpHeaders.LINK, "<https://docs.example.com/v1?lang=en#orders>; rel=\"deprecation\"");
		URI uri = URI.create("http://user:secret@api.example.com/v1/orders?token=abc");
		for (int i = 0; i < 3; i++) {
			this.inspector.inspect("GET", uri, 200, headers);
		}
		this.inspector.inspect("GET", URI.create("http://api.example.com/v1/other"), 200, headers);
		assertThat(this.notices).hasSize(4);
		ClientNotice first = this.notices.get(0);
		assertThat(first.outcome()).isEqualTo(ClientOutcome.SUNSET);
		assertThat(first.deprecation().deprecation()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
		assertThat(first.deprecation().sunset()).isEqualTo(Instant.parse("2099-01-01T00:00:00Z"));
		assertThat(output).containsOnlyOnce("GET http://api.example.com/v1/orders: the server deprecated this resource"
				+ " as of 2026-01-01T00:00:00Z and will retire it at 2099-01-01T00:00:00Z;"
				+ " see https://docs.example.com/v1?lang=en#orders (logged once per 10m for this host and path)");
		assertThat(output).containsOnlyOnce("GET http://api.example.com/v1/other:");
		assertThat(output).doesNotContain("secret").doesNotContain("token=abc");
		this.now.addAndGet(Duration.ofMinutes(10).toNanos());
		this.inspector.inspect("GET", uri, 200, headers);
		assertThat(output.toString().split("GET http://api.example.com/v1/orders:", -1)).hasSize(3);
	}

	@Test
	void a426IsANoticeWithItsTokens(CapturedOutput output) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.UPGRADE, "TLS/1.3, TLS/1.2");
		ClientNotice notice = this.inspector.inspect("POST", URI.create("http://h/p"), 426, headers);
		assertThat(notice.outcome()).isEqualTo(ClientOutcome.UPGRADE_REQUIRED);
		assertThat(notice.upgrade()).containsExactly("TLS/1.3", "TLS/1.2");
		assertThat(notice.unparsable()).isFalse();
		assertThat(output).contains("POST http://h/p was answered 426 Upgrade Required: upgrade to TLS/1.3, TLS/1.2");
	}

	@Test
	void anOrdinaryResponseIsNoNotice() {
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.LINK, "<https://example.com/page/2>; rel=next");
		assertThat(this.inspector.inspect("GET", URI.create("http://h/p"), 200, headers)).isNull();
		assertThat(this.inspector.inspect("GET", URI.create("http://h/p"), 404, new HttpHeaders())).isNull();
		assertThat(this.notices).isEmpty();
	}

	@Test
	void malformedHeadersAreAnUnparsableNoticeAndNoWarning(CapturedOutput output) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("Deprecation", "soon\u0000");
		headers.set("Sunset", "x".repeat(100_000));
		headers.add(HttpHeaders.LINK, "<javascript:x>; rel=sunset");
		ClientNotice notice = this.inspector.inspect("GET", URI.create("http://h/p"), 200, headers);
		assertThat(notice.outcome()).isNull();
		assertThat(notice.unparsable()).isTrue();
		assertThat(output).doesNotContain("WARN");
	}

	@Test
	void aFailingListenerIsLoggedAndTheOthersStillHear(CapturedOutput output) {
		List<ClientNotice> heard = new ArrayList<>();
		ClientResponseInspector inspector = new ClientResponseInspector(List.of((notice) -> {
			throw new IllegalStateException("boom");
		}, heard::add), Duration.ZERO);
		HttpHeaders headers = new HttpHeaders();
		headers.set("Deprecation", "@0");
		assertThat(inspector.inspect("GET", URI.create("http://h/p"), 200, headers)).isNotNull();
		assertThat(heard).hasSize(1);
		assertThat(output).contains("failed").contains("boom");
	}

	@Test
	void theLogMemoryIsBounded() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("Deprecation", "@0");
		for (int i = 0; i < ClientResponseInspector.MAX_REMEMBERED * 3; i++) {
			this.inspector.inspect("GET", URI.create("http://h/" + i), 200, headers);
			assertThat(this.inspector.remembered()).isLessThanOrEqualTo(ClientResponseInspector.MAX_REMEMBERED);
		}
		assertThat(this.notices).hasSize(ClientResponseInspector.MAX_REMEMBERED * 3);
	}

	@Test
	void aPathThatStartsToRefuseIsLoggedAgainAtOnce(CapturedOutput output) {
		HttpHeaders warning = new HttpHeaders();
		warning.set("Deprecation", "@0");
		URI uri = URI.create("http://h/p");
		this.inspector.inspect("GET", uri, 200, warning);
		this.inspector.inspect("GET", uri, 426, new HttpHeaders());
		this.inspector.inspect("GET", uri, 426, new HttpHeaders());
		assertThat(output).containsOnlyOnce("GET http://h/p: the server deprecated this resource")
			.containsOnlyOnce("GET http://h/p was answered 426 Upgrade Required");
	}

	@Test
	void requestsFromOneUriTemplateAreLoggedOnce(CapturedOutput output) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("Deprecation", "@0");
		for (String template : new String[] { "/orders/{id}", "http://h:8080/orders/{id}?expand={x}" }) {
			for (int id = 1; id <= 3; id++) {
				this.inspector.inspect("GET", URI.create("http://h:8080/orders/" + id + "?expand=all"), template, 200,
						headers);
			}
		}
		this.inspector.inspect("GET", URI.create("http://h:8080/customers/1"), "/customers/{id}", 200, headers);
		assertThat(output.toString().split("the server deprecated", -1)).hasSize(3);
		assertThat(output).containsOnlyOnce("GET http://h:8080/orders/1: ")
			.containsOnlyOnce("GET http://h:8080/customers/1: ");
		assertThat(this.notices).hasSize(7);
	}

	@Test
	void anIntervalOfCenturiesIsNever(CapturedOutput output) {
		ClientResponseInspector inspector = new ClientResponseInspector(List.of(), Duration.ofDays(365L * 10_000),
				this.now::get);
		HttpHeaders headers = new HttpHeaders();
		headers.set("Deprecation", "@0");
		inspector.inspect("GET", URI.create("http://h/p"), 200, headers);
		this.now.addAndGet(Duration.ofDays(365L * 100).toNanos());
		inspector.inspect("GET", URI.create("http://h/p"), 200, headers);
		assertThat(output).containsOnlyOnce("GET http://h/p: the server deprecated");
	}

}
