package org.masthead.audio.speech;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Long texts split at sentence boundaries under each engine's request limit. */
class ChunksTests {

	@Test
	void splitsBetweenSentences() {
		List<String> chunks = Chunks.split("One two three. Four five six. Seven eight nine.", 30);
		assertThat(chunks).containsExactly("One two three. Four five six.", "Seven eight nine.");
	}

	@Test
	void aLongSentenceIsSplitBetweenWords() {
		String sentence = "word ".repeat(100).strip() + ".";
		List<String> chunks = Chunks.split(sentence, 50);
		assertThat(chunks).allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(50));
		assertThat(String.join(" ", chunks)).isEqualTo(sentence);
	}

	@Property(tries = 300)
	void noChunkIsLongerThanTheLimitAndNoWordIsLost(
			@ForAll @StringLength(max = 3000) @AlphaChars @Chars({ ' ', '.', '?', ',', '\n' }) String text,
			@ForAll @IntRange(min = 20, max = 500) int limit) {
		List<String> chunks = Chunks.split(text, limit);
		assertThat(chunks).allSatisfy(c -> assertThat(c.length()).isBetween(1, limit));
		assertThat(String.join("", chunks).replaceAll("\\s", "")).isEqualTo(text.replaceAll("\\s", ""));
	}

}
