/**
 * Test support for applications that write their own upgrade rules or want to see what
 * their configuration answers: {@link io.github.upgraderequired.test.MockUpgradeRequest}
 * stands for a request, {@link io.github.upgraderequired.test.UpgradeRequiredTester} runs
 * it through a rule or the configured pipeline and
 * {@link io.github.upgraderequired.test.UpgradeResult} tells what would be sent.
 */
@NullMarked
package io.github.upgraderequired.test;

import org.jspecify.annotations.NullMarked;
