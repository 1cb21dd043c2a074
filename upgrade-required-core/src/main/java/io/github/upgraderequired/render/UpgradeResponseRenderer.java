package io.github.upgraderequired.render;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.upgraderequired.core.Decision;
import io.github.upgraderequired.core.Decision.Rejection;
import io.github.upgraderequired.core.Header;
import io.github.upgraderequired.core.HttpProtocol;
import io.github.upgraderequired.core.RecentValues;
import io.github.upgraderequired.core.UpgradeRequest;
import io.github.upgraderequired.core.UpgradeTokens;
import io.github.upgraderequired.core.Verdict;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Writes the answer for both web stacks: the upgrade response of a rejected request, and
 * the headers added to a request that goes through.
 * <p>
 * The upgrade response carries {@code Upgrade} (and, on HTTP/1.1, {@code Connection:
 * Upgrade}) only on HTTP/1.x, since both are malformed on HTTP/2 (RFC 9113 §8.2.2);
 * every body names the tokens for that reason. The body is
 * {@code application/problem+json} (RFC 9457) unless the client prefers HTML or plain
 * text; {@code HEAD} gets none.
 * <p>
 * The request pipeline calls {@link #renderOrFallBack} and {@link #passHeadersOrNone}, so
 * that a subclass that throws never leaves a request half answered: a rejected request then gets
 * the {@link #fallback plain upgrade response}, and a request that goes through goes
 * without the headers. The first failure of each is logged at WARN, the next ones at
 * DEBUG.
 */
public class UpgradeResponseRenderer {

	private static final Log logger = LogFactory.getLog(UpgradeResponseRenderer.class);

	private static final byte[] NO_BODY = new byte[0];

	private static final int PROTOCOL_KINDS = ProtocolKind.values().length;

	/**
	 * Bounds the cache of {@code Vary} headers, which holds one entry per combination of
	 * rules that applied to a request.
	 */
	private static final int MAX_VARY_HEADERS = 64;

	/**
	 * The slots of the identity cache of {@code Vary} headers; a power of two.
	 */
	private static final int RECENT_VARY_HEADERS = 16;

	/**
	 * The longest {@code Accept} header whose format is remembered.
	 */
	private static final int MAX_REMEMBERED_ACCEPT = 256;

	/**
	 * What comes between the head of a problem body and the request's path.
	 */
	private static final byte[] INSTANCE = ",\"instance\":\"".getBytes(StandardCharsets.US_ASCII);

	private final Map<List<String>, List<Header>> varyHeaders = new ConcurrentHashMap<>();

	/**
	 * The refusals last seen, by the identity of their decision, prepared once one comes
	 * a second time: the engine hands the same decision to every request that a rule
	 * refuses with a verdict that no request changes (HTTP/1.0, HTTP/1.1 on an HTTP/2
	 * path, an old TLS version, a plain request to a WebSocket path), so that such
	 * refusals are rendered once. Looked up by identity without hashing (a decision made
	 * for one request is never hashed). A decision seen for the first time goes to
	 * {@link #seenOnce} in turn, so that the decisions made for one request each (an API
	 * version, a browser) never push prepared ones out.
	 */
	private final RecentValues<PreparedRefusal> preparedRefusals = new RecentValues<>(16);

	private final RecentValues<Decision> seenOnce = new RecentValues<>(16);

	/**
	 * The pages of verdict templates, see {@link #preparedPage(Decision)}.
	 */
	private final RecentValues<PreparedRefusal> preparedPages = new RecentValues<>(16);

	/**
	 * Whether the page shows the current value, which makes every page the request's own.
	 */
	private final boolean pageShowsCurrent;

	/**
	 * The {@code Accept} headers last seen and the formats they chose.
	 */
	private final RecentValues<AcceptFormat> recentAccepts = new RecentValues<>(8);

	/**
	 * The {@code Vary} headers of the lists last seen, by the lists' identity: the engine
	 * hands the same list to every request a rule applies to, so that most requests find it
	 * here without hashing it. A slot is overwritten by the next list that falls on it.
	 */
	private final VaryEntry[] recentVaryHeaders = new VaryEntry[RECENT_VARY_HEADERS];

	private final String problemType;

	private final HtmlPage page;

	private final AtomicBoolean renderFailed = new AtomicBoolean();

	private final AtomicBoolean passHeadersFailed = new AtomicBoolean();

	/**
	 * Create a renderer with problem type {@code about:blank} and the built-in page.
	 */
	public UpgradeResponseRenderer() {
		this("about:blank", HtmlPage.defaultPage());
	}

	/**
	 * Create a renderer.
	 * @param problemType the {@code type} member of problem responses
	 * @param page the HTML page
	 */
	public UpgradeResponseRenderer(String problemType, HtmlPage page) {
		this.problemType = problemType;
		this.page = page;
		this.pageShowsCurrent = page.shows("current");
	}

	/**
	 * Return the headers to add to a request that goes through: {@code Vary},
	 * {@code Deprecation}, {@code Sunset} and {@code Link} as the decision needs. They
	 * depend on the decision alone: the pipeline asks once for a decision that many
	 * requests share (one that only varies).
	 * @param decision the decision
	 * @return the headers, empty for {@link Decision#PASS}
	 */
	public List<Header> passHeaders(Decision decision) {
		if (decision == Decision.PASS || (!decision.isWarning() && decision.vary().isEmpty())) {
			return List.of();
		}
		if (!decision.isWarning()) {
			return varyHeaders(decision.vary());
		}
		List<Header> headers = new ArrayList<>(4);
		headers.addAll(varyHeaders(decision.vary()));
		addWarnings(decision, headers);
		return headers;
	}

	/**
	 * Return the {@code Vary} header for these request headers, none for none. Requests
	 * bring the same few lists again and again, so the headers are kept.
	 */
	private List<Header> varyHeaders(List<String> vary) {
		if (vary.isEmpty()) {
			return List.of();
		}
		int slot = System.identityHashCode(vary) & (RECENT_VARY_HEADERS - 1);
		VaryEntry recent = this.recentVaryHeaders[slot];
		if (recent != null && recent.vary == vary) {
			return recent.headers;
		}
		List<Header> headers = this.varyHeaders.get(vary);
		if (headers == null) {
			headers = List.of(new Header("Vary", String.join(", ", vary)));
			if (this.varyHeaders.size() < MAX_VARY_HEADERS) {
				this.varyHeaders.put(vary, headers);
			}
		}
		// Immutable: a thread that reads the slot sees the entry whole or not at all.
		this.recentVaryHeaders[slot] = new VaryEntry(vary, headers);
		return headers;
	}

	/**
	 * A list of request header names and its {@code Vary} header.
	 */
	private record VaryEntry(List<String> vary, List<Header> headers) {
	}

	/**
	 * Render the response to a rejected request.
	 * @param decision a decision with a rejection
	 * @param request the request
	 * @return the response
	 */
	public UpgradeResponse render(Decision decision, UpgradeRequest request) {
		Rejection rejection = decision.rejection();
		if (rejection == null) {
			throw new IllegalArgumentException("The decision rejects nothing");
		}
		Verdict verdict = rejection.verdict();
		if (verdict.redirect() != null) {
			return redirect(decision, rejection, verdict.redirect(), varyHeaders(decision.vary()));
		}
		ResponseFormat format = negotiate(request.header("Accept"));
		HttpProtocol protocol = request.protocol();
		PreparedRefusal prepared = prepared(decision);
		if (prepared == null && format == ResponseFormat.HTML) {
			prepared = preparedPage(decision);
		}
		List<Header> headers;
		byte[] body;
		if (prepared != null) {
			ProtocolKind kind = ProtocolKind.of(protocol);
			if (format != ResponseFormat.PROBLEM_JSON) {
				// The page and the text hold nothing of the request: one response each.
				return prepared.response(rejection.status(), format, kind, "HEAD".equals(request.method()));
			}
			headers = prepared.headers[kind.ordinal()];
			body = prepared.json(request.path());
		}
		else {
			headers = headers(decision, protocol);
			body = body(format, rejection, request.path());
		}
		return new UpgradeResponse(rejection.status(), headers, format.contentType(),
				"HEAD".equals(request.method()) ? NO_BODY : body, body.length);
	}

	/**
	 * Choose the body format for an {@code Accept} header, remembering the last few: a
	 * client sends the same header with every request.
	 */
	private ResponseFormat negotiate(@Nullable String accept) {
		if (accept == null) {
			return ResponseFormat.negotiate(null);
		}
		for (int i = 0; i < this.recentAccepts.size(); i++) {
			AcceptFormat recent = this.recentAccepts.get(i);
			if (recent != null && recent.accept.equals(accept)) {
				return recent.format;
			}
		}
		ResponseFormat format = ResponseFormat.negotiate(accept);
		if (accept.length() <= MAX_REMEMBERED_ACCEPT) {
			this.recentAccepts.add(new AcceptFormat(accept, format));
		}
		return format;
	}

	/**
	 * An {@code Accept} header and the format it chose.
	 */
	private record AcceptFormat(String accept, ResponseFormat format) {
	}

	/**
	 * Return the page and headers of a decision whose verdict differs from others only in
	 * the current value (made by {@link Verdict#withCurrent(String)}), prepared once per
	 * template when the page does not show the current value: the API, app and browser
	 * rules refuse many clients with one template, each naming what it sent.
	 * @return the prepared refusal, of which only the headers and the page may be used, or
	 * {@code null}
	 */
	private @Nullable PreparedRefusal preparedPage(Decision decision) {
		Rejection rejection = Objects.requireNonNull(decision.rejection());
		Verdict template = rejection.verdict().template();
		if (template == null || decision.isWarning() || !decision.links().isEmpty() || this.pageShowsCurrent) {
			return null;
		}
		for (int i = 0; i < this.preparedPages.size(); i++) {
			PreparedRefusal prepared = this.preparedPages.get(i);
			Rejection preparedRejection = (prepared != null) ? prepared.decision.rejection() : null;
			// The rule too: two rules may share a template (a static one), not their page.
			if (preparedRejection != null && preparedRejection.verdict() == template
					&& preparedRejection.rule() == rejection.rule() && prepared.decision.vary() == decision.vary()) {
				return prepared;
			}
		}
		PreparedRefusal prepared = prepare(new Decision(
				new Rejection(rejection.rule(), template, rejection.upgrade()), null, null, List.of(), decision.vary()));
		if (prepared != null) {
			this.preparedPages.add(prepared);
		}
		return prepared;
	}

	/**
	 * Return the headers of the upgrade response, {@code Content-Type} aside: they depend
	 * on the decision and on the request's HTTP version only.
	 */
	private static List<Header> headers(Decision decision, @Nullable HttpProtocol protocol) {
		Rejection rejection = Objects.requireNonNull(decision.rejection());
		List<Header> headers = new ArrayList<>(8);
		addUpgrade(rejection, protocol, headers);
		headers.add(new Header("Cache-Control", "no-store"));
		List<String> vary = new ArrayList<>(decision.vary().size() + 1);
		vary.add("Accept");
		vary.addAll(decision.vary());
		headers.add(new Header("Vary", String.join(", ", vary)));
		addWarnings(decision, headers);
		headers.addAll(rejection.verdict().headers());
		return List.copyOf(headers);
	}

	/**
	 * Return the refusal of this decision prepared, if the decision came before: else
	 * remember it, so that it is prepared if it comes again.
	 */
	private @Nullable PreparedRefusal prepared(Decision decision) {
		for (int i = 0; i < this.preparedRefusals.size(); i++) {
			PreparedRefusal prepared = this.preparedRefusals.get(i);
			if (prepared != null && prepared.decision == decision) {
				return prepared;
			}
		}
		for (int i = 0; i < this.seenOnce.size(); i++) {
			if (this.seenOnce.get(i) == decision) {
				PreparedRefusal prepared = prepare(decision);
				if (prepared != null) {
					this.preparedRefusals.add(prepared);
				}
				return prepared;
			}
		}
		this.seenOnce.add(decision);
		return null;
	}

	private @Nullable PreparedRefusal prepare(Decision decision) {
		Rejection rejection = Objects.requireNonNull(decision.rejection());
		@SuppressWarnings("unchecked")
		List<Header>[] headers = new List[ProtocolKind.values().length];
		for (ProtocolKind kind : ProtocolKind.values()) {
			List<Header> list = headers(decision, kind.protocol);
			for (Header header : list) {
				if (!isSendable(header)) {
					// Not prepared: rendered for every request, to fail the check there.
					return null;
				}
			}
			headers[kind.ordinal()] = new PreparedHeaders(list);
		}
		StringBuilder head = new StringBuilder(256);
		jsonHead(head, rejection);
		StringBuilder tail = new StringBuilder(256);
		jsonTail(tail, rejection);
		return new PreparedRefusal(decision, headers, head.toString(), tail.toString(),
				html(rejection).getBytes(StandardCharsets.UTF_8), text(rejection).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The headers of a prepared refusal, found sendable when it was prepared; unmodifiable.
	 */
	private static final class PreparedHeaders extends AbstractList<Header> implements RandomAccess {

		private final Header[] headers;

		PreparedHeaders(List<Header> headers) {
			this.headers = headers.toArray(Header[]::new);
		}

		@Override
		public Header get(int index) {
			return this.headers[index];
		}

		@Override
		public int size() {
			return this.headers.length;
		}

	}

	/**
	 * The HTTP versions as far as the upgrade response's headers tell them apart.
	 */
	private enum ProtocolKind {

		/**
		 * HTTP/1.0, or not known: {@code Upgrade} only.
		 */
		HTTP_1_0(HttpProtocol.HTTP_1_0),

		/**
		 * HTTP/1.1: {@code Upgrade} and {@code Connection}.
		 */
		HTTP_1_1(HttpProtocol.HTTP_1_1),

		/**
		 * HTTP/2 and later: neither.
		 */
		HTTP_2(HttpProtocol.HTTP_2);

		private final HttpProtocol protocol;

		ProtocolKind(HttpProtocol protocol) {
			this.protocol = protocol;
		}

		static ProtocolKind of(@Nullable HttpProtocol protocol) {
			if (protocol == null || protocol == HttpProtocol.HTTP_1_0) {
				return HTTP_1_0;
			}
			return (protocol == HttpProtocol.HTTP_1_1) ? HTTP_1_1 : HTTP_2;
		}

	}

	/**
	 * The parts of the refusal of a decision that no request changes: the headers by HTTP
	 * version, the HTML and text bodies whole, and the problem body around the request's
	 * path.
	 */
	private static final class PreparedRefusal {

		private final Decision decision;

		private final List<Header>[] headers;

		private final String jsonHead;

		private final String jsonTail;

		private final byte[] jsonHeadBytes;

		private final byte[] jsonTailBytes;

		private final byte[] html;

		private final byte[] text;

		/**
		 * The complete responses with the page or the text, made when first asked for, by
		 * format, protocol kind and whether the request is a {@code HEAD}.
		 */
		private final @Nullable UpgradeResponse[] responses = new UpgradeResponse[2 * PROTOCOL_KINDS * 2];

		PreparedRefusal(Decision decision, List<Header>[] headers, String jsonHead, String jsonTail, byte[] html,
				byte[] text) {
			this.decision = decision;
			this.headers = headers;
			this.jsonHead = jsonHead;
			this.jsonTail = jsonTail;
			this.jsonHeadBytes = jsonHead.getBytes(StandardCharsets.UTF_8);
			this.jsonTailBytes = jsonTail.getBytes(StandardCharsets.UTF_8);
			this.html = html;
			this.text = text;
		}

		/**
		 * Return the response with the page or the text, the same for every request of
		 * that format, protocol kind and method.
		 */
		UpgradeResponse response(int status, ResponseFormat format, ProtocolKind kind, boolean head) {
			int index = (((format == ResponseFormat.HTML) ? 0 : 1) * PROTOCOL_KINDS + kind.ordinal()) * 2
					+ (head ? 1 : 0);
			UpgradeResponse response = this.responses[index];
			if (response == null) {
				// A race makes two equal responses, and keeps either: they are immutable.
				byte[] body = (format == ResponseFormat.HTML) ? this.html : this.text;
				response = new UpgradeResponse(status, this.headers[kind.ordinal()], format.contentType(),
						head ? NO_BODY : body, body.length);
				this.responses[index] = response;
			}
			return response;
		}

		/**
		 * Return the problem body for a request to this path: written straight into its
		 * bytes when the path needs no escaping, the common case.
		 */
		byte[] json(String path) {
			if (path.length() > Escaping.MAX_ECHO || !Escaping.isPlainJson(path)) {
				StringBuilder json = new StringBuilder(this.jsonHead.length() + this.jsonTail.length() + 64);
				json.append(this.jsonHead);
				instance(json, path);
				json.append(this.jsonTail);
				return json.toString().getBytes(StandardCharsets.UTF_8);
			}
			int length = path.length();
			byte[] body = new byte[this.jsonHeadBytes.length + INSTANCE.length + length + 1
					+ this.jsonTailBytes.length];
			System.arraycopy(this.jsonHeadBytes, 0, body, 0, this.jsonHeadBytes.length);
			int position = this.jsonHeadBytes.length;
			System.arraycopy(INSTANCE, 0, body, position, INSTANCE.length);
			position += INSTANCE.length;
			for (int i = 0; i < length; i++) {
				body[position++] = (byte) path.charAt(i);
			}
			body[position++] = '"';
			System.arraycopy(this.jsonTailBytes, 0, body, position, this.jsonTailBytes.length);
			return body;
		}

	}

	/**
	 * Render the response to a rejected request, or, should {@link #render} throw, the
	 * {@link #fallback(Decision, UpgradeRequest) plain one}.
	 * @param decision a decision with a rejection
	 * @param request the request
	 * @return the response, never {@code null}
	 */
	public final UpgradeResponse renderOrFallBack(Decision decision, UpgradeRequest request) {
		try {
			UpgradeResponse response = Objects.requireNonNull(render(decision, request), "render returned null");
			checkSendable(response, request);
			return response;
		}
		catch (RuntimeException ex) {
			failed(this.renderFailed, "render the upgrade response; a plain one was sent instead", ex);
			return fallback(decision, request);
		}
	}

	/**
	 * Refuse a response that no server could send whole: a status outside 300 to 599, a
	 * header that is not a token or whose value could split the header section, or a body
	 * whose length is not the one declared (a {@code HEAD} answer has no body at all).
	 */
	private static void checkSendable(UpgradeResponse response, UpgradeRequest request) {
		if (response.status() < 300 || response.status() > 599) {
			throw new IllegalStateException("Status " + response.status() + " is not a refusal or a redirect");
		}
		List<Header> headers = response.headers();
		// The headers of a prepared refusal were checked when it was prepared.
		if (!(headers instanceof PreparedHeaders)) {
			for (int i = 0; i < headers.size(); i++) {
				Header header = headers.get(i);
				if (!isSendable(header)) {
					throw new IllegalStateException("Header '" + header.name() + "' cannot be sent");
				}
			}
		}
		if (response.contentType() != null && !isSendableValue(response.contentType())) {
			throw new IllegalStateException("The content type cannot be sent");
		}
		int bodyLength = response.body().length;
		boolean head = "HEAD".equals(request.method());
		if (head ? bodyLength != 0 : bodyLength != response.contentLength()) {
			throw new IllegalStateException("The body has " + bodyLength + " bytes, " + response.contentLength()
					+ " declared" + (head ? ", to a HEAD request" : ""));
		}
	}

	/**
	 * Return the headers to add to a request that goes through, or none should
	 * {@link #passHeaders} throw.
	 * @param decision the decision
	 * @return the headers, never {@code null}
	 */
	public final List<Header> passHeadersOrNone(Decision decision) {
		try {
			return Objects.requireNonNull(passHeaders(decision), "passHeaders returned null");
		}
		catch (RuntimeException ex) {
			failed(this.passHeadersFailed,
					"add the warning headers to a request that went through; it went without them", ex);
			return List.of();
		}
	}

	private void failed(AtomicBoolean failedBefore, String what, RuntimeException ex) {
		if (failedBefore.compareAndSet(false, true)) {
			logger.warn(getClass().getName() + " failed to " + what
					+ " (logged once at WARN, then at DEBUG)", ex);
		}
		else if (logger.isDebugEnabled()) {
			logger.debug(getClass().getName() + " failed to " + what, ex);
		}
	}

	/**
	 * Return the plain answer to a rejected request, built from the decision alone, for
	 * when the renderer fails: the decision's status, {@code Upgrade} (and
	 * {@code Connection: Upgrade}) as {@link #render} sends them, {@code Cache-Control:
	 * no-store}, {@code Vary} naming the headers the rules read, the warning headers, the
	 * rule's own headers, and a short {@code text/plain} body naming the upgrade tokens; a
	 * redirect keeps its {@code Location}, {@code Vary} and warnings, and has no body.
	 * @param decision a decision with a rejection
	 * @param request the request
	 * @return the response
	 */
	public static UpgradeResponse fallback(Decision decision, UpgradeRequest request) {
		Rejection rejection = decision.rejection();
		if (rejection == null) {
			throw new IllegalArgumentException("The decision rejects nothing");
		}
		String redirect = rejection.verdict().redirect();
		if (redirect != null) {
			return redirect(decision, rejection, redirect, decision.vary().isEmpty() ? List.of()
					: List.of(new Header("Vary", String.join(", ", decision.vary()))));
		}
		List<Header> headers = new ArrayList<>(8);
		addUpgrade(rejection, request.protocol(), headers);
		headers.add(new Header("Cache-Control", "no-store"));
		if (!decision.vary().isEmpty()) {
			// The body is plain text whatever the client accepts: only the rules' headers count.
			headers.add(new Header("Vary", String.join(", ", decision.vary())));
		}
		addWarnings(decision, headers);
		// The rule's own headers (Sec-WebSocket-Version, a store Link) are the rule's, not the
		// renderer's: kept, as long as they can be sent at all.
		rejection.verdict().headers().stream().filter(UpgradeResponseRenderer::isSendable).forEach(headers::add);
		String text = rejection.status() + " " + title(rejection.status()) + "\n\nUpgrade: "
				+ String.join(", ", rejection.upgrade()) + "\n";
		byte[] body = text.getBytes(StandardCharsets.UTF_8);
		return new UpgradeResponse(rejection.status(), List.copyOf(headers), ResponseFormat.TEXT.contentType(),
				"HEAD".equals(request.method()) ? NO_BODY : body, body.length);
	}

	/**
	 * Return the redirect, the same whether rendered or fallen back to: {@code Location},
	 * {@code no-store} (the location is built from the request's host, so no cache may
	 * keep it), {@code Vary} and the warnings, and no body.
	 */
	private static UpgradeResponse redirect(Decision decision, Rejection rejection, String location,
			List<Header> vary) {
		List<Header> headers = new ArrayList<>(6);
		headers.add(new Header("Location", location));
		headers.add(new Header("Cache-Control", "no-store"));
		headers.addAll(vary);
		addWarnings(decision, headers);
		return new UpgradeResponse(rejection.status(), List.copyOf(headers), null, NO_BODY, 0);
	}

	private static boolean isSendable(Header header) {
		String name = header.name();
		String value = header.value();
		return name != null && value != null && UpgradeTokens.isToken(name) && isSendableValue(value);
	}

	/**
	 * Return whether a header value cannot split the header section: no control
	 * character but tab.
	 */
	private static boolean isSendableValue(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if ((c < 0x20 && c != '\t') || c == 0x7f) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Add {@code Upgrade} on HTTP/1.x (and when the protocol is not known: RFC 9110
	 * §15.5.22 requires it on a 426), and {@code Connection: Upgrade} on HTTP/1.1; both are
	 * malformed on HTTP/2.
	 */
	private static void addUpgrade(Rejection rejection, @Nullable HttpProtocol protocol, List<Header> headers) {
		if (protocol == null || protocol.allowsConnectionHeaders()) {
			headers.add(new Header("Upgrade", String.join(", ", rejection.upgrade())));
			if (protocol == HttpProtocol.HTTP_1_1) {
				headers.add(new Header("Connection", "Upgrade"));
			}
		}
	}

	private static void addWarnings(Decision decision, List<Header> headers) {
		if (decision.deprecation() != null) {
			headers.add(new Header("Deprecation", HttpDates.structuredDate(decision.deprecation())));
		}
		if (decision.sunset() != null) {
			headers.add(new Header("Sunset", HttpDates.imfFixdate(decision.sunset())));
		}
		if (!decision.links().isEmpty()) {
			headers.add(new Header("Link", String.join(", ", decision.links())));
		}
	}

	private byte[] body(ResponseFormat format, Rejection rejection, String path) {
		String body = switch (format) {
			case PROBLEM_JSON -> json(rejection, path);
			case HTML -> html(rejection);
			case TEXT -> text(rejection);
		};
		return body.getBytes(StandardCharsets.UTF_8);
	}

	private String json(Rejection rejection, String path) {
		StringBuilder json = new StringBuilder(384);
		jsonHead(json, rejection);
		instance(json, path);
		jsonTail(json, rejection);
		return json.toString();
	}

	/**
	 * Write the problem body's members before {@code instance}.
	 */
	private void jsonHead(StringBuilder json, Rejection rejection) {
		json.append('{');
		member(json, "type", this.problemType);
		member(json, "title", title(rejection.status()));
		json.append(",\"status\":").append(rejection.status());
		member(json, "detail", detail(rejection));
	}

	/**
	 * Write the {@code instance} member, the request's path, unless it is too long: a cut
	 * path is no longer a URI reference.
	 */
	private static void instance(StringBuilder json, String path) {
		if (path.length() <= Escaping.MAX_ECHO) {
			json.append(",\"instance\":");
			Escaping.json(json, path);
		}
	}

	/**
	 * Write the problem body's members after {@code instance}, and its end.
	 */
	private static void jsonTail(StringBuilder json, Rejection rejection) {
		Verdict verdict = rejection.verdict();
		json.append(",\"upgrade\":[");
		for (int i = 0; i < rejection.upgrade().size(); i++) {
			if (i > 0) {
				json.append(',');
			}
			Escaping.json(json, rejection.upgrade().get(i));
		}
		json.append(']');
		member(json, "rule", rejection.rule().name());
		member(json, "minimum", verdict.minimum());
		member(json, "current", Escaping.truncate(verdict.current()));
		member(json, "upgradeUrl", verdict.upgradeUrl());
		member(json, "documentation", rejection.rule().settings().documentation());
		json.append('}');
	}

	private static void member(StringBuilder json, String name, @Nullable String value) {
		if (value == null) {
			return;
		}
		if (json.length() > 1) {
			json.append(',');
		}
		json.append('"').append(name).append("\":");
		Escaping.json(json, value);
	}

	private String html(Rejection rejection) {
		Verdict verdict = rejection.verdict();
		// In the order of HtmlPage.PLACEHOLDERS.
		@Nullable String[] values = { title(rejection.status()), heading(rejection.rule().type()), detail(rejection),
				String.join(", ", rejection.upgrade()), rejection.rule().name(), Integer.toString(rejection.status()),
				verdict.minimum(), Escaping.truncate(verdict.current()), verdict.upgradeUrl(),
				rejection.rule().settings().documentation(), null };
		StringBuilder link = new StringBuilder();
		if (isWebUrl(verdict.upgradeUrl())) {
			link.append("<p><a class=\"button\" href=\"")
				.append(Escaping.html(verdict.upgradeUrl()))
				.append("\">Get the upgrade</a></p>");
		}
		String documentation = rejection.rule().settings().documentation();
		if (isWebUrl(documentation)) {
			link.append("<p><a href=\"").append(Escaping.html(documentation)).append("\">Learn more</a></p>");
		}
		values[values.length - 1] = link.toString();
		return this.page.render(values);
	}

	private static String text(Rejection rejection) {
		Verdict verdict = rejection.verdict();
		StringBuilder text = new StringBuilder(256);
		text.append(rejection.status()).append(' ').append(title(rejection.status())).append("\n\n");
		text.append(Escaping.text(detail(rejection))).append("\n\n");
		text.append("Upgrade: ").append(String.join(", ", rejection.upgrade())).append('\n');
		line(text, "Required", verdict.minimum());
		line(text, "Current", Escaping.truncate(verdict.current()));
		line(text, "Get the upgrade", verdict.upgradeUrl());
		line(text, "Documentation", rejection.rule().settings().documentation());
		line(text, "Rule", rejection.rule().name());
		return text.toString();
	}

	private static void line(StringBuilder text, String label, @Nullable String value) {
		if (value != null) {
			text.append(label).append(": ").append(Escaping.text(value)).append('\n');
		}
	}

	private static boolean isWebUrl(@Nullable String url) {
		return url != null && (url.regionMatches(true, 0, "https://", 0, 8) || url.regionMatches(true, 0, "http://", 0, 7));
	}

	private static String detail(Rejection rejection) {
		String detail = rejection.verdict().detail();
		return (detail != null) ? detail : "This resource requires an upgrade to " + String.join(", ", rejection.upgrade()) + ".";
	}

	private static String heading(String type) {
		return switch (type) {
			case "browser" -> "Please upgrade your browser to continue";
			case "app-version" -> "Please update the app to continue";
			default -> "Please upgrade to continue";
		};
	}

	private static String title(int status) {
		return switch (status) {
			case 400 -> "Bad Request";
			case 401 -> "Unauthorized";
			case 402 -> "Payment Required";
			case 403 -> "Forbidden";
			case 404 -> "Not Found";
			case 405 -> "Method Not Allowed";
			case 406 -> "Not Acceptable";
			case 407 -> "Proxy Authentication Required";
			case 408 -> "Request Timeout";
			case 409 -> "Conflict";
			case 410 -> "Gone";
			case 411 -> "Length Required";
			case 412 -> "Precondition Failed";
			case 413 -> "Content Too Large";
			case 414 -> "URI Too Long";
			case 415 -> "Unsupported Media Type";
			case 416 -> "Range Not Satisfiable";
			case 417 -> "Expectation Failed";
			case 421 -> "Misdirected Request";
			case 422 -> "Unprocessable Content";
			case 425 -> "Too Early";
			case 426 -> "Upgrade Required";
			case 428 -> "Precondition Required";
			case 429 -> "Too Many Requests";
			case 431 -> "Request Header Fields Too Large";
			case 451 -> "Unavailable For Legal Reasons";
			default -> "Client Error";
		};
	}

}
