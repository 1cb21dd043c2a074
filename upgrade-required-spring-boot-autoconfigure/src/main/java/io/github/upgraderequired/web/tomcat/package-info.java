/**
 * Tomcat support: recording what the connection said before Tomcat's own valves change
 * the request.
 */
@NullMarked
package io.github.upgraderequired.web.tomcat;

import org.jspecify.annotations.NullMarked;
