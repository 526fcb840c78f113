package org.masthead.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.HtmlUtils;

import org.masthead.content.ArticleArchive;
import org.masthead.content.ArticleCatalog;
import org.masthead.platform.MastheadProperties;
import org.masthead.search.Search;
import org.masthead.search.SearchProperties;
import org.masthead.search.SearchQuery;
import org.masthead.search.SearchResults;
import org.masthead.search.SearchResults.Hit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/** Searches the index in {@code ${masthead.data-dir}/search}; see {@link QueryReader} for what a query means. */
@Service
class LuceneSearch implements Search, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(LuceneSearch.class);

	/** Results beyond this many are not paged to: a reader refines the query instead. */
	static final int MAX_RESULTS = 1000;

	private static final Set<String> STORED = Set.of(ArticleDocuments.ID, ArticleDocuments.SLUG, ArticleDocuments.HEADLINE,
			ArticleDocuments.DEK, ArticleDocuments.SECTION_NAME, ArticleDocuments.AUTHOR_NAME, ArticleDocuments.PUBLISHED);

	private final java.nio.file.Path path;

	/** Opened on first use: commands that never search (admin ...) must not need the index's lock. */
	private volatile SearchIndex index;

	private volatile QueryReader reader;

	private final ArticleArchive archive;

	private final ArticleCatalog catalog;

	private final SearchProperties properties;

	private final ZoneId zone;

	private final AtomicBoolean rebuilding = new AtomicBoolean();

	LuceneSearch(MastheadProperties masthead, SearchProperties properties, ArticleArchive archive, ArticleCatalog catalog) {
		this.path = masthead.dataDir().resolve("search");
		this.archive = archive;
		this.catalog = catalog;
		this.properties = properties;
		this.zone = masthead.site().timeZone();
	}

	SearchIndex index() {
		SearchIndex open = index;
		if (open == null) {
			synchronized (this) {
				open = index;
				if (open == null) {
					open = new SearchIndex(path);
					reader = new QueryReader(open.analyzer());
					index = open;
				}
			}
		}
		return open;
	}

	@Override
	public SearchResults search(SearchQuery query) {
		List<String> notes = new ArrayList<>();
		int size = Math.max(1, Math.min(50, query.size()));
		int page = Math.max(1, query.page());
		if (page * size > MAX_RESULTS) {
			notes.add("Only the first " + MAX_RESULTS + " results can be shown. Add words to narrow the search.");
			page = MAX_RESULTS / size;
		}
		String text = query.text() == null ? "" : query.text().strip();
		if (text.length() > properties.maxQueryLength()) {
			text = text.substring(0, properties.maxQueryLength());
			notes.add("Your search was long, so we used only its first " + properties.maxQueryLength() + " characters.");
		}
		if (text.isEmpty()) {
			return SearchResults.empty(page, size, notes);
		}
		SearchIndex index = index();
		QueryReader.Read read = reader.read(text);
		if (read.query() == null) {
			notes.add("Type a word or two to search for: a search made only of symbols or very common words finds nothing.");
			return SearchResults.empty(page, size, notes);
		}
		if (read.plainWords()) {
			notes.add("Some characters in your search have a special meaning we could not read, so we searched for the words alone.");
		}
		Query filtered = filter(read.query(), query);
		try {
			IndexSearcher searcher = index.acquire();
			try {
				return results(index, searcher, filtered, read.query(), query.sort(), page, size, notes);
			}
			finally {
				index.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			// e.g. a regular expression too complex to run: answer with nothing rather than an error
			log.debug("Search for '{}' failed: {}", text, ex.toString());
			notes.add("We could not run this search. Try simpler words.");
			return SearchResults.empty(page, size, notes);
		}
	}

	private Query filter(Query words, SearchQuery query) {
		BooleanQuery.Builder builder = new BooleanQuery.Builder().add(words, Occur.MUST);
		if (query.section() != null) {
			builder.add(new TermQuery(new Term(ArticleDocuments.SECTION, query.section())), Occur.FILTER);
		}
		if (query.author() != null) {
			builder.add(new TermQuery(new Term(ArticleDocuments.AUTHOR, query.author())), Occur.FILTER);
		}
		if (query.from() != null || query.to() != null) {
			long from = query.from() == null ? Long.MIN_VALUE : query.from().atStartOfDay(zone).toInstant().toEpochMilli();
			long to = query.to() == null ? Long.MAX_VALUE
					: query.to().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli() - 1;
			builder.add(LongPoint.newRangeQuery(ArticleDocuments.PUBLISHED, from, to), Occur.FILTER);
		}
		return builder.build();
	}

	private SearchResults results(SearchIndex index, IndexSearcher searcher, Query query, Query words, SearchQuery.Sort sort, int page,
			int size, List<String> notes) throws IOException {
		int wanted = page * size;
		TopDocs top = sort == SearchQuery.Sort.NEWEST
				? searcher.search(query, wanted, new Sort(new SortField(ArticleDocuments.PUBLISHED, SortField.Type.LONG, true)))
				: searcher.search(query, wanted);
		ScoreDoc[] docs = Arrays.copyOfRange(top.scoreDocs, Math.min(top.scoreDocs.length, (page - 1) * size),
				top.scoreDocs.length);
		int[] ids = Arrays.stream(docs).mapToInt(d -> d.doc).toArray();
		String[] snippets = snippets(index, searcher, words, ids);
		StoredFields stored = searcher.storedFields();
		List<Hit> hits = new ArrayList<>();
		for (int i = 0; i < ids.length; i++) {
			Document doc = stored.document(ids[i], STORED);
			String dek = doc.get(ArticleDocuments.DEK);
			String snippet = snippets[i] != null ? snippets[i] : dek != null ? HtmlUtils.htmlEscape(dek) : "";
			hits.add(new Hit(Long.parseLong(doc.get(ArticleDocuments.ID)), doc.get(ArticleDocuments.SLUG),
					doc.get(ArticleDocuments.HEADLINE), dek, snippet,
					Instant.ofEpochMilli(doc.getField(ArticleDocuments.PUBLISHED).numericValue().longValue()),
					doc.get(ArticleDocuments.SECTION_NAME), List.of(doc.getValues(ArticleDocuments.AUTHOR_NAME))));
		}
		long total = Math.min(top.totalHits.value, Integer.MAX_VALUE);
		return new SearchResults(hits, total, page, size, List.copyOf(notes));
	}

	/** A passage of each body with the matching words in {@code <mark>}, HTML-escaped; null where the body has none. */
	private String[] snippets(SearchIndex index, IndexSearcher searcher, Query words, int[] ids) throws IOException {
		if (ids.length == 0) {
			return new String[0];
		}
		UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, index.analyzer())
			.withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
			.withMaxLength(20_000)
			// passages end at full stops: the JDK's sentence rules cost more than the search itself
			.withBreakIterator(() -> new CustomSeparatorBreakIterator('.'))
			.withFieldMatcher(field -> ArticleDocuments.TEXT.equals(field) || ArticleDocuments.BODY.equals(field))
			.build();
		return highlighter.highlightFields(new String[] { ArticleDocuments.BODY }, words, ids.clone(), new int[] { 1 })
			.get(ArticleDocuments.BODY);
	}

	@Override
	public long indexedCount() {
		return index().count();
	}

	@Override
	public long rebuild(BiConsumer<Long, Long> progress) {
		if (!rebuilding.compareAndSet(false, true)) {
			throw new IllegalStateException("A rebuild of the search index is already running.");
		}
		try {
			long started = System.nanoTime();
			long done = index().rebuild(archive, catalog.publishedCount(), progress);
			log.info("Search index rebuilt: {} articles in {} ms", done, (System.nanoTime() - started) / 1_000_000);
			return done;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			rebuilding.set(false);
		}
	}

	/** An index that is missing or behind an archive that has articles is rebuilt in the background. */
	@EventListener(ApplicationReadyEvent.class)
	void rebuildIfEmpty(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof org.springframework.boot.web.server.context.WebServerApplicationContext)) {
			return; // commands (admin ..., search rebuild) leave the index alone
		}
		long indexed = index().count(); // a server opens its index at start, not at the first publication
		long published = catalog.publishedCount();
		boolean outdated = indexed > 0 && !index().isCurrentSchema();
		if (properties.rebuildOnStart() && (indexed == 0 || outdated) && published > 0) {
			Thread thread = new Thread(() -> {
				log.info("Search index is {} and {} articles are published: rebuilding in the background",
						outdated ? "of an older version" : "empty", published);
				try {
					rebuild((done, total) -> {
					});
				}
				catch (RuntimeException ex) {
					log.warn("Search index rebuild failed: {}", ex.toString());
				}
			}, "search-rebuild");
			thread.setDaemon(true);
			thread.start();
		}
	}

	@Override
	public void destroy() {
		SearchIndex open = index;
		if (open != null) {
			open.close();
		}
	}

}
