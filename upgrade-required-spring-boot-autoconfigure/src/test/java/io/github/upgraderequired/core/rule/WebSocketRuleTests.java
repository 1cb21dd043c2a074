package io.github.upgraderequired.core.rule;

import java.util.List;

import io.github.upgraderequired.core.Header;
import io.github.upgraderequired.core.RuleSettings;
import io.github.upgraderequired.core.Verdict;
import io.github.upgraderequired.test.MockUpgradeRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WebSocketRule}.
 */
class WebSocketRuleTests {

	private final WebSocketRule rule = new WebSocketRule("ws", List.of(), RuleSettings.defaults());

	@Test
	void aPlainRequestIsToldToUpgradeToWebSocket() {
		Verdict verdict = this.rule.check(MockUpgradeRequest.get("/ws"));
		assertThat(verdict.isPass()).isFalse();
		assertThat(this.rule.upgrade()).containsExactly("websocket");
		assertThat(verdict.headers()).containsExactly(new Header("Sec-WebSocket-Version", "13"));
	}

	@ParameterizedTest(name = "Upgrade [{0}], version [{1}] -> pass {2}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			websocket       | 13    | true
			WebSocket       | 13    | true
			'foo, websocket'| ' 13 '| true
			websocket       | 8     | false
			websocket       | 14    | false
			websocket       | null  | false
			websocket       | 13,8  | false
			h2c             | 13    | false
			' websocket ,'  | 13    | true
			'a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,websocket' | 13 | true
			'a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,websocket' | 13 | false
			'websockets'    | 13    | false
			""")
	void onlyAVersion13HandshakePasses(String upgrade, String version, boolean passes) {
		MockUpgradeRequest request = MockUpgradeRequest.get("/ws")
			.header("Upgrade", upgrade)
			.header("Connection", "Upgrade");
		if (version != null) {
			request.header("Sec-WebSocket-Version", version);
		}
		Verdict verdict = this.rule.check(request);
		assertThat(verdict.isPass()).isEqualTo(passes);
		if (!passes) {
			assertThat(verdict.headers()).containsExactly(new Header("Sec-WebSocket-Version", "13"));
		}
	}

	@Test
	void theHeadersReadAreNamedForVary() {
		assertThat(this.rule.readHeaders()).containsExactlyInAnyOrder("Upgrade", "Sec-WebSocket-Version");
	}

}
