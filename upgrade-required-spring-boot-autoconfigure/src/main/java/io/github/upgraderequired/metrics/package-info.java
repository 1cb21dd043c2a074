/**
 * Micrometer metrics of the upgrade-required starter.
 */
@NullMarked
package io.github.upgraderequired.metrics;

import org.jspecify.annotations.NullMarked;
