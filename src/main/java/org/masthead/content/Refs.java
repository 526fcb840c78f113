package org.masthead.content;

/** Small references to content, as lists and bylines show them. */
public final class Refs {

	private Refs() {
	}

	/** A section named in a kicker or breadcrumb. */
	public record SectionRef(long id, String slug, String name) {
	}

	/** A tag named under an article. */
	public record TagRef(long id, String slug, String name) {
	}

	/** An author named in a byline. */
	public record AuthorRef(long id, String slug, String name) {
	}

}
