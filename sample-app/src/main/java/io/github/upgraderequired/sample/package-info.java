/**
 * The upgrade-required sample application.
 */
@NullMarked
package io.github.upgraderequired.sample;

import org.jspecify.annotations.NullMarked;
