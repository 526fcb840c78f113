package org.masthead.audio.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.masthead.audio.lexicon.Lexicon;

/**
 * flite, the small fallback engine: text from a file, WAV to a file (writing to a pipe can hang),
 * lexicon addenda through {@code -add_lex}, and a timeout, as always.
 */
public class FliteEngine implements NarrationEngine {

	private static final Set<String> VOICES = Set.of("slt", "kal", "kal16", "awb", "rms");

	private final String flite;

	private final String lame;

	public FliteEngine(String flite, String lame) {
		this.flite = flite;
		this.lame = lame;
	}

	@Override
	public String name() {
		return "flite";
	}

	@Override
	public Installation installation() {
		if (Commands.find(flite).isEmpty() || Commands.find(lame).isEmpty()) {
			return Installation.missing("apt-get install flite lame");
		}
		return Installation.ready();
	}

	@Override
	public int maxChunkChars() {
		return 2000;
	}

	@Override
	public Pcm synthesize(String text, Voice voice, Lexicon lexicon, Duration timeout) throws SynthesisException {
		if (!VOICES.contains(voice.name())) {
			throw new SynthesisException("flite has no voice " + voice.name() + " (it has " + VOICES + ")", false);
		}
		Path dir = null;
		try {
			dir = Files.createTempDirectory("masthead-flite");
			Path input = dir.resolve("speech.txt");
			Files.writeString(input, lexicon.respell(text, true) + "\n", StandardCharsets.US_ASCII);
			Path output = dir.resolve("speech.wav");
			List<String> command = new ArrayList<>(List.of(Commands.find(flite).map(Path::toString).orElse(flite),
					"-voice", voice.name()));
			if (lexicon.hasPhonemes()) {
				Path addenda = dir.resolve("lexicon.txt");
				Files.writeString(addenda, lexicon.fliteAddenda(), StandardCharsets.US_ASCII);
				command.addAll(List.of("-add_lex", addenda.toString()));
			}
			command.addAll(List.of("-f", input.toString(), "-o", output.toString()));
			Commands.run(command, timeout, dir);
			return Wav.read(output);
		}
		catch (IOException ex) {
			throw new SynthesisException("flite's temporary files could not be written: " + ex.getMessage(), true, ex);
		}
		finally {
			Commands.deleteQuietly(dir);
		}
	}

}
