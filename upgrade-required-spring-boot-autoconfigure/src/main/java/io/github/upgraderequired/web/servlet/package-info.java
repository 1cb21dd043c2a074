/**
 * The Spring MVC adapter: a {@code HandlerInterceptor} over the engine.
 */
@NullMarked
package io.github.upgraderequired.web.servlet;

import org.jspecify.annotations.NullMarked;
