package org.masthead.content;

/** The hand-curated lists a newsroom keeps. */
public enum CuratedList {

	/** Editors' Picks, shown beside articles and on the home page. */
	EDITORS_PICKS("editors-picks"),

	/** Featured stories, shown under the lead on the home page. */
	FEATURED("featured");

	private final String slug;

	CuratedList(String slug) {
		this.slug = slug;
	}

	public String slug() {
		return slug;
	}

}
