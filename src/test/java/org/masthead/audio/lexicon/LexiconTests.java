package org.masthead.audio.lexicon;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The pronunciation lexicon compiled for each kind of engine. */
class LexiconTests {

	static final Lexicon LEXICON = new Lexicon(List.of(new Pronunciation(1, "kyiv", "Keev", "k iy1 v"),
			new Pronunciation(2, "lavrov", "Lavrof", "l ax0 v r ao1 f"), new Pronunciation(3, "vesna", "Vesna", null)));

	@Test
	void respellsWholeWordsKeepingPossessives() {
		assertThat(LEXICON.respell("Kyiv's mayor met Lavrov in kyiv, not Kyivska.", false))
			.isEqualTo("Keev's mayor met Lavrof in Keev, not Kyivska.");
		assertThat(LEXICON.respell("Kyiv and Vesna.", true)).isEqualTo("Kyiv and Vesna.");
	}

	@Test
	void festivalEntriesAreSyllabifiedByFestival() {
		assertThat(LEXICON.festivalScheme()).contains("(lex.add.entry (list \"kyiv\" nil (lex.syllabify.phstress '(k iy1 v))))")
			.doesNotContain("vesna");
	}

	@Test
	void fliteAddenda() {
		assertThat(LEXICON.fliteAddenda()).isEqualTo("kyiv : k iy1 v\nlavrov : l ax0 v r ao1 f\n");
	}

	@Test
	void plsAndSsmlUseIpa() {
		assertThat(LEXICON.pls("en")).contains("<grapheme>kyiv</grapheme><phoneme>kˈiv</phoneme>")
			.contains("<grapheme>vesna</grapheme><alias>Vesna</alias>");
		assertThat(LEXICON.ssml("Kyiv & <b>", "en-US")).isEqualTo("<speak version=\"1.0\" xmlns=\"http://www.w3.org/2001/10/synthesis\""
				+ " xml:lang=\"en-US\"><phoneme alphabet=\"ipa\" ph=\"kˈiv\">Kyiv</phoneme> &amp; &lt;b&gt;</speak>");
	}

	@Test
	void refusesWordsAndPhonemesThatCouldCarrySyntax() {
		assertThat(Pronunciation.checkWord("kyiv")).isNull();
		assertThat(Pronunciation.checkWord("ky\"iv))")).isNotNull();
		assertThat(Pronunciation.checkWord("")).isNotNull();
		assertThat(Pronunciation.checkWord("a".repeat(65))).isNotNull();
		assertThat(Pronunciation.checkRespelling("Keev")).isNull();
		assertThat(Pronunciation.checkRespelling("<break/>")).isNotNull();
		assertThat(Pronunciation.checkPhonemes("k iy1 v")).isNull();
		assertThat(Pronunciation.checkPhonemes("k iy1 v))) (system \"x\"")).isNotNull();
		assertThat(Pronunciation.checkPhonemes("k1 v")).isNotNull();
		assertThat(Pronunciation.checkPhonemes("k v")).isNotNull();
	}

}
