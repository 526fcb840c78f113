package org.masthead.audio;

import java.util.Optional;

/** What other modules may ask of audio: the narration to play with an article, the size of the backlog. */
public interface Narrations {

	/**
	 * The narration the article page plays: the one of the article's current text when ready,
	 * otherwise the latest ready one (so a player stays while a changed text is narrated again).
	 */
	Optional<Narration> readyFor(long articleId);

	/**
	 * Narrations waiting to be made (pending, including those waiting to be tried again), across all
	 * nodes: the narration backlog operators watch.
	 */
	long backlog();

}
