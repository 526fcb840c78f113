package org.masthead.content;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Turns Markdown (pasted or imported) into article HTML. A paragraph that is exactly
 * {@code [[related:some-slug]]} becomes a related-article card placeholder.
 */
public final class BodyFormat {

	private static final Parser PARSER = Parser.builder().build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).build();

	private static final Pattern RELATED = Pattern.compile("<p>\\[\\[related:([a-z0-9-]{1,200})]]</p>");

	private BodyFormat() {
	}

	public static String markdownToHtml(String markdown) {
		String html = RENDERER.render(PARSER.parse(markdown));
		Matcher m = RELATED.matcher(html);
		return m.replaceAll("<aside class=\"related-card\" data-slug=\"$1\"></aside>");
	}

}
