package org.masthead.editorial.workflow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;

import org.masthead.content.ArticleCatalog;
import org.masthead.content.ArticleDraft;
import org.masthead.content.ArticleSummary;
import org.springframework.stereotype.Component;

/** The checks that block publishing, shown in the editor and returned by the API. */
@Component
public class PublishingChecks {

	/** Longest headline the newsroom publishes. */
	public static final int MAX_HEADLINE = 110;

	private static final Pattern RELATED = Pattern.compile("data-slug=\"([a-z0-9-]{1,200})\"");

	private final ArticleCatalog catalog;

	PublishingChecks(ArticleCatalog catalog) {
		this.catalog = catalog;
	}

	public List<PublishingCheck> check(ArticleDraft draft) {
		List<PublishingCheck> problems = new ArrayList<>();
		if (isBlank(draft.headline())) {
			problems.add(new PublishingCheck("check.headline-missing", "headline", "Write a headline."));
		}
		else if (draft.headline().strip().length() > MAX_HEADLINE) {
			problems.add(new PublishingCheck("check.headline-too-long", "headline",
					"The headline is " + draft.headline().strip().length() + " characters; keep it to " + MAX_HEADLINE + "."));
		}
		if (isBlank(draft.dek())) {
			problems.add(new PublishingCheck("check.dek-missing", "dek", "Write a dek: one or two sentences under the headline."));
		}
		if (draft.bodyHtml() == null || Jsoup.parse(draft.bodyHtml()).text().isBlank()) {
			problems.add(new PublishingCheck("check.body-empty", "body", "The body is empty."));
		}
		if (draft.heroImageId() != null) {
			if (isBlank(draft.heroAlt())) {
				problems.add(new PublishingCheck("check.hero-alt-missing", "heroAlt",
						"Describe the hero image in its alt text, for readers who cannot see it."));
			}
			if (isBlank(draft.heroCredit())) {
				problems.add(new PublishingCheck("check.hero-credit-missing", "heroCredit", "Credit the hero image."));
			}
		}
		if (draft.authorIds() == null || draft.authorIds().isEmpty()) {
			problems.add(new PublishingCheck("check.byline-missing", "authorIds", "Add at least one author to the byline."));
		}
		if (draft.sectionId() == null) {
			problems.add(new PublishingCheck("check.section-missing", "sectionId", "Choose a section."));
		}
		Set<String> related = relatedSlugs(draft.bodyHtml());
		if (!related.isEmpty()) {
			Set<String> live = new LinkedHashSet<>(catalog.summaries(related).stream().map(ArticleSummary::slug).toList());
			for (String slug : related) {
				if (!live.contains(slug)) {
					problems.add(new PublishingCheck("check.related-unpublished", "body",
							"The related-article card for \"" + slug + "\" points at an article that is not published."));
				}
			}
		}
		return problems;
	}

	static Set<String> relatedSlugs(String html) {
		Set<String> slugs = new LinkedHashSet<>();
		if (html != null) {
			Matcher m = RELATED.matcher(html);
			while (m.find()) {
				slugs.add(m.group(1));
			}
		}
		return slugs;
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

}
