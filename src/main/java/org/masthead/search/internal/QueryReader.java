package org.masthead.search.internal;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Turns what a reader typed into a Lucene query over an article's words: every word must
 * match (stemmed), "quoted words" are a phrase, {@code -word} and {@code OR} work. Text the query
 * syntax cannot read (a lone quote, a wildcard alone, a stray bracket) is searched as plain words.
 */
final class QueryReader {

	/** What came out: the query, or null when no searchable word was left, and whether syntax was dropped. */
	record Read(Query query, boolean plainWords) {
	}

	private final Analyzer analyzer;

	QueryReader(Analyzer analyzer) {
		this.analyzer = analyzer;
	}

	Read read(String text) {
		try {
			Query query = parser().parse(text);
			if (!isEmpty(query)) {
				return new Read(query, false);
			}
		}
		catch (ParseException | RuntimeException ex) {
			// not query syntax: searched as words below
		}
		try {
			Query plain = parser().parse(QueryParser.escape(text));
			return new Read(isEmpty(plain) ? null : plain, true);
		}
		catch (ParseException | RuntimeException ex) {
			return new Read(null, true);
		}
	}

	private QueryParser parser() {
		QueryParser parser = new QueryParser(ArticleDocuments.TEXT, analyzer);
		parser.setDefaultOperator(QueryParser.Operator.AND);
		parser.setAllowLeadingWildcard(false);
		parser.setSplitOnWhitespace(true);
		parser.setAutoGeneratePhraseQueries(true);
		return parser;
	}

	private static boolean isEmpty(Query query) {
		return query == null || query instanceof MatchNoDocsQuery
				|| (query instanceof BooleanQuery bq && bq.clauses().isEmpty());
	}

}
