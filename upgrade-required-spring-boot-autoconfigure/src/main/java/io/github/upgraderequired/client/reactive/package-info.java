/**
 * The client support for {@code WebClient}: its exception and its exchange filter.
 */
@NullMarked
package io.github.upgraderequired.client.reactive;

import org.jspecify.annotations.NullMarked;
