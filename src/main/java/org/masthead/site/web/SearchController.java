package org.masthead.site.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.masthead.content.ArticleArchive;
import org.masthead.content.AuthorProfile;
import org.masthead.content.ArticleCatalog;
import org.masthead.content.Section;
import org.masthead.search.Search;
import org.masthead.search.SearchProperties;
import org.masthead.search.SearchQuery;
import org.masthead.search.SearchResults;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /search?q=}: results with snippets, filters by section, author and dates, sorted by
 * relevance or date. Whatever a reader sends gets a results page; what cannot be used is ignored
 * with a note saying so. Search pages are never cached nor indexed by search engines.
 */
@Controller
class SearchController {

	private static final Set<String> PARAMETERS = Set.of("q", "section", "author", "from", "to", "sort", "page");

	private static final Pattern PAGE = Pattern.compile("[1-9][0-9]{0,4}");

	private final Search search;

	private final ArticleCatalog catalog;

	private final ArticleArchive archive;

	private final ChromeFactory chrome;

	private final int pageSize;

	SearchController(Search search, ArticleCatalog catalog, ArticleArchive archive, ChromeFactory chrome,
			SearchProperties properties) {
		this.search = search;
		this.catalog = catalog;
		this.archive = archive;
		this.chrome = chrome;
		this.pageSize = properties.pageSize();
	}

	@GetMapping("/search")
	String search(HttpServletRequest request, Model model) {
		Map<String, String[]> params = request.getParameterMap();
		List<String> notes = new ArrayList<>();
		params.keySet().stream().filter(p -> !PARAMETERS.contains(p)).sorted().limit(5)
			.forEach(p -> notes.add("We ignored “" + shorten(p) + "”, which is not something search can filter by."));
		String q = first(params, "q");
		List<Section> sections = catalog.sections();
		List<AuthorProfile> authors = archive.authors();
		String section = first(params, "section");
		if (section != null && sections.stream().noneMatch(s -> s.slug().equals(section))) {
			notes.add("There is no section “" + shorten(section) + "”, so we searched all sections.");
		}
		String author = first(params, "author");
		if (author != null && authors.stream().noneMatch(a -> a.slug().equals(author))) {
			notes.add("There is no author “" + shorten(author) + "”, so we searched all authors.");
		}
		LocalDate from = date(first(params, "from"), "from", notes);
		LocalDate to = date(first(params, "to"), "to", notes);
		if (from != null && to != null && from.isAfter(to)) {
			notes.add("The first date was after the last, so we swapped them.");
			LocalDate swap = from;
			from = to;
			to = swap;
		}
		String sortParam = first(params, "sort");
		SearchQuery.Sort sort = "newest".equals(sortParam) ? SearchQuery.Sort.NEWEST : SearchQuery.Sort.RELEVANCE;
		if (sortParam != null && !sortParam.equals("newest") && !sortParam.equals("relevance")) {
			notes.add("Results can be sorted by relevance or by date; we sorted them by relevance.");
		}
		String pageParam = first(params, "page");
		int page = pageParam != null && PAGE.matcher(pageParam).matches() ? Integer.parseInt(pageParam) : 1;
		String sectionFilter = section != null && sections.stream().anyMatch(s -> s.slug().equals(section)) ? section : null;
		String authorFilter = author != null && authors.stream().anyMatch(a -> a.slug().equals(author)) ? author : null;
		SearchQuery query = new SearchQuery(q, sectionFilter, authorFilter, from, to, sort, page, pageSize);
		SearchResults results = search.search(query);
		notes.addAll(results.notes());

		Chrome c = chrome.chrome();
		String title = q == null || q.isBlank() ? "Search" : "Search: " + shorten(q.strip());
		model.addAttribute("chrome", c);
		model.addAttribute("meta", new Meta(title + " — " + c.siteName(), null, null, "website", null, null, true));
		model.addAttribute("view", new SearchView(q == null ? "" : q, query, results, List.copyOf(notes), sections, authors));
		return "search";
	}

	private static String first(Map<String, String[]> params, String name) {
		String[] values = params.get(name);
		if (values == null || values.length == 0 || values[0] == null || values[0].isBlank()) {
			return null;
		}
		return values[0].strip();
	}

	private static LocalDate date(String text, String name, List<String> notes) {
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
		}
		catch (DateTimeParseException ex) {
			notes.add("“" + shorten(text) + "” is not a date we can read (use 2025-06-30), so we ignored it.");
			return null;
		}
	}

	private static String shorten(String text) {
		String clean = text.replaceAll("\\p{Cntrl}", " ");
		return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
	}

}
