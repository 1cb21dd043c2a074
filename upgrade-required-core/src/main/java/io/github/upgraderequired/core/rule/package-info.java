/**
 * The starter's built-in rules. Each judges one thing about a request; where and how it
 * applies comes from its {@link io.github.upgraderequired.core.RuleSettings}.
 */
@NullMarked
package io.github.upgraderequired.core.rule;

import org.jspecify.annotations.NullMarked;
