package org.masthead.content;

/** A topic that cuts across sections. */
public record Tag(long id, String slug, String name, String description) {

	/** The reader URL path of the tag page. */
	public String path() {
		return "/tag/" + slug + "/";
	}

}
