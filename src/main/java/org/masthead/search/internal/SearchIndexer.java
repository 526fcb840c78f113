package org.masthead.search.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.masthead.content.Article;
import org.masthead.content.ArticleArchive;
import org.masthead.content.ContentEvents.ArticleNoteAdded;
import org.masthead.content.ContentEvents.ArticlePublished;
import org.masthead.content.ContentEvents.ArticleUnpublished;
import org.masthead.platform.ClusterSignals;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the index current: each committed publish, update or unpublish is queued, and one thread
 * applies what has queued up in batches (a burst of thousands of publications becomes a few
 * hundred index commits, a single publication is searchable well within a second). Every node keeps
 * an index of its own: each change travels as a cluster signal written in the change's transaction,
 * and every node queues it once the change commits.
 */
@Component
class SearchIndexer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

	private final BlockingQueue<Change> queue = new LinkedBlockingQueue<>();

	private final LuceneSearch search;

	private final ArticleArchive archive;

	private volatile Thread worker;

	private volatile boolean running;

	/** The signal channel: {@code <article id> index} or {@code <article id> remove}. */
	static final String CHANNEL = "search.article";

	private final ClusterSignals signals;

	SearchIndexer(LuceneSearch search, ArticleArchive archive, ClusterSignals signals) {
		this.search = search;
		this.archive = archive;
		this.signals = signals;
		signals.subscribe(CHANNEL, this::queue);
	}

	/**
	 * A node that was stopped missed the changes other nodes made meanwhile: they are replayed from
	 * the signal log, from the time the index last applied one; when the log no longer reaches back
	 * that far, the index is rebuilt in the background.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void catchUp(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof org.springframework.boot.web.server.context.WebServerApplicationContext)
				|| !signals.isClustered()) {
			return; // commands leave the index alone; on SQLite nothing changed while the node was stopped
		}
		java.util.Optional<java.time.Instant> appliedAt = search.index().appliedAt();
		if (appliedAt.isEmpty()) {
			return; // a new index: rebuilt from the archive by LuceneSearch
		}
		java.util.Optional<List<String>> missed = signals.since(CHANNEL, appliedAt.get());
		if (missed.isPresent()) {
			missed.get().forEach(this::queue);
			if (!missed.get().isEmpty()) {
				log.info("Search index: catching up on {} changes made since {}", missed.get().size(), appliedAt.get());
			}
			return;
		}
		log.info("Search index: last updated {}, longer ago than the signal log reaches: rebuilding in the background",
				appliedAt.get());
		Thread thread = new Thread(() -> {
			try {
				search.rebuild((done, total) -> {
				});
			}
			catch (RuntimeException ex) {
				log.warn("Search index rebuild failed: {}", ex.toString());
			}
		}, "search-rebuild");
		thread.setDaemon(true);
		thread.start();
	}

	private void queue(String payload) {
		String[] parts = payload.split(" ");
		queue.add(new Change(Long.parseLong(parts[0]), parts[1].equals("index")));
	}

	private void signal(long articleId, boolean published) {
		signals.publish(CHANNEL, articleId + (published ? " index" : " remove"));
	}

	/** An article to index again (published) or to remove. */
	record Change(long articleId, boolean published) {
	}

	@EventListener
	void on(ArticlePublished event) {
		signal(event.articleId(), true);
	}

	@EventListener
	void on(ArticleUnpublished event) {
		signal(event.articleId(), false);
	}

	@EventListener
	void on(ArticleNoteAdded event) {
		signal(event.articleId(), true);
	}

	/** Whether every change queued so far has been applied. */
	boolean isIdle() {
		return queue.isEmpty() && !busy;
	}

	private volatile boolean busy;

	private void work() {
		while (running) {
			try {
				Change first = queue.poll(1, TimeUnit.SECONDS);
				if (first == null) {
					continue;
				}
				busy = true;
				List<Change> batch = new ArrayList<>();
				batch.add(first);
				queue.drainTo(batch, SearchIndex.BATCH - 1);
				apply(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Search index update failed: {}", ex.toString());
			}
			finally {
				busy = false;
			}
		}
	}

	private void apply(List<Change> batch) {
		Map<Long, Boolean> latest = new LinkedHashMap<>();
		batch.forEach(c -> latest.put(c.articleId(), c.published()));
		List<Long> toIndex = latest.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
		List<Article> articles = toIndex.isEmpty() ? List.of() : archive.published(toIndex);
		List<Long> removed = new ArrayList<>(latest.keySet());
		articles.forEach(a -> removed.remove(a.summary().id())); // not live (any more): out of the index
		try {
			search.index().apply(articles, removed);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Override
	public void start() {
		running = true;
		worker = new Thread(this::work, "search-indexer");
		worker.setDaemon(true);
		worker.start();
	}

	@Override
	public void stop() {
		running = false;
		Thread thread = worker;
		if (thread != null) {
			thread.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

}
