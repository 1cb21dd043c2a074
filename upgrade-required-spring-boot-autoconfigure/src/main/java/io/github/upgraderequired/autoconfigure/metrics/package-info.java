/**
 * Auto-configuration of the upgrade-required starter: Micrometer metrics.
 */
@NullMarked
package io.github.upgraderequired.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
