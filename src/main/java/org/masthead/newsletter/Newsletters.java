package org.masthead.newsletter;

import java.util.List;
import java.util.Optional;

/** The newsroom's newsletters: reading them, creating and changing them. */
public interface Newsletters {

	/** Every newsletter, whatever its status, in position order. */
	List<Newsletter> all();

	/** The newsletters readers may sign up to, in position order. */
	List<Newsletter> active();

	Optional<Newsletter> bySlug(String slug);

	Optional<Newsletter> byId(long id);

	/** Creates a newsletter; returns its id. Throws {@link InvalidNewsletterException}. */
	long create(NewsletterDraft draft);

	/** Changes a newsletter; false when there is none. Throws {@link InvalidNewsletterException}. */
	boolean update(long id, NewsletterDraft draft);

}
