/**
 * Application events of the upgrade-required starter.
 */
@NullMarked
package io.github.upgraderequired.event;

import org.jspecify.annotations.NullMarked;
