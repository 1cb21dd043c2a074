/**
 * The request path every entry point shares, free of any web stack: the
 * {@link io.github.upgraderequired.web.UpgradePipeline} decides a request, answers a
 * refusal and counts it. The adapters of each stack live in the packages below; what they
 * read of a connection lives in {@code web.connection}.
 */
@NullMarked
package io.github.upgraderequired.web;

import org.jspecify.annotations.NullMarked;
