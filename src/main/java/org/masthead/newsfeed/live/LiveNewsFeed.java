package org.masthead.newsfeed.live;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.masthead.newsfeed.NewsFeed;
import org.masthead.newsfeed.NewsFeedChange;
import org.masthead.newsfeed.NewsFeedChanged;
import org.masthead.newsfeed.NewsFeedProperties;
import org.masthead.platform.ClusterSignals;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open Server-Sent Events connections of this node and the changes they receive. Changes are
 * read from the database, never handed over in memory: after a commit on any node at once (a
 * cluster signal written in the change's transaction wakes every node), and every
 * {@code masthead.news-feed.poll} as a safety net. A connection resumes after the last change it had
 * ({@code Last-Event-ID}), from the database as well.
 */
@Component
class LiveNewsFeed implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LiveNewsFeed.class);

	private static final int BATCH = 500;

	/** How many changes a reconnecting browser may have missed before it is told to reload instead. */
	static final int MAX_REPLAY = 1000;

	private final NewsFeed feed;

	private final ChangeMessages messages;

	private final NewsFeedProperties properties;

	private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

	/** Made anew on every start: a test context (or a node) may be stopped and started again. */
	private volatile Executor senders;

	private volatile ScheduledExecutorService scheduler;

	private final Object dispatching = new Object();

	/** The number of the last change handed to every connection. */
	private long dispatched = -1;

	private volatile boolean running;

	/** The signal channel: the number of the change that committed. */
	static final String CHANNEL = "news-feed.changed";

	private final ClusterSignals signals;

	LiveNewsFeed(NewsFeed feed, ChangeMessages messages, NewsFeedProperties properties, ClusterSignals signals) {
		this.feed = feed;
		this.messages = messages;
		this.properties = properties;
		this.signals = signals;
		signals.subscribe(CHANNEL, seq -> wake());
	}

	/**
	 * Writers for the connections: a virtual thread per write where the JDK has them (21+), else a
	 * bounded pool; a write to a connection that does not read blocks only its own thread until the
	 * connection is dropped.
	 */
	private static Executor senders() {
		if (Runtime.version().feature() >= 21) {
			SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("news-feed-send-");
			executor.setVirtualThreads(true);
			return executor;
		}
		ThreadPoolExecutor pool = new ThreadPoolExecutor(16, 16, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				r -> {
					Thread thread = new Thread(r, "news-feed-send");
					thread.setDaemon(true);
					return thread;
				});
		pool.allowCoreThreadTimeOut(true);
		return pool;
	}

	/**
	 * Opens a connection that first receives every change after {@code after} (or only new ones
	 * when null), then every later change.
	 */
	SseEmitter subscribe(Long after, String client) {
		SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
		if (!running || subscribers.size() >= properties.maxSubscribers()) {
			return null;
		}
		synchronized (dispatching) {
			long latest = feed.lastChange();
			long from = after == null || after > latest ? latest : Math.max(0, after);
			Subscriber subscriber = new Subscriber(emitter, client, from, properties.maxPending());
			emitter.onCompletion(() -> subscribers.remove(subscriber));
			emitter.onTimeout(() -> drop(subscriber));
			emitter.onError(ex -> drop(subscriber));
			subscriber.offer(ChangeMessages.hello(), senders);
			if (latest - from > MAX_REPLAY) {
				subscriber.offerChange(latest, SseEmitter.event().id(Long.toString(latest)).name("reload").data("{}").build(),
						senders, true);
			}
			else {
				for (NewsFeedChange change : feed.changesAfter(from, MAX_REPLAY)) {
					subscriber.offerChange(change.seq(), messages.event(change), senders, true);
				}
			}
			subscribers.add(subscriber);
		}
		return emitter;
	}

	int size() {
		return subscribers.size();
	}

	/** Whether a connection from this client address and port is open. */
	boolean isConnected(String client) {
		return subscribers.stream().anyMatch(s -> s.client().equals(client));
	}

	@EventListener
	void on(NewsFeedChanged changed) {
		signals.publish(CHANNEL, Long.toString(changed.seq()));
	}

	private void wake() {
		ScheduledExecutorService current = scheduler;
		if (running && current != null) {
			try {
				current.execute(this::dispatch);
			}
			catch (java.util.concurrent.RejectedExecutionException ex) {
				// stopping
			}
		}
	}

	/** Hands every change after the last dispatched one to every connection. */
	void dispatch() {
		try {
			synchronized (dispatching) {
				while (true) {
					List<NewsFeedChange> changes = feed.changesAfter(dispatched, BATCH);
					for (NewsFeedChange change : changes) {
						Set<DataWithMediaType> event = messages.event(change);
						for (Subscriber subscriber : subscribers) {
							if (!subscriber.offerChange(change.seq(), event, senders, false)) {
								log.info("News feed: dropping {}, which does not read", subscriber.client());
								drop(subscriber);
							}
						}
						dispatched = change.seq();
					}
					if (changes.size() < BATCH) {
						return;
					}
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("News feed: could not read changes: {}", ex.toString());
		}
	}

	private void poll() {
		try {
			if (feed.lastChange() > dispatched) {
				dispatch();
			}
		}
		catch (RuntimeException ex) {
			log.debug("News feed: poll failed: {}", ex.toString());
		}
	}

	private void heartbeat() {
		for (Subscriber subscriber : subscribers) {
			if (!subscriber.offer(ChangeMessages.heartbeat(), senders)) {
				drop(subscriber);
			}
		}
	}

	private void dropStuck() {
		long now = System.nanoTime();
		long limit = properties.sendTimeout().toNanos();
		for (Subscriber subscriber : subscribers) {
			if (subscriber.isStuck(now, limit) || subscriber.isClosed()) {
				drop(subscriber);
			}
		}
	}

	private void drop(Subscriber subscriber) {
		subscribers.remove(subscriber);
		subscriber.close(senders);
	}

	@Override
	public void start() {
		senders = senders();
		scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "news-feed-live");
			thread.setDaemon(true);
			return thread;
		});
		dispatched = feed.lastChange();
		running = true;
		long poll = Math.max(100, properties.poll().toMillis());
		scheduler.scheduleWithFixedDelay(this::poll, poll, poll, TimeUnit.MILLISECONDS);
		long beat = Math.max(1000, properties.heartbeat().toMillis());
		scheduler.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
		scheduler.scheduleWithFixedDelay(this::dropStuck, 1, 1, TimeUnit.SECONDS);
	}

	/**
	 * Closes every connection first (this bean stops before the web server's graceful shutdown), so
	 * the shutdown does not wait for open streams; each gets a last message telling its browser to
	 * reconnect within one to five seconds, which reaches another node behind a load balancer.
	 */
	@Override
	public void stop() {
		running = false;
		for (Subscriber subscriber : subscribers) {
			subscribers.remove(subscriber);
			subscriber.close(senders, ChangeMessages.goodbye(ThreadLocalRandom.current().nextLong(1000, 5000)));
		}
		scheduler.shutdownNow();
		if (senders instanceof ExecutorService pool) {
			pool.shutdown();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

}
