package org.masthead.search.internal;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
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

	/** Text fields and how much a match in each counts. */
	static final Map<String, Float> BOOSTS = Map.of(HEADLINE, 3f, DEK, 2f, BODY, 1f);

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
		return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(),
				Map.of(ID, keyword, SECTION, keyword, AUTHOR, keyword));
	}

	static Term idTerm(long articleId) {
		return new Term(ID, Long.toString(articleId));
	}

	static Document document(Article article) {
		ArticleSummary s = article.summary();
		Document doc = new Document();
		doc.add(new StringField(ID, Long.toString(s.id()), Field.Store.YES));
		doc.add(new StoredField(SLUG, s.slug()));
		doc.add(new Field(HEADLINE, s.headline(), TEXT_WITH_OFFSETS));
		if (s.dek() != null) {
			doc.add(new Field(DEK, s.dek(), TEXT_WITH_OFFSETS));
		}
		doc.add(new Field(BODY, text(article.bodyHtml()), TEXT_WITH_OFFSETS));
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
