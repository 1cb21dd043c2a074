/**
 * Support for services that call an upgrade-required service with Spring's HTTP clients:
 * a typed exception for a {@code 426}, the deprecation headers read, logged, counted and
 * published, and an optional retry over https.
 */
@NullMarked
package io.github.upgraderequired.client;

import org.jspecify.annotations.NullMarked;
