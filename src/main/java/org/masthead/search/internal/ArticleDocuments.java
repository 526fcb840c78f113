package org.masthead.search.internal;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.jsoup.Jsoup;

import org.masthead.content.Article;
import org.masthead.content.ArticleSummary;
import org.masthead.content.Refs.AuthorRef;

/**
 * How an article becomes a Lucene document: headline, dek and body text analysed in English
 * (stemmed, stop words dropped), section and author slugs as exact terms for filters, the
 * publication time as a point (date filters) and doc value (newest-first sort).
 */
final class ArticleDocuments {

	static final String ID = "id";

	static final String SLUG = "slug";

	static final String HEADLINE = "headline";

	static final String DEK = "dek";

	static final String BODY = "body";

	static final String SECTION = "section";

	static final String SECTION_NAME = "section_name";

	static final String AUTHOR = "author";

	static final String AUTHOR_NAME = "author_name";

	static final String PUBLISHED = "published";

	/**
	 * Headline, dek and body in one field, for matching: one posting list per word instead of three
	 * keeps common words cheap on a large archive. The headline is in it twice, so a match there
	 * counts for more.
	 */
	static final String TEXT = "text";

	/** Changes whenever documents are made differently; an index of another version is rebuilt. */
	static final String SCHEMA = "3";

	/** Stored with offsets, so snippets are cut from the postings without analysing the text again. */
	private static final FieldType TEXT_WITH_OFFSETS = new FieldType(TextField.TYPE_STORED);

	static {
		TEXT_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
		TEXT_WITH_OFFSETS.freeze();
	}

	private ArticleDocuments() {
	}

	static Analyzer analyzer() {
		Analyzer keyword = new KeywordAnalyzer();
		Analyzer english = new EnglishAnalyzer();
		Analyzer gapped = new AnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {

			@Override
			protected Analyzer getWrappedAnalyzer(String fieldName) {
				return english;
			}

			@Override
			public int getPositionIncrementGap(String fieldName) {
				return 100;
			}

		};
		return new PerFieldAnalyzerWrapper(english, Map.of(ID, keyword, SECTION, keyword, AUTHOR, keyword, TEXT, gapped));
	}

	static Term idTerm(long articleId) {
		return new Term(ID, Long.toString(articleId));
	}

	static Document document(Article article) {
		ArticleSummary s = article.summary();
		Document doc = new Document();
		doc.add(new StringField(ID, Long.toString(s.id()), Field.Store.YES));
		doc.add(new StoredField(SLUG, s.slug()));
		doc.add(new StoredField(HEADLINE, s.headline()));
		if (s.dek() != null) {
			doc.add(new StoredField(DEK, s.dek()));
		}
		String body = text(article.bodyHtml());
		doc.add(new Field(BODY, body, TEXT_WITH_OFFSETS));
		// separate values, kept apart by the analyzer's position gap: a phrase never spans two of them
		doc.add(new TextField(TEXT, s.headline(), Field.Store.NO));
		doc.add(new TextField(TEXT, s.headline(), Field.Store.NO));
		if (s.dek() != null) {
			doc.add(new TextField(TEXT, s.dek(), Field.Store.NO));
		}
		doc.add(new TextField(TEXT, body, Field.Store.NO));
		if (s.section() != null) {
			doc.add(new StringField(SECTION, s.section().slug(), Field.Store.NO));
			doc.add(new StoredField(SECTION_NAME, s.section().name()));
		}
		for (AuthorRef author : s.authors()) {
			doc.add(new StringField(AUTHOR, author.slug(), Field.Store.NO));
			doc.add(new StoredField(AUTHOR_NAME, author.name()));
		}
		long published = s.publishedAt().toEpochMilli();
		doc.add(new LongPoint(PUBLISHED, published));
		doc.add(new NumericDocValuesField(PUBLISHED, published));
		doc.add(new StoredField(PUBLISHED, published));
		return doc;
	}

	/** The words of a body: tags dropped, related-article placeholders and all. */
	static String text(String html) {
		return Jsoup.parse(html).text();
	}

}
