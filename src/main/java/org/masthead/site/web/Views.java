package org.masthead.site.web;

import java.util.List;

import org.masthead.content.Article;
import org.masthead.content.ArticleSummary;
import org.masthead.content.AuthorProfile;
import org.masthead.content.Page;
import org.masthead.content.Section;

/** What the templates render, one record per page type. */
public final class Views {

	private Views() {
	}

	/** The front page. {@code lead} is null only when nothing is published yet. */
	public record Home(ArticleSummary lead, List<ArticleSummary> featured, List<ArticleSummary> latest,
			List<ArticleSummary> picks, List<SectionBlock> sections) {
	}

	/** A section's newest articles on the front page. */
	public record SectionBlock(Section section, List<ArticleSummary> articles) {
	}

	/** An article page; {@code body} has the related-article cards filled in. */
	public record ArticlePage(Article article, String body, List<ArticleSummary> moreNews,
			List<ArticleSummary> picks, String canonical) {
	}

	/**
	 * A section, tag, author or "latest" listing.
	 *
	 * @param author the author, on author pages only
	 * @param basePath the listing's first page, to which {@code page/N/} is appended
	 */
	public record Listing(String kind, String heading, String description, AuthorProfile author,
			Page<ArticleSummary> page, String basePath) {

		public String pagePath(int number) {
			return number == 1 ? basePath : basePath + "page/" + number + "/";
		}

	}

}
