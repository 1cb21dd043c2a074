/**
 * Auto-configuration of the upgrade-required starter: the Spring WebFlux adapter.
 */
@NullMarked
package io.github.upgraderequired.autoconfigure.web.reactive;

import org.jspecify.annotations.NullMarked;
