/**
 * Reactor Netty's forwarded-header handling, narrowed to the trusted proxies. Not an API.
 */
@NullMarked
package io.github.upgraderequired.web.netty;

import org.jspecify.annotations.NullMarked;
