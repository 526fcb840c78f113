package org.masthead.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.masthead.content.Article;
import org.masthead.content.ArticleArchive;

/**
 * The index on disk: one writer, and a searcher manager that makes changes visible without a
 * commit (near-real-time). Changes are committed after each batch, so a restart keeps them.
 */
final class SearchIndex implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

	static final int BATCH = 500;

	private final Directory directory;

	private final Analyzer analyzer = ArticleDocuments.analyzer();

	private final IndexWriter writer;

	private final SearcherManager searchers;

	/** While a rebuild runs, readers keep the old view: nothing is refreshed until it is done. */
	private volatile boolean rebuilding;

	SearchIndex(Path path) {
		try {
			Files.createDirectories(path);
			this.directory = FSDirectory.open(path);
			IndexWriterConfig config = new IndexWriterConfig(analyzer);
			config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
			config.setRAMBufferSizeMB(32);
			this.writer = new IndexWriter(directory, config);
			if (writer.getDocStats().numDocs == 0) { // an empty index is of the current version
				writer.setLiveCommitData(java.util.Map.of("schema", ArticleDocuments.SCHEMA).entrySet());
			}
			this.searchers = new SearcherManager(writer, null);
		}
		catch (LockObtainFailedException ex) {
			throw new IllegalStateException("The search index in " + path
					+ " is in use by another process (is Masthead running on this data directory?): " + ex.getMessage());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open the search index in " + path, ex);
		}
	}

	Analyzer analyzer() {
		return analyzer;
	}

	IndexSearcher acquire() throws IOException {
		return searchers.acquire();
	}

	void release(IndexSearcher searcher) throws IOException {
		searchers.release(searcher);
	}

	/** Adds or replaces these articles and removes those ids; visible to searches when it returns. */
	synchronized void apply(Collection<Article> published, Collection<Long> removed) throws IOException {
		for (Article article : published) {
			writer.updateDocument(ArticleDocuments.idTerm(article.summary().id()), ArticleDocuments.document(article));
		}
		for (Long id : removed) {
			writer.deleteDocuments(ArticleDocuments.idTerm(id));
		}
		if (!rebuilding) {
			writer.setLiveCommitData(commitData(commitValue("schema"), System.currentTimeMillis()).entrySet());
			writer.commit();
			searchers.maybeRefreshBlocking();
		}
	}

	/**
	 * When the last change was applied (and committed), so a node that restarts knows from when
	 * on it may have missed changes; empty for an index that never had one.
	 */
	java.util.Optional<java.time.Instant> appliedAt() {
		String value = commitValue("applied-at");
		return value == null ? java.util.Optional.empty()
				: java.util.Optional.of(java.time.Instant.ofEpochMilli(Long.parseLong(value)));
	}

	private static java.util.Map<String, String> commitData(String schema, long appliedAt) {
		java.util.Map<String, String> data = new java.util.HashMap<>();
		if (schema != null) {
			data.put("schema", schema);
		}
		data.put("applied-at", Long.toString(appliedAt));
		return data;
	}

	private String commitValue(String key) {
		Iterable<java.util.Map.Entry<String, String>> data = writer.getLiveCommitData();
		if (data != null) {
			for (java.util.Map.Entry<String, String> entry : data) {
				if (entry.getKey().equals(key)) {
					return entry.getValue();
				}
			}
		}
		return null;
	}

	/** Whether the index was last rebuilt by this version's way of making documents. */
	boolean isCurrentSchema() {
		Iterable<java.util.Map.Entry<String, String>> data = writer.getLiveCommitData();
		if (data != null) {
			for (java.util.Map.Entry<String, String> entry : data) {
				if (entry.getKey().equals("schema")) {
					return entry.getValue().equals(ArticleDocuments.SCHEMA);
				}
			}
		}
		return false;
	}

	long count() {
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				return searcher.getIndexReader().numDocs();
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Replaces the whole index with the archive's articles. Updates that arrive meanwhile go into the
	 * same writer and survive, since every article is written by its id.
	 */
	long rebuild(ArticleArchive archive, long total, BiConsumer<Long, Long> progress) throws IOException {
		long started = System.currentTimeMillis();
		synchronized (this) {
			rebuilding = true;
			writer.deleteAll();
		}
		long done = 0;
		try {
			long after = 0;
			while (true) {
				List<Article> batch = archive.publishedAfter(after, BATCH);
				if (batch.isEmpty()) {
					break;
				}
				synchronized (this) {
					for (Article article : batch) {
						writer.updateDocument(ArticleDocuments.idTerm(article.summary().id()),
								ArticleDocuments.document(article));
					}
				}
				after = batch.get(batch.size() - 1).summary().id();
				done += batch.size();
				progress.accept(done, Math.max(total, done));
			}
		}
		finally {
			synchronized (this) {
				rebuilding = false;
				writer.forceMerge(1); // one segment: the fastest searches, and rebuilds are rare
				writer.setLiveCommitData(commitData(ArticleDocuments.SCHEMA, started).entrySet());
				writer.commit();
				searchers.maybeRefreshBlocking();
			}
		}
		return done;
	}

	@Override
	public void close() {
		try {
			searchers.close();
			writer.close();
			directory.close();
		}
		catch (IOException ex) {
			log.warn("Closing the search index: {}", ex.toString());
		}
	}

}
