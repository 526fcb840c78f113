package org.masthead.audio.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.masthead.audio.lexicon.Lexicon;
import org.masthead.audio.speech.SpokenText;
import org.masthead.testing.Components;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 20,000-word article goes to the engine in chunks under its limit, cut between sentences, and
 * each chunk's audio streams on to lame: the pipeline never holds more than one chunk of speech.
 */
class NarratorTests {

	/** An engine that records what it was given and answers a tenth of a second of silence per chunk. */
	static final class RecordingEngine implements NarrationEngine {

		final List<String> chunks = new ArrayList<>();

		@Override
		public String name() {
			return "recording";
		}

		@Override
		public Installation installation() {
			return Installation.ready();
		}

		@Override
		public int maxChunkChars() {
			return 2000;
		}

		@Override
		public Pcm synthesize(String text, Voice voice, Lexicon lexicon, Duration timeout) {
			chunks.add(text);
			return new Pcm(16000, new byte[3200]);
		}

	}

	@Test
	void aTwentyThousandWordArticleIsNarratedInChunks() throws Exception {
		Components.assume(Commands.find("lame").isPresent(), "lame", "apt-get install -y lame");
		String sentence = "The harbour authority said the new quay would open in the spring after two years of work.";
		List<String> paragraphs = new ArrayList<>();
		for (int i = 0; i < 1200; i++) { // 17 words a sentence: 20,400 words
			paragraphs.add(sentence);
		}
		SpokenText text = new SpokenText(paragraphs);
		assertThat(text.wordCount()).isGreaterThanOrEqualTo(20_000);
		RecordingEngine engine = new RecordingEngine();

		Mp3Encoder.Encoded mp3 = new Narrator("lame", 48).narrate(text, engine, Voice.parse("festival:x"), Lexicon.EMPTY,
				Duration.ofSeconds(10));

		assertThat(engine.chunks).hasSizeGreaterThan(50);
		assertThat(engine.chunks).allSatisfy(chunk -> {
			assertThat(chunk.length()).isLessThanOrEqualTo(2000);
			assertThat(chunk).startsWith("The harbour").endsWith("work.");
		});
		assertThat(String.join(" ", engine.chunks)).isEqualTo(String.join(" ", paragraphs));
		assertThat(mp3.durationMillis()).isEqualTo(engine.chunks.size() * 100L);
		assertThat(Mp3Decoder.decode(mp3.mp3()).durationMillis()).isGreaterThanOrEqualTo(mp3.durationMillis());
	}

}
