/**
 * Browser detection for the browser rule: a small parser of {@code User-Agent} strings and
 * User-Agent Client Hints that claims a browser family only when the agent has the exact
 * shape of that browser, and tells bots, link previews, audits, monitors, HTTP libraries
 * and webviews apart.
 */
@NullMarked
package io.github.upgraderequired.core.browser;

import org.jspecify.annotations.NullMarked;
