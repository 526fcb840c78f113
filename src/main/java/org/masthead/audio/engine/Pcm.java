package org.masthead.audio.engine;

/**
 * Synthesised speech: 16-bit signed little-endian mono samples at {@code sampleRate} Hz.
 */
public record Pcm(int sampleRate, byte[] samples) {

	public Pcm {
		if (sampleRate < 8000 || sampleRate > 48000) {
			throw new IllegalArgumentException("Unsupported sample rate " + sampleRate);
		}
	}

	public long durationMillis() {
		return samples.length / 2 * 1000L / sampleRate;
	}

}
