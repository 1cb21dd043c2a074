/**
 * JMH benchmarks of the upgrade-required engine and browser detector. Run by hand, see
 * {@code BENCHMARKS.md}.
 */
package io.github.upgraderequired.benchmarks;
