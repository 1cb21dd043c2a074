package io.github.upgraderequired.core;

/**
 * A response header name and value.
 *
 * @param name the name
 * @param value the value
 */
public record Header(String name, String value) {

}
