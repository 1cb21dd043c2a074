/**
 * The actuator endpoint of the upgrade-required starter.
 */
@NullMarked
package io.github.upgraderequired.actuate;

import org.jspecify.annotations.NullMarked;
