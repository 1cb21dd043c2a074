package io.github.upgraderequired.core;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the engine decided for a request: the rejection, if any rule in enforce mode
 * rejected it, the warnings of rules in warn mode, and the request headers the decision
 * read.
 *
 * @param rejection the rejection, or {@code null} to let the request through
 * @param deprecation the earliest {@code Deprecation} instant among warning rules, or
 * {@code null}
 * @param sunset the earliest {@code Sunset} instant among warning rules, or {@code null}
 * @param links the {@code Link} header values of warning rules
 * @param vary the request headers the decision read, for {@code Vary}
 */
public record Decision(@Nullable Rejection rejection, @Nullable Instant deprecation, @Nullable Instant sunset,
		List<String> links, List<String> vary) {

	/**
	 * The decision that lets a request through untouched.
	 */
	public static final Decision PASS = new Decision(null, null, null, List.of(), List.of());

	/**
	 * Return whether the request is to be answered with the upgrade response.
	 * @return {@code true} if a rule rejected it
	 */
	public boolean isRejected() {
		return this.rejection != null;
	}

	/**
	 * Return whether a rule warned.
	 * @return {@code true} if there is a deprecation to announce
	 */
	public boolean isWarning() {
		return this.deprecation != null;
	}

	/**
	 * The rule that rejected a request and what it found.
	 *
	 * @param rule the rule
	 * @param verdict the verdict
	 * @param upgrade the tokens to offer, most preferred first
	 */
	public record Rejection(RuleDescriptor rule, Verdict verdict, List<String> upgrade) {

		/**
		 * Return the status to answer with.
		 * @return the status
		 */
		public int status() {
			return (this.verdict.redirect() != null) ? 308 : this.rule.settings().status();
		}

	}

}
