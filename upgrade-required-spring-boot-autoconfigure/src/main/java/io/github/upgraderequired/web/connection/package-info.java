/**
 * What a Servlet container says about a request's connection (TLS version, peer, whether
 * it was forwarded), shared by the Spring MVC adapter, the WebFlux adapter on a Servlet
 * container and the Tomcat valve, none of which imports another. Not an API.
 */
@NullMarked
package io.github.upgraderequired.web.connection;

import org.jspecify.annotations.NullMarked;
