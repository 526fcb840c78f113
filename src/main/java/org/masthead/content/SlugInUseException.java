package org.masthead.content;

/** Another article (or an old address of one) already uses this slug. */
public class SlugInUseException extends IllegalArgumentException {

	public SlugInUseException(String slug) {
		super("The slug \"" + slug + "\" is already used by another article.");
	}

}
