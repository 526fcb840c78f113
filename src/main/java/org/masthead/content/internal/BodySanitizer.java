package org.masthead.content.internal;

import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The one policy every stored article body passes through: the elements an article may contain,
 * nothing that runs script, styles or embeds arbitrary frames.
 */
final class BodySanitizer {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,200}");

	private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
		.allowElements("p", "h2", "h3", "h4", "blockquote", "ul", "ol", "li", "strong", "em", "b", "i", "br", "hr",
				"cite", "q", "code", "pre", "figure", "figcaption", "img", "a", "aside", "sub", "sup", "small")
		.allowUrlProtocols("https", "http", "mailto")
		.allowAttributes("href").onElements("a")
		.allowAttributes("src", "alt", "width", "height", "loading").onElements("img")
		.allowAttributes("class").matching(false, "related-card").onElements("aside")
		.allowAttributes("data-slug").matching(SLUG).onElements("aside")
		.allowAttributes("cite").onElements("blockquote", "q")
		.requireRelsOnLinks("noopener")
		.toFactory();

	private BodySanitizer() {
	}

	static String sanitize(String html) {
		return html == null ? "" : POLICY.sanitize(html);
	}

}
