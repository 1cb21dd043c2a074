package io.github.upgraderequired.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An HTML page template with {@code {{name}}} placeholders. Values are HTML-escaped when
 * the page is rendered, except {@code link}, which the renderer builds from escaped parts;
 * unknown placeholders render as nothing.
 */
public final class HtmlPage {

	/**
	 * The placeholders the renderer fills: {@code minimum}, {@code current},
	 * {@code upgradeUrl} and {@code documentation} only when the rejection has them.
	 */
	public static final List<String> PLACEHOLDERS = List.of("title", "heading", "detail", "upgrade", "rule", "status",
			"minimum", "current", "upgradeUrl", "documentation", "link");

	private static final String DEFAULT_LOCATION = "upgrade-required.html";

	private static final int LINK = PLACEHOLDERS.indexOf("link");

	private final String template;

	/**
	 * The template's text between placeholders, one more than {@link #placeholders}.
	 */
	private final String[] texts;

	/**
	 * The template's placeholders in order, as indexes into {@link #PLACEHOLDERS}, -1 for
	 * an unknown one.
	 */
	private final int[] placeholders;

	/**
	 * Create a page from a template.
	 * @param template the template
	 */
	public HtmlPage(String template) {
		this.template = template;
		List<String> texts = new ArrayList<>();
		List<Integer> placeholders = new ArrayList<>();
		int position = 0;
		while (true) {
			int open = template.indexOf("{{", position);
			int close = (open < 0) ? -1 : template.indexOf("}}", open + 2);
			if (close < 0) {
				texts.add(template.substring(position));
				break;
			}
			texts.add(template.substring(position, open));
			placeholders.add(PLACEHOLDERS.indexOf(template.substring(open + 2, close).trim()));
			position = close + 2;
		}
		this.texts = texts.toArray(String[]::new);
		this.placeholders = placeholders.stream().mapToInt(Integer::intValue).toArray();
	}

	/**
	 * Return the starter's own page.
	 * @return the page
	 */
	public static HtmlPage defaultPage() {
		try (InputStream in = HtmlPage.class.getResourceAsStream(DEFAULT_LOCATION)) {
			if (in == null) {
				throw new IllegalStateException("The built-in page " + DEFAULT_LOCATION + " is missing");
			}
			return new HtmlPage(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return a page read from a user's template, refusing one that cannot serve as a
	 * page: not UTF-8, empty or blank, or with a {@code {{} that no {@code }}} closes.
	 * @param content the template's bytes
	 * @return the page
	 * @throws IllegalArgumentException if the template cannot serve, saying why
	 */
	public static HtmlPage parse(byte[] content) {
		String template;
		try {
			template = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new IllegalArgumentException("it is not UTF-8", ex);
		}
		if (template.isBlank()) {
			throw new IllegalArgumentException("it is empty");
		}
		int position = 0;
		while (true) {
			int open = template.indexOf("{{", position);
			if (open < 0) {
				break;
			}
			int close = template.indexOf("}}", open + 2);
			if (close < 0) {
				throw new IllegalArgumentException("the placeholder at character " + open + " is not closed with }}");
			}
			position = close + 2;
		}
		return new HtmlPage(template);
	}

	/**
	 * Return the placeholders of the page that are not {@link #PLACEHOLDERS}, which render
	 * as nothing.
	 * @return the names, in the order of the page
	 */
	public Set<String> unknownPlaceholders() {
		Set<String> unknown = new LinkedHashSet<>();
		int position = 0;
		while (true) {
			int open = this.template.indexOf("{{", position);
			int close = (open < 0) ? -1 : this.template.indexOf("}}", open + 2);
			if (close < 0) {
				return unknown;
			}
			String name = this.template.substring(open + 2, close).trim();
			if (!PLACEHOLDERS.contains(name)) {
				unknown.add(name);
			}
			position = close + 2;
		}
	}

	/**
	 * Return whether the page has a placeholder.
	 * @param placeholder one of {@link #PLACEHOLDERS}
	 * @return {@code true} if the page shows its value
	 */
	boolean shows(String placeholder) {
		int index = PLACEHOLDERS.indexOf(placeholder);
		for (int used : this.placeholders) {
			if (used == index) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Render the page.
	 * @param values the values of {@link #PLACEHOLDERS}, by index; {@code null} for
	 * none
	 */
	String render(@Nullable String[] values) {
		StringBuilder out = new StringBuilder(this.template.length() + 256);
		for (int i = 0; i < this.placeholders.length; i++) {
			out.append(this.texts[i]);
			int placeholder = this.placeholders[i];
			String value = (placeholder >= 0) ? values[placeholder] : null;
			if (value != null) {
				out.append((placeholder == LINK) ? value : Escaping.html(value));
			}
		}
		return out.append(this.texts[this.placeholders.length]).toString();
	}

}
