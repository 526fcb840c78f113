package org.masthead.content;

/** A primary section of the publication (City, Politics...), in the order the header lists them. */
public record Section(long id, String slug, String name, String description) {

	/** The reader URL path of the section front. */
	public String path() {
		return "/section/" + slug + "/";
	}

}
