package org.masthead.site.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.masthead.content.ArticleArchive;
import org.masthead.content.ArticleArchive.ArticleFilter;
import org.masthead.content.ArticleCatalog;
import org.masthead.content.ArticleSummary;
import org.masthead.content.AuthorProfile;
import org.masthead.content.CuratedList;
import org.masthead.content.Page;
import org.masthead.content.Section;
import org.masthead.content.Tag;
import org.masthead.newsfeed.NewsFeed;
import org.masthead.newsfeed.NewsFeedItem;
import org.masthead.platform.MastheadProperties;
import org.masthead.site.api.ContentApiModels.ArticleOut;
import org.masthead.site.api.ContentApiModels.AuthorOut;
import org.masthead.site.api.ContentApiModels.NewsFeedItemOut;
import org.masthead.site.api.ContentApiModels.SectionOut;
import org.masthead.site.api.ContentApiModels.TagOut;
import org.masthead.site.api.ContentApiModels.UrlMaker;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public, read-only Content API: published articles (filtered by section, tag, author and
 * dates), authors, tags, sections, news feed items and curated lists, in pages, with
 * {@code fields=} to choose what each item carries. Anything out of range is a 400 problem, never
 * a guess. Its OpenAPI document is {@code /api/content/openapi.json}.
 */
@RestController
@RequestMapping(path = "/api/content", produces = "application/json")
class ContentApiController {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,200}");

	private static final Set<String> PAGING = Set.of("page", "size", "fields");

	private final ArticleCatalog catalog;

	private final ArticleArchive archive;

	private final NewsFeed newsFeed;

	private final UrlMaker urls;

	private final ZoneId zone;

	private final JsonMapper json = JsonMapper.builder().build();

	ContentApiController(ArticleCatalog catalog, ArticleArchive archive, NewsFeed newsFeed, MastheadProperties properties) {
		this.catalog = catalog;
		this.archive = archive;
		this.newsFeed = newsFeed;
		this.urls = properties.site()::absolute;
		this.zone = properties.site().timeZone();
	}

	@GetMapping("/articles")
	JsonNode articles(HttpServletRequest request) {
		Map<String, String> params = params(request, "section", "tag", "author", "from", "to");
		Long section = params.containsKey("section")
				? catalog.section(slug(params, "section")).map(Section::id).orElseThrow(() -> unknown("section", params))
				: null;
		Long tag = params.containsKey("tag")
				? catalog.tag(slug(params, "tag")).map(Tag::id).orElseThrow(() -> unknown("tag", params)) : null;
		Long author = params.containsKey("author")
				? catalog.author(slug(params, "author")).map(AuthorProfile::id).orElseThrow(() -> unknown("author", params))
				: null;
		Instant from = date(params, "from", 0);
		Instant to = date(params, "to", 1);
		if (from != null && to != null && !from.isBefore(to)) {
			throw ContentApiProblem.badParameter("\"from\" must be before \"to\".");
		}
		int page = number(params, "page", 1, 1, 100_000);
		int size = number(params, "size", 20, 1, 100);
		Page<ArticleSummary> result = archive.find(new ArticleFilter(section, tag, author, from, to), page, size);
		return page(result, s -> ArticleOut.of(s, urls), fields(params, ArticleOut.class));
	}

	@GetMapping("/articles/{slug}")
	JsonNode article(@PathVariable String slug, HttpServletRequest request) {
		Map<String, String> params = params(request);
		return select(catalog.article(checkSlug(slug)).map(a -> ArticleOut.of(a, urls))
			.orElseThrow(() -> ContentApiProblem.notFound("No published article has the slug \"" + slug + "\".")),
				fields(params, ArticleOut.class));
	}

	@GetMapping("/authors")
	JsonNode authors(HttpServletRequest request) {
		Map<String, String> params = params(request);
		return list(archive.authors().stream().map(a -> AuthorOut.of(a, urls)).toList(), params, AuthorOut.class);
	}

	@GetMapping("/authors/{slug}")
	JsonNode author(@PathVariable String slug, HttpServletRequest request) {
		Map<String, String> params = params(request);
		return select(catalog.author(checkSlug(slug)).map(a -> AuthorOut.of(a, urls))
			.orElseThrow(() -> ContentApiProblem.notFound("No author has the slug \"" + slug + "\".")),
				fields(params, AuthorOut.class));
	}

	@GetMapping("/tags")
	JsonNode tags(HttpServletRequest request) {
		Map<String, String> params = params(request);
		return list(archive.tags().stream().map(t -> TagOut.of(t, urls)).toList(), params, TagOut.class);
	}

	@GetMapping("/tags/{slug}")
	JsonNode tag(@PathVariable String slug, HttpServletRequest request) {
		Map<String, String> params = params(request);
		return select(catalog.tag(checkSlug(slug)).map(t -> TagOut.of(t, urls))
			.orElseThrow(() -> ContentApiProblem.notFound("No tag has the slug \"" + slug + "\".")), fields(params, TagOut.class));
	}

	@GetMapping("/sections")
	JsonNode sections(HttpServletRequest request) {
		Map<String, String> params = params(request);
		return list(catalog.sections().stream().map(s -> SectionOut.of(s, urls)).toList(), params, SectionOut.class);
	}

	@GetMapping("/news-feed")
	JsonNode newsFeed(HttpServletRequest request) {
		Map<String, String> params = params(request);
		int page = number(params, "page", 1, 1, 100_000);
		int size = number(params, "size", 20, 1, 100);
		Page<NewsFeedItem> result = newsFeed.page(page, size);
		return page(result, i -> NewsFeedItemOut.of(i, urls), fields(params, NewsFeedItemOut.class));
	}

	@GetMapping("/news-feed/{id}")
	JsonNode newsFeedItem(@PathVariable String id, HttpServletRequest request) {
		Map<String, String> params = params(request);
		long itemId;
		try {
			itemId = Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw ContentApiProblem.badParameter("A news feed item's id is a number.");
		}
		return select(newsFeed.item(itemId).map(i -> NewsFeedItemOut.of(i, urls))
			.orElseThrow(() -> ContentApiProblem.notFound("No news feed item " + itemId + ".")),
				fields(params, NewsFeedItemOut.class));
	}

	@GetMapping("/lists/{slug}")
	JsonNode list(@PathVariable String slug, HttpServletRequest request) {
		Map<String, String> params = params(request);
		CuratedList list = Arrays.stream(CuratedList.values()).filter(l -> l.slug().equals(slug)).findFirst()
			.orElseThrow(() -> ContentApiProblem.notFound("No curated list \"" + slug + "\": there are "
					+ String.join(" and ", Arrays.stream(CuratedList.values()).map(CuratedList::slug).toList()) + "."));
		int size = number(params, "size", 20, 1, 100);
		Set<String> fields = fields(params, ArticleOut.class);
		ObjectNode out = json.createObjectNode();
		out.put("slug", list.slug());
		ArrayNode items = out.putArray("items");
		catalog.curated(list, size).forEach(s -> items.add(select(ArticleOut.of(s, urls), fields)));
		return out;
	}

	/** The query parameters, each once; a parameter this endpoint does not know is a 400. */
	private static Map<String, String> params(HttpServletRequest request, String... allowed) {
		Set<String> known = new LinkedHashSet<>(PAGING);
		known.addAll(List.of(allowed));
		Map<String, String> params = new java.util.HashMap<>();
		for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
			if (!known.contains(e.getKey())) {
				throw new ContentApiProblem(org.springframework.http.HttpStatus.BAD_REQUEST, "request.unknown-parameter",
						"Unknown parameter \"" + shorten(e.getKey()) + "\"; this endpoint reads " + String.join(", ", known) + ".");
			}
			if (e.getValue().length != 1) {
				throw ContentApiProblem.badParameter("\"" + e.getKey() + "\" is given more than once.");
			}
			params.put(e.getKey(), e.getValue()[0]);
		}
		return params;
	}

	private static int number(Map<String, String> params, String name, int fallback, int min, int max) {
		String value = params.get(name);
		if (value == null) {
			return fallback;
		}
		try {
			int n = Integer.parseInt(value.strip());
			if (n >= min && n <= max) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw ContentApiProblem.badParameter("\"" + name + "\" must be a whole number from " + min + " to " + max + ".");
	}

	/** A day (newsroom time zone) or an instant; {@code plusDays} 1 makes a day inclusive as an upper bound. */
	private Instant date(Map<String, String> params, String name, int plusDays) {
		String value = params.get(name);
		if (value == null) {
			return null;
		}
		try {
			if (value.length() == 10) {
				return LocalDate.parse(value).plusDays(plusDays).atStartOfDay(zone).toInstant();
			}
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw ContentApiProblem.badParameter("\"" + name + "\" must be a date (2025-06-30) or an instant (2025-06-30T12:00:00Z).");
		}
	}

	private static String slug(Map<String, String> params, String name) {
		String value = params.get(name);
		if (!SLUG.matcher(value).matches()) {
			throw ContentApiProblem.badParameter("\"" + name + "\" must be a slug: lower-case letters, digits and dashes.");
		}
		return value;
	}

	private static String checkSlug(String slug) {
		if (!SLUG.matcher(slug).matches()) {
			throw ContentApiProblem.badParameter("A slug has lower-case letters, digits and dashes only.");
		}
		return slug;
	}

	private static ContentApiProblem unknown(String name, Map<String, String> params) {
		return ContentApiProblem.badParameter("There is no " + name + " \"" + shorten(params.get(name)) + "\".");
	}

	/** The fields asked for with {@code fields=a,b}; empty means all. A field the item does not have is a 400. */
	private static Set<String> fields(Map<String, String> params, Class<? extends Record> type) {
		String value = params.get("fields");
		if (value == null || value.isBlank()) {
			return Set.of();
		}
		Set<String> known = new LinkedHashSet<>();
		Arrays.stream(type.getRecordComponents()).forEach(c -> known.add(c.getName()));
		Set<String> wanted = new LinkedHashSet<>();
		for (String field : value.split(",")) {
			String f = field.strip();
			if (!known.contains(f)) {
				throw new ContentApiProblem(org.springframework.http.HttpStatus.BAD_REQUEST, "request.unknown-field",
						"Unknown field \"" + shorten(f) + "\"; choose from " + String.join(", ", known) + ".");
			}
			wanted.add(f);
		}
		return wanted;
	}

	private <T, R> JsonNode page(Page<T> page, Function<T, R> out, Set<String> fields) {
		ObjectNode node = json.createObjectNode();
		ArrayNode items = node.putArray("items");
		page.items().forEach(item -> items.add(select(out.apply(item), fields)));
		node.put("page", page.number());
		node.put("size", page.size());
		node.put("totalItems", page.totalItems());
		node.put("totalPages", page.totalPages());
		return node;
	}

	private <R> JsonNode list(List<R> all, Map<String, String> params, Class<? extends Record> type) {
		int page = number(params, "page", 1, 1, 100_000);
		int size = number(params, "size", 100, 1, 100);
		List<R> slice = all.stream().skip((long) (page - 1) * size).limit(size).toList();
		return page(new Page<>(slice, page, size, all.size()), Function.identity(), fields(params, type));
	}

	/** The item as JSON without its empty fields, only the chosen ones when some are. */
	private ObjectNode select(Object item, Set<String> fields) {
		ObjectNode node = json.valueToTree(item);
		List<String> names = node.propertyNames().stream().toList();
		for (String name : names) {
			if (node.get(name).isNull() || (!fields.isEmpty() && !fields.contains(name))) {
				node.remove(name);
			}
		}
		return node;
	}

	private static String shorten(String text) {
		String clean = text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
		return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
	}

}
