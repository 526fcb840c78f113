package org.masthead.editorial.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one-line notices shown after a redirect ({@code /admin/articles/42?saved}): the address
 * names what happened, never the words, so nothing a link carries is ever shown to staff.
 */
final class Notices {

	private static final Map<String, String> TEXT = new LinkedHashMap<>();

	static {
		TEXT.put("created", "The article is saved as a draft.");
		TEXT.put("saved", "Saved.");
		TEXT.put("submitted", "Submitted for review. Editors see it on their dashboard.");
		TEXT.put("sent-back", "Sent back to the writer with your comment.");
		TEXT.put("published", "Published: readers see it now.");
		TEXT.put("scheduled", "Scheduled.");
		TEXT.put("unscheduled", "No longer scheduled; it is a draft again.");
		TEXT.put("unpublished", "Unpublished: readers no longer see it.");
		TEXT.put("noted", "The note is published with the article.");
		TEXT.put("restored", "The old revision is restored as a new revision.");
		TEXT.put("deleted", "The article is deleted.");
		TEXT.put("hero", "The new picture is chosen as the hero image, with its words: save the article to keep it.");
		TEXT.put("uploaded", "The picture is in the media library.");
		TEXT.put("curated", "The list is saved; the site shows it now.");
	}

	private Notices() {
	}

	static String of(Map<String, String> parameters) {
		return TEXT.entrySet().stream().filter(e -> parameters.containsKey(e.getKey())).map(Map.Entry::getValue)
			.findFirst().orElse(null);
	}

}
