package org.masthead.identity;

/**
 * What a staff member (or an API token) may do, from least to most. Each role includes every role
 * below it: an Editor may do all an Author may.
 */
public enum Role {

	/** Writes and submits drafts. */
	CONTRIBUTOR,
	/** Publishes their own articles. */
	AUTHOR,
	/** Publishes any article, curates lists, runs the news feed and newsletters. */
	EDITOR,
	/** Manages staff, API tokens and settings; reads the audit log. */
	ADMINISTRATOR;

	/** Whether this role may do everything {@code other} may: {@code this >= other}. */
	public boolean includes(Role other) {
		return compareTo(other) >= 0;
	}

	/** The Spring Security authority of this role, e.g. {@code ROLE_EDITOR}. */
	public String authority() {
		return "ROLE_" + name();
	}

	/** The word staff see, e.g. "Editor". */
	public String label() {
		return name().charAt(0) + name().substring(1).toLowerCase();
	}

	/** The role with this name (any case), or null if there is none. */
	public static Role parse(String name) {
		if (name == null) {
			return null;
		}
		for (Role role : values()) {
			if (role.name().equalsIgnoreCase(name.trim())) {
				return role;
			}
		}
		return null;
	}

}
