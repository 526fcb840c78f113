package org.masthead.audio.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.masthead.audio.lexicon.Lexicon;

/**
 * Festival through {@code text2wave}. The speech text goes in a file, never into {@code -eval}
 * (Festival evaluates that as Scheme); {@code -eval} only selects the voice by a checked name and
 * loads the compiled lexicon from a file this engine wrote. Festival's HTS voices speak at 32 kHz.
 */
public class FestivalEngine implements NarrationEngine {

	/** Where Debian's festvox packages put voices. */
	private static final List<Path> VOICE_DIRS = List.of(Path.of("/usr/share/festival/voices"),
			Path.of("/usr/local/share/festival/voices"));

	private final String text2wave;

	private final String lame;

	public FestivalEngine(String text2wave, String lame) {
		this.text2wave = text2wave;
		this.lame = lame;
	}

	@Override
	public String name() {
		return "festival";
	}

	@Override
	public Installation installation() {
		if (Commands.find(text2wave).isEmpty() || Commands.find(lame).isEmpty()) {
			return Installation.missing("apt-get install festival festvox-us-slt-hts lame");
		}
		return Installation.ready();
	}

	@Override
	public Installation installation(Voice voice) {
		Installation installed = installation();
		if (installed.isReady() && !hasVoice(voice.name())) {
			return Installation.missing("apt-get install " + (voice.name().equals("cmu_us_slt_arctic_hts")
					? "festvox-us-slt-hts" : "the festvox package with the voice " + voice.name()));
		}
		return installed;
	}

	/** Whether Festival has this voice installed. */
	public boolean hasVoice(String voice) {
		for (Path dir : VOICE_DIRS) {
			try (var languages = Files.list(dir)) {
				if (languages.anyMatch(language -> Files.isDirectory(language.resolve(voice)))) {
					return true;
				}
			}
			catch (IOException ex) {
				// not there
			}
		}
		return false;
	}

	@Override
	public int maxChunkChars() {
		return 2000;
	}

	@Override
	public Pcm synthesize(String text, Voice voice, Lexicon lexicon, Duration timeout) throws SynthesisException {
		if (!hasVoice(voice.name())) {
			throw new SynthesisException("Festival has no voice " + voice.name() + ": apt-get install "
					+ (voice.name().equals("cmu_us_slt_arctic_hts") ? "festvox-us-slt-hts" : "the festvox package of it"),
					true);
		}
		Path dir = null;
		try {
			dir = Files.createTempDirectory("masthead-festival");
			// The ".txt" name matters: text2wave picks a text mode by extension, and plain text has none.
			Path input = dir.resolve("speech.txt");
			Files.writeString(input, lexicon.respell(text, true) + "\n", StandardCharsets.US_ASCII);
			Path output = dir.resolve("speech.wav");
			List<String> command = new ArrayList<>(List.of(Commands.find(text2wave).map(Path::toString).orElse(text2wave),
					"-o", output.toString(), "-eval", "(voice_" + voice.name() + ")"));
			if (lexicon.hasPhonemes()) {
				Path scheme = dir.resolve("lexicon.scm");
				Files.writeString(scheme, lexicon.festivalScheme(), StandardCharsets.US_ASCII);
				// A path (not an expression) after -eval is loaded as a file; ours starts with "/".
				command.addAll(List.of("-eval", scheme.toAbsolutePath().toString()));
			}
			command.add(input.toString());
			Commands.run(command, timeout, dir);
			return Wav.read(output);
		}
		catch (IOException ex) {
			throw new SynthesisException("Festival's temporary files could not be written: " + ex.getMessage(), true, ex);
		}
		finally {
			Commands.deleteQuietly(dir);
		}
	}

}
