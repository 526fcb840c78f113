package org.masthead.audio.web;

import org.masthead.audio.narration.NarrationRepository.NarrationRow;
import org.masthead.audio.narration.NarrationStatus;

/** What the narration pages show, in the newsroom's words. */
public final class NarrationViews {

	private NarrationViews() {
	}

	/** One engine: whether it runs here, and if not, what to install. */
	public record EngineRow(String name, boolean isReady, String remedy) {
	}

	/** "Ready", "Pending: Waiting for an engine: apt-get install ...", "Failed: ...", "Not narrated". */
	public static String describe(NarrationRow narration) {
		if (narration == null) {
			return "Not narrated";
		}
		String label = narration.status().label();
		return narration.reason() == null || narration.status() == NarrationStatus.READY ? label
				: label + ": " + narration.reason();
	}

	/** "4:07". */
	public static String length(NarrationRow narration) {
		long s = narration.durationMs() == null ? 0 : narration.durationMs() / 1000;
		return "%d:%02d".formatted(s / 60, s % 60);
	}

}
