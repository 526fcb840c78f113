package org.masthead.editorial.web;

import java.util.ArrayList;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import org.masthead.content.ArticleDraft;

/**
 * What changed between two revisions, paragraph by paragraph, as text without tags: the headline,
 * dek and SEO fields first, then each paragraph, heading, list item, quote and related card of the body.
 */
public final class RevisionDiff {

	private RevisionDiff() {
	}

	/** One line of the comparison. */
	public record Line(Kind kind, String text) {

		public String css() {
			return kind.name().toLowerCase();
		}

	}

	/** Whether a line is only in the old revision, only in the new one, or in both. */
	public enum Kind {
		SAME, REMOVED, ADDED
	}

	static List<Line> between(ArticleDraft older, ArticleDraft newer) {
		List<String> before = paragraphs(older);
		List<String> after = paragraphs(newer);
		Patch<String> patch = DiffUtils.diff(before, after);
		List<Line> lines = new ArrayList<>();
		int position = 0;
		for (AbstractDelta<String> delta : patch.getDeltas()) {
			for (; position < delta.getSource().getPosition(); position++) {
				lines.add(new Line(Kind.SAME, before.get(position)));
			}
			delta.getSource().getLines().forEach(text -> lines.add(new Line(Kind.REMOVED, text)));
			delta.getTarget().getLines().forEach(text -> lines.add(new Line(Kind.ADDED, text)));
			position += delta.getSource().size();
		}
		for (; position < before.size(); position++) {
			lines.add(new Line(Kind.SAME, before.get(position)));
		}
		return lines;
	}

	static List<String> paragraphs(ArticleDraft draft) {
		List<String> lines = new ArrayList<>();
		lines.add("Headline: " + orEmpty(draft.headline()));
		lines.add("Dek: " + orEmpty(draft.dek()));
		lines.add("Slug: " + orEmpty(draft.slug()));
		if (draft.seoTitle() != null) {
			lines.add("SEO title: " + draft.seoTitle());
		}
		if (draft.seoDescription() != null) {
			lines.add("SEO description: " + draft.seoDescription());
		}
		lines.add("Hero image: " + (draft.heroImageId() == null ? "none" : "#" + draft.heroImageId()) + " · alt: "
				+ orEmpty(draft.heroAlt()) + " · caption: " + orEmpty(draft.heroCaption()) + " · credit: "
				+ orEmpty(draft.heroCredit()));
		for (Element block : Jsoup.parseBodyFragment(orEmpty(draft.bodyHtml()))
			.select("p, h2, h3, h4, li, blockquote:not(:has(p)), figcaption, aside[data-slug], pre")) {
			String text = block.is("aside") ? "[Related article: " + block.attr("data-slug") + "]" : block.text().strip();
			if (!text.isEmpty()) {
				lines.add(text);
			}
		}
		return lines;
	}

	private static String orEmpty(String text) {
		return text == null ? "" : text;
	}

}
