/**
 * Auto-configuration of the client support: Spring's HTTP clients understand a
 * {@code 426} and deprecation headers.
 */
@NullMarked
package io.github.upgraderequired.autoconfigure.client;

import org.jspecify.annotations.NullMarked;
