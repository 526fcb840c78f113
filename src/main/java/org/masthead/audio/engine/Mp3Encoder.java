package org.masthead.audio.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Encodes PCM to mono MP3 with {@code lame -m m -b 48}, one chunk at a time: samples stream into
 * lame's standard input as the engine produces them, so a two-hour narration never sits in memory
 * as raw audio. lame starts with the first chunk (its sample rate decides lame's input rate).
 */
public final class Mp3Encoder implements AutoCloseable {

	private final String lame;

	private final int bitrate;

	private final Path dir;

	private final Path output;

	private Process process;

	private OutputStream input;

	private int sampleRate;

	private long samples;

	public Mp3Encoder(String lame, int bitrate) throws SynthesisException {
		this.lame = Commands.find(lame).map(Path::toString)
			.orElseThrow(() -> new SynthesisException("lame is not installed: apt-get install lame", true));
		this.bitrate = bitrate;
		try {
			this.dir = Files.createTempDirectory("masthead-lame");
		}
		catch (IOException ex) {
			throw new SynthesisException("No temporary folder for lame: " + ex.getMessage(), true, ex);
		}
		this.output = dir.resolve("narration.mp3");
	}

	/** Adds a chunk of speech; every chunk must have the first one's sample rate. */
	public void write(Pcm pcm) throws SynthesisException {
		if (process == null) {
			start(pcm.sampleRate());
		}
		else if (pcm.sampleRate() != sampleRate) {
			throw new SynthesisException("The engine changed its sample rate from " + sampleRate + " to "
					+ pcm.sampleRate() + " Hz", false);
		}
		try {
			input.write(pcm.samples());
			samples += pcm.samples().length / 2;
		}
		catch (IOException ex) {
			throw new SynthesisException("lame stopped reading: " + Commands.tail(dir.resolve("stderr.txt")), true, ex);
		}
	}

	private void start(int rate) throws SynthesisException {
		sampleRate = rate;
		String khz = rate % 1000 == 0 ? String.valueOf(rate / 1000) : String.valueOf(rate / 1000.0);
		List<String> command = List.of(lame, "--quiet", "-r", "-s", khz, "--bitwidth", "16", "--signed",
				"--little-endian", "-m", "m", "-b", String.valueOf(bitrate), "--cbr", "-", output.toString());
		try {
			process = new ProcessBuilder(Commands.niced(command)).directory(dir.toFile())
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.redirectError(dir.resolve("stderr.txt").toFile())
				.start();
			input = process.getOutputStream();
		}
		catch (IOException ex) {
			throw new SynthesisException("lame could not be started: " + ex.getMessage(), true, ex);
		}
	}

	/** Ends the input and waits for lame to finish the file. */
	public Encoded finish(Duration timeout) throws SynthesisException {
		if (process == null) {
			throw new SynthesisException("Nothing was spoken", false);
		}
		try {
			input.close();
		}
		catch (IOException ex) {
			// lame may have closed its end already; its exit status tells.
		}
		Commands.waitFor(process, lame, timeout, dir.resolve("stderr.txt"));
		try {
			return new Encoded(Files.readAllBytes(output), samples * 1000 / sampleRate);
		}
		catch (IOException ex) {
			throw new SynthesisException("lame wrote no MP3: " + ex.getMessage(), true, ex);
		}
	}

	@Override
	public void close() {
		if (process != null && process.isAlive()) {
			Commands.kill(process);
		}
		Commands.deleteQuietly(dir);
	}

	/** An MP3 and how long it plays. */
	public record Encoded(byte[] mp3, long durationMillis) {
	}

}
