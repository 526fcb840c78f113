package org.masthead.audio.narration;

/** Where a narration stands. PENDING becomes READY or FAILED; NO_VOICE waits for a voice to be configured. */
public enum NarrationStatus {

	/** Waiting for its turn, for an engine to be installed, or for a retry. */
	PENDING,
	/** The MP3 is stored and playable. */
	READY,
	/** Gave up after the last try, or could never work (see the reason). */
	FAILED,
	/** The article's language has no voice. */
	NO_VOICE;

	/** The word the newsroom sees. */
	public String label() {
		return switch (this) {
			case PENDING -> "Pending";
			case READY -> "Ready";
			case FAILED -> "Failed";
			case NO_VOICE -> "No voice";
		};
	}

}
