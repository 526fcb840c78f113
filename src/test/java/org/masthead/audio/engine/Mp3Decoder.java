package org.masthead.audio.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Decodes an MP3 in tests with {@code lame --decode} (lame's own mpglib decoder), to check that it plays. */
public final class Mp3Decoder {

	private Mp3Decoder() {
	}

	/** The decoded audio: fails when the bytes are not a playable MP3. */
	public static Pcm decode(byte[] mp3) throws Exception {
		Path dir = Files.createTempDirectory("mp3-decode");
		try {
			Path in = dir.resolve("in.mp3");
			Path out = dir.resolve("out.wav");
			Files.write(in, mp3);
			Commands.run(List.of("lame", "--quiet", "--decode", in.toString(), out.toString()), Duration.ofSeconds(60), dir);
			return Wav.read(out);
		}
		finally {
			Commands.deleteQuietly(dir);
		}
	}

	/** The first MPEG audio frame header's fields: version 1 layer III, bit rate, mode. */
	public static FrameHeader firstFrame(byte[] mp3) {
		int i = 0;
		if (mp3.length > 10 && mp3[0] == 'I' && mp3[1] == 'D' && mp3[2] == '3') {
			i = 10 + ((mp3[6] & 0x7f) << 21 | (mp3[7] & 0x7f) << 14 | (mp3[8] & 0x7f) << 7 | (mp3[9] & 0x7f));
		}
		for (; i + 4 < mp3.length; i++) {
			if ((mp3[i] & 0xff) == 0xff && (mp3[i + 1] & 0xe0) == 0xe0) {
				int version = (mp3[i + 1] >> 3) & 3;
				int layer = (mp3[i + 1] >> 1) & 3;
				int bitrateIndex = (mp3[i + 2] >> 4) & 0xf;
				int mode = (mp3[i + 3] >> 6) & 3;
				return new FrameHeader(version, layer, bitrateIndex, mode == 3);
			}
		}
		throw new AssertionError("No MPEG frame found");
	}

	/** A frame header: version 3 = MPEG-1, layer 1 = Layer III. */
	public record FrameHeader(int version, int layer, int bitrateIndex, boolean isMono) {
	}

}
