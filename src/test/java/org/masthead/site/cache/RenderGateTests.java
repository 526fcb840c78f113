package org.masthead.site.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.util.ContentCachingResponseWrapper;

import static org.assertj.core.api.Assertions.assertThat;

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
