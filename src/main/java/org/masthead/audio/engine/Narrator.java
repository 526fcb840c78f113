package org.masthead.audio.engine;

import java.time.Duration;
import java.util.List;

import org.masthead.audio.lexicon.Lexicon;
import org.masthead.audio.speech.Chunks;
import org.masthead.audio.speech.SpokenText;

/**
 * The narration pipeline for one text: split into chunks at sentence boundaries under the engine's
 * limit, speak each chunk, stream the samples into lame. Memory stays bounded by one chunk's audio
 * however long the article.
 */
public final class Narrator {

	private final String lame;

	private final int bitrate;

	public Narrator(String lame, int bitrate) {
		this.lame = lame;
		this.bitrate = bitrate;
	}

	public Mp3Encoder.Encoded narrate(SpokenText text, NarrationEngine engine, Voice voice, Lexicon lexicon,
			Duration chunkTimeout) throws SynthesisException {
		List<String> chunks = Chunks.split(text.text(), engine.maxChunkChars());
		if (chunks.isEmpty()) {
			throw new SynthesisException("The article has no text to read", false);
		}
		try (Mp3Encoder encoder = new Mp3Encoder(lame, bitrate)) {
			for (String chunk : chunks) {
				if (Thread.currentThread().isInterrupted()) {
					throw new SynthesisException("Stopped", true);
				}
				encoder.write(engine.synthesize(chunk, voice, lexicon, chunkTimeout));
			}
			// lame keeps pace with the engine; what is left to encode takes a fraction of a second.
			return encoder.finish(Duration.ofSeconds(60).plus(chunkTimeout));
		}
	}

}
