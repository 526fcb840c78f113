package org.masthead.audio.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads the 16-bit mono PCM WAV files Festival and flite write. */
public final class Wav {

	private Wav() {
	}

	public static Pcm read(Path file) throws SynthesisException {
		try {
			return parse(Files.readAllBytes(file));
		}
		catch (IOException ex) {
			throw new SynthesisException("The engine wrote no audio: " + ex.getMessage(), true, ex);
		}
	}

	/** The samples of a RIFF/WAVE file: 16-bit PCM, one channel. */
	public static Pcm parse(byte[] wav) throws SynthesisException {
		ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
		if (wav.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) { // "RIFF", "WAVE"
			throw new SynthesisException("The engine's output is not a WAV file", true);
		}
		int pos = 12;
		int rate = 0;
		while (pos + 8 <= wav.length) {
			int id = b.getInt(pos);
			long size = Integer.toUnsignedLong(b.getInt(pos + 4));
			int body = pos + 8;
			if (id == 0x20746d66) { // "fmt "
				int format = b.getShort(body) & 0xffff;
				int channels = b.getShort(body + 2);
				rate = b.getInt(body + 4);
				int bits = b.getShort(body + 14);
				if (format != 1 || channels != 1 || bits != 16) {
					throw new SynthesisException("Unsupported WAV: format " + format + ", " + channels + " channels, "
							+ bits + " bits", false);
				}
			}
			else if (id == 0x61746164) { // "data"
				if (rate == 0) {
					throw new SynthesisException("WAV data before its format", true);
				}
				int end = (int) Math.min(wav.length, body + size);
				return new Pcm(rate, Arrays.copyOfRange(wav, body, end - ((end - body) % 2)));
			}
			pos = (int) (body + size + (size % 2));
		}
		throw new SynthesisException("The WAV file holds no audio data", true);
	}

}
