package org.masthead.audio.engine;

/**
 * A narration could not be made. {@link #isRetryable()} says whether trying again later may help
 * (a timeout, a provider's 5xx, a network error) or not (a refused voice, bad credentials).
 */
public class SynthesisException extends Exception {

	private final boolean retryable;

	public SynthesisException(String message, boolean retryable) {
		super(message);
		this.retryable = retryable;
	}

	public SynthesisException(String message, boolean retryable, Throwable cause) {
		super(message, cause);
		this.retryable = retryable;
	}

	public boolean isRetryable() {
		return retryable;
	}

}
