/**
 * Auto-configuration of the upgrade-required starter: the Spring MVC adapter.
 */
@NullMarked
package io.github.upgraderequired.autoconfigure.web.servlet;

import org.jspecify.annotations.NullMarked;
