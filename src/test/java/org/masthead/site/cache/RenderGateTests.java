package org.masthead.site.cache;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.FilterChain;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.util.ContentCachingResponseWrapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class RenderGateTests {

	@Test
	void rendersAtMostTheConfiguredNumberAtOnce() throws Exception {
		RenderGate gate = new RenderGate(new RenderProperties(2, Duration.ofSeconds(30)));
		AtomicInteger running = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		FilterChain render = (request, response) -> {
			most.accumulateAndGet(running.incrementAndGet(), Math::max);
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			running.decrementAndGet();
		};
		List<Thread> readers = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			readers.add(start(() -> {
				try {
					gate.render(new MockHttpServletRequest(), new MockHttpServletResponse(), render);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}));
		}
		for (Thread reader : readers) {
			reader.join(10_000);
		}
		assertThat(most.get()).isEqualTo(2);
		assertThat(running).hasValue(0);
	}

	@Test
	void aStuckRenderDelaysOthersByAtMostTheLongestWait() throws Exception {
		RenderGate gate = new RenderGate(new RenderProperties(1, Duration.ofMillis(200)));
		CountDownLatch stuck = new CountDownLatch(1);
		Thread first = start(() -> {
			try {
				gate.render(new MockHttpServletRequest(), new MockHttpServletResponse(),
						(request, response) -> awaitQuietly(stuck));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		while (gate.available() > 0 && first.isAlive()) {
			Thread.sleep(5);
		}
		long started = System.nanoTime();
		AtomicInteger rendered = new AtomicInteger();
		gate.render(new MockHttpServletRequest(), new MockHttpServletResponse(),
				(request, response) -> rendered.incrementAndGet());
		assertThat(rendered).hasValue(1);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
		stuck.countDown();
		first.join(5_000);
	}

	@Test
	void thePageStaysInTheResponseBufferDuringTheTurn() throws Exception {
		RenderGate gate = new RenderGate(new RenderProperties(1, Duration.ofSeconds(1)));
		MockHttpServletResponse response = new MockHttpServletResponse();
		gate.render(new MockHttpServletRequest(), response, (request, res) -> {
		});
		assertThat(response.getBufferSize()).isGreaterThanOrEqualTo(RenderGate.RESPONSE_BUFFER);
	}

	@Test
	void aPageCapturedForThePageCacheGetsNoExtraBuffer() throws Exception {
		RenderGate gate = new RenderGate(new RenderProperties(1, Duration.ofSeconds(1)));
		MockHttpServletResponse response = new MockHttpServletResponse();
		int before = response.getBufferSize();
		gate.render(new MockHttpServletRequest(), new ContentCachingResponseWrapper(response), (request, res) -> {
		});
		assertThat(response.getBufferSize()).isEqualTo(before);
	}

	@Test
	void onVirtualThreadsRendersRunOnTheGatesOwnThreadsInArrivalOrder() throws Exception {
		RenderGate gate = new RenderGate(new RenderProperties(1, Duration.ofSeconds(30)));
		CountDownLatch release = new CountDownLatch(1);
		List<Integer> order = Collections.synchronizedList(new ArrayList<>());
		List<String> renderThreads = Collections.synchronizedList(new ArrayList<>());
		ExecutorService readers = virtualThreads();
		try {
			List<Future<?>> pending = new ArrayList<>();
			pending.add(readers.submit(() -> render(gate, (request, response) -> {
				renderThreads.add(Thread.currentThread().getName());
				awaitQuietly(release);
			})));
			awaitUntil(() -> gate.waiting() == 0 && gate.rendering() == 1);
			for (int i = 0; i < 10; i++) {
				int reader = i;
				pending.add(readers.submit(() -> render(gate, (request, response) -> {
					assertThat(RenderGate.isVirtual(Thread.currentThread())).isFalse();
					order.add(reader);
				})));
				awaitUntil(() -> gate.waiting() == reader + 1); // each arrives after the one before
			}
			release.countDown();
			for (Future<?> reader : pending) {
				reader.get(10, TimeUnit.SECONDS);
			}
		}
		finally {
			readers.shutdownNow();
		}
		assertThat(order).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
		assertThat(renderThreads).singleElement().asString().startsWith("render-");
	}

	@Test
	void onVirtualThreadsAStuckRenderDelaysOthersByAtMostTheLongestWait() throws Exception {
		RenderGate gate = new RenderGate(new RenderProperties(1, Duration.ofMillis(200)));
		CountDownLatch stuck = new CountDownLatch(1);
		ExecutorService readers = virtualThreads();
		try {
			Future<?> first = readers.submit(() -> render(gate, (request, response) -> awaitQuietly(stuck)));
			awaitUntil(() -> gate.rendering() == 1);
			AtomicReference<String> renderedOn = new AtomicReference<>();
			long started = System.nanoTime();
			readers.submit(() -> render(gate, (request, response) -> renderedOn.set(Thread.currentThread().getName())))
				.get(5, TimeUnit.SECONDS);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
			assertThat(renderedOn.get()).as("taken back and rendered by the request itself").doesNotStartWith("render-");
			stuck.countDown();
			first.get(5, TimeUnit.SECONDS);
		}
		finally {
			readers.shutdownNow();
		}
		awaitUntil(() -> gate.waiting() == 0 && gate.rendering() == 0); // the taken-back render never runs twice
	}

	@Test
	void onVirtualThreadsAFailedRenderFailsItsRequest() throws Exception {
		RenderGate gate = new RenderGate(new RenderProperties(1, Duration.ofSeconds(5)));
		ExecutorService readers = virtualThreads();
		try {
			Future<?> failed = readers.submit(() -> {
				gate.render(new MockHttpServletRequest(), new MockHttpServletResponse(), (request, response) -> {
					throw new IOException("connection reset by the reader");
				});
				return null;
			});
			assertThatThrownBy(() -> failed.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IOException.class)
				.hasRootCauseMessage("connection reset by the reader");
		}
		finally {
			readers.shutdownNow();
		}
	}

	private static void render(RenderGate gate, FilterChain chain) {
		try {
			gate.render(new MockHttpServletRequest(), new MockHttpServletResponse(), chain);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** One virtual thread per task (JDK 21 and later; CI runs JDK 25), through reflection: the source level is 17. */
	private static ExecutorService virtualThreads() throws Exception {
		java.lang.reflect.Method factory;
		try {
			factory = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
		}
		catch (NoSuchMethodException ex) {
			assumeTrue(false, "virtual threads need JDK 21 or later");
			throw ex;
		}
		return (ExecutorService) factory.invoke(null);
	}

	private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
			Thread.sleep(2);
		}
	}

	private static Thread start(Runnable task) {
		Thread thread = new Thread(task);
		thread.start();
		return thread;
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
