package io.github.upgraderequired.e2e;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.github.upgraderequired.event.UpgradeRequiredEvent;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.server.RequestUpgradeStrategy;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import org.springframework.web.reactive.socket.server.upgrade.StandardWebSocketUpgradeStrategy;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The application the end-to-end tests run on Tomcat (Spring MVC) and on Reactor Netty
 * (Spring WebFlux): the same annotated controller serves both, and a WebSocket echo
 * endpoint is registered the way each stack does it. Spring Security, on the test class
 * path for the ordering tests, is left out here.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = { "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration" })
@Import({ EndToEndApplication.HelloController.class, EndToEndApplication.NoCorsController.class,
		EndToEndApplication.ServletWebSocket.class, EndToEndApplication.ReactiveWebSocket.class,
		EndToEndApplication.Events.class })
class EndToEndApplication {

	/**
	 * The {@link UpgradeRequiredEvent}s published while the application runs.
	 */
	static class Events {

		final Queue<UpgradeRequiredEvent> received = new ConcurrentLinkedQueue<>();

		@EventListener
		void on(UpgradeRequiredEvent event) {
			this.received.add(event);
		}

	}

	@RestController
	@CrossOrigin(origins = "https://app.example.com")
	static class HelloController {

		@RequestMapping({ "/", "/open/hello", "/secure/hello", "/redirect/hello", "/internal/hello",
				"/deprecated/hello", "/shadow/hello" })
		Map<String, String> hello() {
			return Map.of("message", "hello");
		}

		@GetMapping({ "/get-only", "/secure/get-only", "/h2/hello", "/tls/hello", "/tls-warn/hello", "/api/hello",
				"/app/hello", "/web/", "/web-soon/", "/beta/hello", "/api-soon/hello", "/api-query/hello",
				"/api-path/{version}/hello", "/api-media/hello", "/api-strict/hello", "/strict/hello",
				"/tls-strict/hello" })
		Map<String, String> getOnly() {
			return Map.of("message", "hello");
		}

	}

	@RestController
	static class NoCorsController {

		@GetMapping("/secure/no-cors")
		Map<String, String> hello() {
			return Map.of("message", "hello");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@EnableWebSocket
	static class ServletWebSocket implements WebSocketConfigurer {

		@Override
		public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
			registry.addHandler(new TextWebSocketHandler() {

				@Override
				protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
					session.sendMessage(new TextMessage(message.getPayload()));
				}

			}, "/ws/echo");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	static class ReactiveWebSocket {

		@Bean
		SimpleUrlHandlerMapping webSocketMapping() {
			org.springframework.web.reactive.socket.WebSocketHandler echo = (session) -> session
				.send(session.receive().map((message) -> session.textMessage(message.getPayloadAsText())))
				.then(Mono.empty());
			return new SimpleUrlHandlerMapping(Map.of("/ws/echo", echo), -1);
		}

		/**
		 * Upgrade with the server's own WebSocket support. Spring WebFlux picks Reactor
		 * Netty's whenever Reactor Netty is on the class path, as it is here, and that
		 * fails when Tomcat serves WebFlux.
		 */
		@Bean
		WebFluxConfigurer webSocketOnEitherServer() {
			RequestUpgradeStrategy netty = new ReactorNettyRequestUpgradeStrategy();
			RequestUpgradeStrategy servlet = new StandardWebSocketUpgradeStrategy();
			RequestUpgradeStrategy either = (exchange, handler, subProtocol, handshakeInfo) -> {
				boolean onNetty = ServerHttpResponseDecorator
					.getNativeResponse(exchange.getResponse()) instanceof HttpServerResponse;
				return (onNetty ? netty : servlet).upgrade(exchange, handler, subProtocol, handshakeInfo);
			};
			return new WebFluxConfigurer() {

				@Override
				public WebSocketService getWebSocketService() {
					return new HandshakeWebSocketService(either);
				}

			};
		}

	}

}
