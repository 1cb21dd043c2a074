/**
 * The Spring MVC adapter: the interceptor, exception resolver and filter over the shared request pipeline.
 */
@NullMarked
package io.github.upgraderequired.web.servlet;

import org.jspecify.annotations.NullMarked;
