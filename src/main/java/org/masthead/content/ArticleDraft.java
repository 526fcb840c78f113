package org.masthead.content;

import java.util.List;

/**
 * The editable fields of an article's working copy.
 *
 * @param bodyHtml HTML from the editor or from {@link BodyFormat#markdownToHtml}; sanitized on save
 * @param heroImageId a media asset id, or null for none
 * @param authorIds byline order
 */
public record ArticleDraft(String slug, String headline, String dek, String bodyHtml, Long heroImageId,
		String heroAlt, String heroCaption, String heroCredit, Long sectionId, List<Long> authorIds,
		List<Long> tagIds, String language) {
}
