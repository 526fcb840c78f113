package org.masthead.site.web;

import java.util.List;

import org.masthead.content.AuthorProfile;
import org.masthead.content.Section;
import org.masthead.search.SearchQuery;
import org.masthead.search.SearchResults;

/**
 * What the search page shows.
 *
 * @param text the query as typed, for the search box
 */
public record SearchView(String text, SearchQuery query, SearchResults results, List<String> notes,
		List<Section> sections, List<AuthorProfile> authors) {

	/** The address of another page of the same search. */
	public String pagePath(int number) {
		StringBuilder path = new StringBuilder("/search?q=").append(encode(text));
		if (query.section() != null) {
			path.append("&section=").append(encode(query.section()));
		}
		if (query.author() != null) {
			path.append("&author=").append(encode(query.author()));
		}
		if (query.from() != null) {
			path.append("&from=").append(query.from());
		}
		if (query.to() != null) {
			path.append("&to=").append(query.to());
		}
		if (query.sort() == SearchQuery.Sort.NEWEST) {
			path.append("&sort=newest");
		}
		return path.append("&page=").append(number).toString();
	}

	public boolean isNewest() {
		return query.sort() == SearchQuery.Sort.NEWEST;
	}

	public String text() {
		return text.length() > 200 ? text.substring(0, 200) : text;
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value.length() > 200 ? value.substring(0, 200) : value,
				java.nio.charset.StandardCharsets.UTF_8);
	}

}

