package org.masthead.site.cache;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
 * <p>
 * A request served on a virtual thread (the server's default on JDK 21 and later) does not render
 * on it: it hands the render to one of the gate's own platform threads, one per turn, which take
 * the waiting renders strictly in arrival order, and waits for it. Renders taking turns on the
 * virtual threads themselves went in a far-from-arrival order: the virtual-thread scheduler runs the
 * renders that a finished turn wakes ahead of the requests that have just arrived, so at 16 to 64
 * readers at once a few requests waited hundreds of milliseconds behind later ones. On a platform
 * thread (JDK 17, tests) the request waits for a turn and renders on its own thread.
 */
final class RenderGate {

	/**
	 * Larger than nearly every reader page (an article page is about 25 KB), so the whole page is
	 * sent after the turn ends. Tomcat keeps a buffer of this size with each connection's processor.
	 */
	static final int RESPONSE_BUFFER = 64 * 1024;

	/** {@code Thread.isVirtual()} on JDK 21 and later; null on JDK 17, which has no virtual threads. */
	private static final MethodHandle IS_VIRTUAL = isVirtualHandle();

	private final Semaphore turns;

	private final ThreadPoolExecutor renderers;

	private final long maxWaitNanos;

	RenderGate(RenderProperties properties) {
		int permits = properties.permits();
		this.turns = new Semaphore(permits, true);
		this.maxWaitNanos = properties.maxWait().toNanos();
		AtomicInteger count = new AtomicInteger();
		this.renderers = new ThreadPoolExecutor(permits, permits, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				task -> {
					Thread thread = new Thread(task, "render-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		this.renderers.allowCoreThreadTimeOut(true); // an idle site keeps no render threads
	}

	void render(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		// a page being captured for the page cache is held in memory anyway
		if (!(response instanceof ContentCachingResponseWrapper) && !response.isCommitted()
				&& response.getBufferSize() < RESPONSE_BUFFER) {
			response.setBufferSize(RESPONSE_BUFFER);
		}
		if (isVirtual(Thread.currentThread())) {
			handOver(request, response, chain);
		}
		else {
			takeTurn(request, response, chain);
		}
	}

	/** On a platform thread: wait for a turn (at most the longest wait), then render here. */
	private void takeTurn(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		boolean turn = false;
		try {
			turn = turns.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (turn) {
				turns.release();
			}
		}
	}

	/**
	 * On a virtual thread: queue the render for the gate's threads and wait until it is done. A
	 * render still waiting after the longest wait is taken back and done here, so a stuck render can
	 * never stop the site.
	 */
	private void handOver(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		Render render = new Render(request, response, chain);
		try {
			renderers.execute(render);
		}
		catch (RejectedExecutionException ex) {
			chain.doFilter(request, response);
			return;
		}
		boolean interrupted = false;
		boolean done = false;
		try {
			done = render.done.await(maxWaitNanos, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			interrupted = true;
		}
		if (!done && render.state.compareAndSet(Render.WAITING, Render.TAKEN_BACK)) {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
			chain.doFilter(request, response);
			return;
		}
		// started on a render thread: the request and response are in use there until it ends
		while (true) {
			try {
				render.done.await();
				break;
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
		render.rethrow();
	}

	/** Turns free at the moment, for requests on platform threads. */
	int available() {
		return turns.availablePermits();
	}

	/** Renders handed over by virtual threads and not started yet (taken-back ones included until skipped). */
	int waiting() {
		return renderers.getQueue().size();
	}

	/** Renders running on the gate's threads. */
	int rendering() {
		return renderers.getActiveCount();
	}

	static boolean isVirtual(Thread thread) {
		if (IS_VIRTUAL == null) {
			return false;
		}
		try {
			return (boolean) IS_VIRTUAL.invokeExact(thread);
		}
		catch (Throwable ex) {
			return false;
		}
	}

	private static MethodHandle isVirtualHandle() {
		try {
			return MethodHandles.publicLookup().findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class));
		}
		catch (NoSuchMethodException | IllegalAccessException ex) {
			return null;
		}
	}

	/** One page's render, queued for a render thread. */
	private static final class Render implements Runnable {

		static final int WAITING = 0;

		static final int RUNNING = 1;

		static final int TAKEN_BACK = 2;

		final AtomicInteger state = new AtomicInteger(WAITING);

		final CountDownLatch done = new CountDownLatch(1);

		private final ServletRequest request;

		private final ServletResponse response;

		private final FilterChain chain;

		private Throwable failure;

		Render(ServletRequest request, ServletResponse response, FilterChain chain) {
			this.request = request;
			this.response = response;
			this.chain = chain;
		}

		@Override
		public void run() {
			if (!state.compareAndSet(WAITING, RUNNING)) {
				return; // taken back by its request after the longest wait
			}
			try {
				chain.doFilter(request, response);
			}
			catch (Throwable ex) {
				failure = ex;
			}
			finally {
				done.countDown();
			}
		}

		void rethrow() throws IOException, ServletException {
			if (failure instanceof IOException io) {
				throw io;
			}
			if (failure instanceof ServletException servlet) {
				throw servlet;
			}
			if (failure instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (failure instanceof Error error) {
				throw error;
			}
			if (failure != null) {
				throw new ServletException(failure);
			}
		}

	}

}
