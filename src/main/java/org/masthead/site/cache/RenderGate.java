package org.masthead.site.cache;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Lets a bounded number of reader pages render at once, in arrival order. With 64 readers asking at
 * once on two cores, 64 renders time-sliced against each other finish all late together; taking
 * turns, each finishes in about its own render time plus its wait, and the slowest reader waits
 * about as long as the average one (a queue, not a crowd). The page is held in the response buffer
 * until the turn ends, so a slow reader's connection never keeps the turn.
 */
final class RenderGate {

	/**
	 * Larger than nearly every reader page (an article page is about 25 KB), so the whole page is
	 * sent after the turn ends. Tomcat keeps a buffer of this size with each connection's processor.
	 */
	static final int RESPONSE_BUFFER = 64 * 1024;

	private final Semaphore turns;

	private final long maxWaitNanos;

	RenderGate(RenderProperties properties) {
		this.turns = new Semaphore(properties.permits(), true);
		this.maxWaitNanos = properties.maxWait().toNanos();
	}

	void render(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		boolean turn = false;
		try {
			turn = turns.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try {
			// a page being captured for the page cache is held in memory anyway
			if (!(response instanceof ContentCachingResponseWrapper) && !response.isCommitted()
					&& response.getBufferSize() < RESPONSE_BUFFER) {
				response.setBufferSize(RESPONSE_BUFFER);
			}
			chain.doFilter(request, response);
		}
		finally {
			if (turn) {
				turns.release();
			}
		}
	}

	/** Turns free at the moment. */
	int available() {
		return turns.availablePermits();
	}

}
