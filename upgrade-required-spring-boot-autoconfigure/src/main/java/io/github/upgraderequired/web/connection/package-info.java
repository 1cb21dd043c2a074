/**
 * What a server says about a request's connection (HTTP and TLS versions, peer, whether
 * it was forwarded), in one place for every adapter: a Servlet container's, read by the
 * Spring MVC adapter, the WebFlux adapter on a Servlet container and the Tomcat valve, and
 * Reactor Netty's, read by the WebFlux adapter. None of the adapters imports another. Not
 * an API.
 */
@NullMarked
package io.github.upgraderequired.web.connection;

import org.jspecify.annotations.NullMarked;
