package org.masthead.audio.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.masthead.audio.lexicon.Lexicon;
import org.masthead.audio.lexicon.Pronunciation;
import org.masthead.audio.speech.SpokenText;
import org.masthead.testing.Components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Festival and flite on this machine: real speech, a real MP3, and nothing in the text ever run. */
class LocalEnginesTests {

	static final Voice SLT_HTS = Voice.parse("festival:cmu_us_slt_arctic_hts");

	final FestivalEngine festival = new FestivalEngine("text2wave", "lame");

	final FliteEngine flite = new FliteEngine("flite", "lame");

	final Narrator narrator = new Narrator("lame", 48);

	static void assumeFestival(FestivalEngine festival) {
		Components.assume(festival.installation().isReady() && festival.hasVoice(SLT_HTS.name()), "Festival",
				"apt-get install -y festival festvox-us-slt-hts lame");
	}

	@Test
	void festivalNarratesToA48kbitMonoMp3WhoseDurationFitsTheWords() throws Exception {
		assumeFestival(festival);
		SpokenText text = SpokenText.ofPlain("Tram line seven reopens after bridge repairs. "
				+ "The city says services will run every ten minutes from Monday, and fares stay the same. "
				+ "Residents of the harbour district welcomed the news.");

		Mp3Encoder.Encoded narration = narrator.narrate(text, festival, SLT_HTS, Lexicon.EMPTY, Duration.ofSeconds(60));

		Pcm decoded = Mp3Decoder.decode(narration.mp3());
		double seconds = decoded.durationMillis() / 1000.0;
		int words = text.wordCount();
		// Between 100 and 250 words a minute, as people speak.
		assertThat(seconds).isBetween(words * 60 / 250.0, words * 60 / 100.0);
		assertThat(narration.durationMillis() / 1000.0).isCloseTo(seconds, org.assertj.core.data.Offset.offset(0.5));
		Mp3Decoder.FrameHeader frame = Mp3Decoder.firstFrame(narration.mp3());
		assertThat(frame.isMono()).isTrue();
		assertThat(frame.layer()).isEqualTo(1);
		// 48 kbit/s is 360 KB a minute, under the 400 KB target.
		assertThat(narration.mp3().length / (seconds / 60)).isLessThan(400 * 1024);
	}

	@Test
	void textThatLooksLikeSchemeOrShellIsSpokenNeverRun(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
		assumeFestival(festival);
		Path marker = tmp.resolve("pwned");
		String hostile = "(system \"touch " + marker + "\") $(touch " + marker + ") `touch " + marker + "`";
		// Straight to the engine, without the normaliser, to prove the engine alone is safe.
		Pcm pcm = festival.synthesize(hostile.replace('\n', ' '), SLT_HTS, Lexicon.EMPTY, Duration.ofSeconds(60));
		assertThat(pcm.durationMillis()).isGreaterThan(500);
		assertThat(marker).doesNotExist();
	}

	@Test
	void festivalUsesTheLexiconsPhonemes() throws Exception {
		assumeFestival(festival);
		Lexicon lexicon = new Lexicon(List.of(new Pronunciation(1, "kyiv", "Keev", "k iy1 v")));
		Pcm plain = festival.synthesize("Kyiv.", SLT_HTS, Lexicon.EMPTY, Duration.ofSeconds(30));
		Pcm withLexicon = festival.synthesize("Kyiv.", SLT_HTS, lexicon, Duration.ofSeconds(30));
		assertThat(withLexicon.samples()).isNotEqualTo(plain.samples());
	}

	@Test
	void fliteNarratesToo() throws Exception {
		Components.assume(flite.installation().isReady(), "flite", "apt-get install -y flite lame");
		Mp3Encoder.Encoded narration = narrator.narrate(SpokenText.ofPlain("The fallback voice speaks."), flite,
				Voice.parse("flite:slt"), Lexicon.EMPTY, Duration.ofSeconds(30));
		assertThat(Mp3Decoder.decode(narration.mp3()).durationMillis()).isGreaterThan(800);
	}

	@Test
	void anEngineThatHangsIsKilledAtItsTimeout(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
		Path hanging = tmp.resolve("text2wave");
		Files.writeString(hanging, "#!/bin/sh\nsleep 60\n");
		hanging.toFile().setExecutable(true);
		FestivalEngine stuck = new FestivalEngine(hanging.toString(), "lame") {
			@Override
			public boolean hasVoice(String voice) {
				return true;
			}
		};
		long started = System.nanoTime();
		assertThatThrownBy(() -> stuck.synthesize("Hello.", SLT_HTS, Lexicon.EMPTY, Duration.ofSeconds(1)))
			.isInstanceOf(SynthesisException.class)
			.hasMessageContaining("did not finish within 1 s")
			.satisfies(ex -> assertThat(((SynthesisException) ex).isRetryable()).isTrue());
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void aMissingEngineSaysWhatToInstall() {
		FestivalEngine missing = new FestivalEngine("/nonexistent/text2wave", "lame");
		assertThat(missing.installation().isReady()).isFalse();
		assertThat(missing.installation().remedy()).isEqualTo("apt-get install festival festvox-us-slt-hts lame");
	}

}
