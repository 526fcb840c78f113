package org.masthead.content;

import java.util.List;

/**
 * The editable fields of an article's working copy.
 *
 * @param bodyHtml HTML from the editor or from {@link BodyFormat#markdownToHtml}; sanitized on save
 * @param heroImageId a media asset id, or null for none
 * @param authorIds byline order
 * @param seoTitle the title search results and link previews show, or null for the headline
 * @param seoDescription the description search results show, or null for the dek
 */
public record ArticleDraft(String slug, String headline, String dek, String bodyHtml, Long heroImageId,
		String heroAlt, String heroCaption, String heroCredit, Long sectionId, List<Long> authorIds,
		List<Long> tagIds, String language, String seoTitle, String seoDescription) {

	/** Longest SEO title kept. */
	public static final int MAX_SEO_TITLE = 200;

	/** Longest SEO description kept. */
	public static final int MAX_SEO_DESCRIPTION = 400;

	/** A draft without its own SEO title and description (search shows the headline and dek). */
	public ArticleDraft(String slug, String headline, String dek, String bodyHtml, Long heroImageId, String heroAlt,
			String heroCaption, String heroCredit, Long sectionId, List<Long> authorIds, List<Long> tagIds,
			String language) {
		this(slug, headline, dek, bodyHtml, heroImageId, heroAlt, heroCaption, heroCredit, sectionId, authorIds, tagIds,
				language, null, null);
	}

}
