package org.masthead.site.web;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.masthead.content.ArticleCatalog;
import org.masthead.content.ArticleSummary;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Fills the related-article placeholders of a body with the other article's current headline.
 * A placeholder pointing at an article that is not live is left out, never shown as a dead link.
 */
@Component
class RelatedCards {

	private static final Pattern PLACEHOLDER = Pattern
		.compile("<aside class=\"related-card\" data-slug=\"([a-z0-9-]{1,200})\">\\s*</aside>");

	private final ArticleCatalog catalog;

	RelatedCards(ArticleCatalog catalog) {
		this.catalog = catalog;
	}

	/** The body with cards, and the articles they show (the page depends on them). */
	Filled fill(String body) {
		Matcher m = PLACEHOLDER.matcher(body);
		Set<String> slugs = new LinkedHashSet<>();
		while (m.find()) {
			slugs.add(m.group(1));
		}
		if (slugs.isEmpty()) {
			return new Filled(body, Map.of());
		}
		Map<String, ArticleSummary> found = catalog.summaries(slugs).stream()
			.collect(Collectors.toMap(ArticleSummary::slug, Function.identity()));
		String html = PLACEHOLDER.matcher(body).replaceAll(match -> {
			ArticleSummary related = found.get(match.group(1));
			return related == null ? "" : Matcher.quoteReplacement(card(related));
		});
		return new Filled(html, found);
	}

	private static String card(ArticleSummary related) {
		StringBuilder html = new StringBuilder("<aside class=\"related-card\" aria-label=\"Related article\">");
		if (related.hero() != null) {
			html.append("<img src=\"").append(HtmlUtils.htmlEscape(related.hero().urlAtLeast(300)))
				.append("\" alt=\"\" width=\"160\" height=\"90\" loading=\"lazy\">");
		}
		html.append("<div><p class=\"related-kicker\">Related</p><a href=\"").append(related.path()).append("\">")
			.append(HtmlUtils.htmlEscape(related.headline())).append("</a></div></aside>");
		return html.toString();
	}

	record Filled(String html, Map<String, ArticleSummary> related) {
	}

}
