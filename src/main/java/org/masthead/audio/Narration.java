package org.masthead.audio;

import java.time.Duration;
import java.time.Instant;

/**
 * A narration readers can play.
 *
 * @param path where the MP3 is served, e.g. {@code /media/audio/3fa4....mp3} (never reused: it is
 *     named by a hash of its bytes, so it may be cached for a year)
 * @param byteSize the MP3's length in bytes
 * @param voice the voice that speaks it, {@code engine:name}
 */
public record Narration(long articleId, String path, Duration duration, long byteSize, String voice, Instant readyAt) {

	/** The disclosure shown with every player. */
	public static final String DISCLOSURE = "This audio is created with AI assistance";

	/** "4:07" (or "1:02:03"), as a player shows it. */
	public String clock() {
		long s = duration.toSeconds();
		return s >= 3600 ? "%d:%02d:%02d".formatted(s / 3600, s / 60 % 60, s % 60) : "%d:%02d".formatted(s / 60, s % 60);
	}

	/** "4 minutes 7 seconds", for screen readers and the visible label. */
	public String spokenDuration() {
		long s = Math.max(1, duration.toSeconds());
		long minutes = s / 60;
		long seconds = s % 60;
		String m = minutes == 0 ? "" : minutes + (minutes == 1 ? " minute" : " minutes");
		String sec = seconds == 0 ? "" : seconds + (seconds == 1 ? " second" : " seconds");
		return (m + " " + sec).strip();
	}

	/** ISO 8601 duration for structured data, e.g. {@code PT4M7S}. */
	public String isoDuration() {
		return Duration.ofSeconds(Math.max(1, duration.toSeconds())).toString();
	}

}
