package org.masthead.audio.engine;

/**
 * Whether an engine can run on this machine, and if not, exactly what to do about it.
 *
 * @param remedy what to install or configure, e.g. {@code apt-get install festival festvox-us-slt-hts lame}
 */
public record Installation(boolean isReady, String remedy) {

	public static Installation ready() {
		return new Installation(true, null);
	}

	public static Installation missing(String remedy) {
		return new Installation(false, remedy);
	}

}
