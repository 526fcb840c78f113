package org.masthead.audio.speech;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever an article contains, speech text is plain ASCII words and sentence punctuation: no
 * character Festival or flite would spell out, nothing a shell, Scheme or SSML would run.
 */
class SpeechNormaliserPropertyTests {

	@Property(tries = 2000)
	void anyTextBecomesSafeSpeech(@ForAll("newsText") String text) {
		String spoken = SpeechNormaliser.normalise(text);
		assertThat(spoken).matches(SpeechNormaliser.SAFE);
		assertThat(spoken.chars().allMatch(c -> c < 128)).isTrue();
	}

	@Property(tries = 1000)
	void anyUnicodeBecomesSafeSpeech(@ForAll String text) {
		assertThat(SpeechNormaliser.normalise(text)).matches(SpeechNormaliser.SAFE);
	}

	@Property(tries = 1000)
	void everyWordHasALetter(@ForAll("newsText") String text) {
		for (String word : SpeechNormaliser.normalise(text).split("\\s+")) {
			if (!word.isEmpty()) {
				assertThat(word.replaceAll("[.,;:?!]", "")).as(word).matches(".*[A-Za-z].*|");
				assertThat(word).doesNotStartWith("-").doesNotStartWith("'");
			}
		}
	}

	@Property(tries = 500)
	void aParagraphEndsLikeASentence(@ForAll("newsText") String text) {
		String spoken = SpeechNormaliser.paragraph(text);
		if (!spoken.isEmpty()) {
			assertThat(spoken).matches("(?s).*[.?!]").matches(SpeechNormaliser.SAFE);
		}
	}

	/** Text made of the pieces news copy is made of: words, numbers, money, dates, symbols, quotes. */
	@Provide
	Arbitrary<String> newsText() {
		Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of("Kyiv", "Mr.", "Dr.", "St.", "No.", "Dec.", "May",
				"said", "the", "€", "$", "£", "%", "bn", "m", "PM", "a.m.", "—", "–", "“", "”", "‘", "’", "…", "(", ")",
				"<speak>", "</s>", "\"", "'", "&", "@", "#", "/", "\\", "`", "$(", "(load", "~", "^", "|", "°C", "km",
				"½", "Київ", "Zürich", "ß", "æ", "\n", "\t", " ", ",", ".", "?", "!", ":", ";", "-", "1990s", "'90s",
				"2024-12-26", "5:04", "17:30", "12,000", "3.5", "-7", "21st", "1,2,3", "99999999999999999999"),
				Arbitraries.integers().between(-100000, 100000).map(String::valueOf),
				Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(6),
				Arbitraries.strings().all().ofMaxLength(3));
		return piece.list().ofMaxSize(30).map(pieces -> String.join(" ", pieces));
	}

}
