package io.github.upgraderequired.core;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a rule found: the request passes, the rule could not read its value, or the
 * client must upgrade (with what to tell it). Passing verdicts are shared constants, so
 * the allow path allocates nothing.
 */
public final class Verdict {

	private static final Verdict PASS = new Verdict(Kind.PASS, null, null, null, null, null, null, List.of(), null);

	private static final Verdict UNKNOWN = new Verdict(Kind.UNKNOWN, null, null, null, null, null, null, List.of(),
			null);

	private final Kind kind;

	private final @Nullable List<String> upgrade;

	private final @Nullable String minimum;

	private final @Nullable String current;

	private final @Nullable String detail;

	private final @Nullable String upgradeUrl;

	private final @Nullable String redirect;

	private final List<Header> headers;

	private final @Nullable String client;

	/**
	 * The verdict this one was made from by {@link #withCurrent(String)}, identical but for
	 * the current value, or {@code null}.
	 */
	private final @Nullable Verdict template;

	private Verdict(Kind kind, @Nullable List<String> upgrade, @Nullable String minimum, @Nullable String current,
			@Nullable String detail, @Nullable String upgradeUrl, @Nullable String redirect, List<Header> headers,
			@Nullable String client) {
		this(kind, upgrade, minimum, current, detail, upgradeUrl, redirect, headers, client, null);
	}

	private Verdict(Kind kind, @Nullable List<String> upgrade, @Nullable String minimum, @Nullable String current,
			@Nullable String detail, @Nullable String upgradeUrl, @Nullable String redirect, List<Header> headers,
			@Nullable String client, @Nullable Verdict template) {
		this.kind = kind;
		this.upgrade = upgrade;
		this.minimum = minimum;
		this.current = current;
		this.detail = detail;
		this.upgradeUrl = upgradeUrl;
		this.redirect = redirect;
		this.headers = headers;
		this.client = client;
		this.template = template;
	}

	/**
	 * Return the verdict for a request that satisfies the rule.
	 * @return the shared passing verdict
	 */
	public static Verdict pass() {
		return PASS;
	}

	/**
	 * Return the verdict for a request whose value the rule could not read. The rule's
	 * {@link UnknownValuePolicy} decides what happens to it.
	 * @return the shared unknown verdict
	 */
	public static Verdict unknown() {
		return UNKNOWN;
	}

	/**
	 * Return a verdict that the client must upgrade, offering the rule's own tokens.
	 * @param minimum what the rule requires, for people (such as {@code HTTP/1.1}), or
	 * {@code null}
	 * @param current what the request used (taken from the request; it is truncated and
	 * escaped when shown), or {@code null}
	 * @return the verdict
	 */
	public static Verdict upgrade(@Nullable String minimum, @Nullable String current) {
		return new Verdict(Kind.UPGRADE, null, minimum, current, null, null, null, List.of(), null);
	}

	/**
	 * Return a copy that offers the given {@code Upgrade} tokens instead of the rule's.
	 * @param tokens the tokens, most preferred first
	 * @return a new verdict
	 */
	public Verdict withUpgrade(List<String> tokens) {
		return new Verdict(this.kind, List.copyOf(tokens), this.minimum, this.current, this.detail, this.upgradeUrl,
				this.redirect, this.headers, this.client);
	}

	/**
	 * Return a copy with what the request used, so that a rule can build the parts of its
	 * verdict that no request changes once and add only this per request.
	 * @param current what the request used (taken from the request; it is truncated and
	 * escaped when shown), or {@code null}
	 * @return a new verdict
	 */
	public Verdict withCurrent(@Nullable String current) {
		return new Verdict(this.kind, this.upgrade, this.minimum, current, this.detail, this.upgradeUrl,
				this.redirect, this.headers, this.client, (this.template != null) ? this.template : this);
	}

	/**
	 * Return the verdict this one was made from by {@link #withCurrent(String)}: the same
	 * but for {@link #current()}, so that what does not show the current value (the
	 * built-in HTML page) can be prepared once for all the verdicts made from it.
	 * @return the template, or {@code null} if this verdict was not made that way
	 */
	public @Nullable Verdict template() {
		return this.template;
	}

	/**
	 * Return a copy with a sentence for people that explains what to do.
	 * @param detail the sentence
	 * @return a new verdict
	 */
	public Verdict withDetail(String detail) {
		return new Verdict(this.kind, this.upgrade, this.minimum, this.current, detail, this.upgradeUrl,
				this.redirect, this.headers, this.client);
	}

	/**
	 * Return a copy that points the client at where to get the upgrade (a store page, a
	 * download).
	 * @param url the URL
	 * @return a new verdict
	 */
	public Verdict withUpgradeUrl(String url) {
		return new Verdict(this.kind, this.upgrade, this.minimum, this.current, this.detail, url, this.redirect,
				this.headers, this.client);
	}

	/**
	 * Return a copy that answers with a permanent redirect to the given location instead
	 * of an upgrade response.
	 * @param location the absolute URL to redirect to
	 * @return a new verdict
	 */
	public Verdict withRedirect(String location) {
		return new Verdict(this.kind, this.upgrade, this.minimum, this.current, this.detail, this.upgradeUrl,
				location, this.headers, this.client);
	}

	/**
	 * Return a copy that adds a response header to the upgrade response (such as
	 * {@code Sec-WebSocket-Version}).
	 * @param name the header name
	 * @param value the header value
	 * @return a new verdict
	 */
	public Verdict withHeader(String name, String value) {
		List<Header> headers = new ArrayList<>(this.headers);
		headers.add(new Header(name, value));
		return new Verdict(this.kind, this.upgrade, this.minimum, this.current, this.detail, this.upgradeUrl,
				this.redirect, List.copyOf(headers), this.client);
	}

	/**
	 * Return a copy that names the kind of client, for the {@code client} metric tag and
	 * events. The value must come from a small fixed set (a configured platform, a browser
	 * family), never from the request as such, so that no request creates a new meter.
	 * @param client the client, such as {@code ios} or {@code chrome}
	 * @return a new verdict
	 */
	public Verdict withClient(String client) {
		return new Verdict(this.kind, this.upgrade, this.minimum, this.current, this.detail, this.upgradeUrl,
				this.redirect, this.headers, client);
	}

	/**
	 * Return whether the request satisfies the rule.
	 * @return {@code true} for {@link #pass()}
	 */
	public boolean isPass() {
		return this.kind == Kind.PASS;
	}

	/**
	 * Return whether the rule could not read its value.
	 * @return {@code true} for {@link #unknown()}
	 */
	public boolean isUnknown() {
		return this.kind == Kind.UNKNOWN;
	}

	/**
	 * Return the tokens this verdict offers instead of the rule's.
	 * @return the tokens, or {@code null} to use the rule's
	 */
	public @Nullable List<String> upgrade() {
		return this.upgrade;
	}

	/**
	 * Return what the rule requires, for people.
	 * @return the minimum, or {@code null}
	 */
	public @Nullable String minimum() {
		return this.minimum;
	}

	/**
	 * Return what the request used, as read from the request.
	 * @return the current value, or {@code null}
	 */
	public @Nullable String current() {
		return this.current;
	}

	/**
	 * Return the sentence for people.
	 * @return the detail, or {@code null}
	 */
	public @Nullable String detail() {
		return this.detail;
	}

	/**
	 * Return where to get the upgrade.
	 * @return the URL, or {@code null}
	 */
	public @Nullable String upgradeUrl() {
		return this.upgradeUrl;
	}

	/**
	 * Return the location to redirect to instead of answering with the upgrade response.
	 * @return the location, or {@code null}
	 */
	public @Nullable String redirect() {
		return this.redirect;
	}

	/**
	 * Return the kind of client the rule found.
	 * @return the client, or {@code null} if the rule does not tell
	 */
	public @Nullable String client() {
		return this.client;
	}

	/**
	 * Return the extra response headers of the upgrade response.
	 * @return the headers
	 */
	public List<Header> headers() {
		return this.headers;
	}

	@Override
	public String toString() {
		return switch (this.kind) {
			case PASS -> "pass";
			case UNKNOWN -> "unknown";
			case UPGRADE -> "upgrade (minimum " + this.minimum + ", current " + this.current + ")";
		};
	}

	private enum Kind {

		PASS, UNKNOWN, UPGRADE

	}

}
