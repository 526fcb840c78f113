package org.masthead.audio.engine;

import java.time.Duration;

import org.masthead.audio.lexicon.Lexicon;

/**
 * Something that turns speech text into speech: Festival or flite on this machine, or a cloud
 * voice over HTTP. An engine speaks one chunk at a time (at most {@link #maxChunkChars()}
 * characters, split at sentence boundaries by the caller) and returns raw samples, which the
 * narration pipeline encodes to MP3 with lame, so every narration has the same format whatever
 * spoke it.
 */
public interface NarrationEngine {

	/** The engine part of a voice id: {@code festival}, {@code flite}, {@code polly}... */
	String name();

	/** Whether the engine can run here, checked again on every use (so a newly installed one is found). */
	Installation installation();

	/** Whether the engine can speak with this voice here (by default: whether it is installed). */
	default Installation installation(Voice voice) {
		return installation();
	}

	/** The longest text one request may carry (each provider's limit, with room for markup). */
	int maxChunkChars();

	/**
	 * Speaks one chunk of speech text.
	 *
	 * @param text ASCII speech text from {@code SpeechNormaliser}, at most {@link #maxChunkChars()} long
	 * @param lexicon the newsroom's pronunciations, compiled by the engine in its own form
	 * @param timeout how long the engine may take before it is stopped
	 */
	Pcm synthesize(String text, Voice voice, Lexicon lexicon, Duration timeout) throws SynthesisException;

}
