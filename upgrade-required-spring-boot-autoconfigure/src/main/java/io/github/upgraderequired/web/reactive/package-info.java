/**
 * The Spring WebFlux adapter: a {@code WebFilter} over the shared request pipeline.
 */
@NullMarked
package io.github.upgraderequired.web.reactive;

import org.jspecify.annotations.NullMarked;
