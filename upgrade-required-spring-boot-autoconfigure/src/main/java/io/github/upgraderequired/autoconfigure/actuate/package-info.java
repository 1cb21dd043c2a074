/**
 * Auto-configuration of the upgrade-required starter: the actuator endpoint.
 */
@NullMarked
package io.github.upgraderequired.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
