/**
 * Auto-configuration of the upgrade-required starter.
 */
@NullMarked
package io.github.upgraderequired.autoconfigure;

import org.jspecify.annotations.NullMarked;
