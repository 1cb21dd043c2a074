/**
 * The rule engine: which request needs an upgrade, and what to tell it. Nothing in this
 * package depends on a web stack; adapters describe a request as an
 * {@link io.github.upgraderequired.core.UpgradeRequest} and act on the
 * {@link io.github.upgraderequired.core.Decision}.
 */
@NullMarked
package io.github.upgraderequired.core;

import org.jspecify.annotations.NullMarked;
