package io.github.upgraderequired.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An HTML page template with {@code {{name}}} placeholders. Values are HTML-escaped when
 * the page is rendered, except {@code link}, which the renderer builds from escaped parts;
 * unknown placeholders render as nothing.
 */
public final class HtmlPage {

	private static final String DEFAULT_LOCATION = "upgrade-required.html";

	private final String template;

	/**
	 * Create a page from a template.
	 * @param template the template
	 */
	public HtmlPage(String template) {
		this.template = template;
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

	String render(Map<String, String> values) {
		StringBuilder out = new StringBuilder(this.template.length() + 256);
		int position = 0;
		while (position < this.template.length()) {
			int open = this.template.indexOf("{{", position);
			int close = (open < 0) ? -1 : this.template.indexOf("}}", open + 2);
			if (close < 0) {
				out.append(this.template, position, this.template.length());
				break;
			}
			out.append(this.template, position, open);
			String name = this.template.substring(open + 2, close).trim();
			String value = values.get(name);
			if (value != null) {
				out.append(name.equals("link") ? value : Escaping.html(value));
			}
			position = close + 2;
		}
		return out.toString();
	}

}
