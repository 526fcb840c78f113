package org.masthead.content;

/** An author as their page shows them. The photo may be null. */
public record AuthorProfile(long id, String slug, String name, String jobTitle, String bio, Image photo) {

	/** The reader URL path of the author's page. */
	public String path() {
		return "/author/" + slug + "/";
	}

}
