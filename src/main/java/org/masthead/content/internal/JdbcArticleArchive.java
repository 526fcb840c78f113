package org.masthead.content.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.masthead.content.Article;
import org.masthead.content.ArticleArchive;
import org.masthead.content.ArticleCatalog;
import org.masthead.content.ArticleSummary;
import org.masthead.content.AuthorProfile;
import org.masthead.content.Image;
import org.masthead.content.Page;
import org.masthead.content.Refs.TagRef;
import org.masthead.content.Tag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The archive in a few queries per batch, whatever its size; summaries come from {@link ArticleCatalog}. */
@Service
@Transactional(readOnly = true)
class JdbcArticleArchive implements ArticleArchive {

	/** Ids per {@code in (...)} list: well under SQLite's and PostgreSQL's limits on bound parameters. */
	private static final int CHUNK = 500;

	private final JdbcClient jdbc;

	private final ArticleCatalog catalog;

	private final ImageRepository images;

	JdbcArticleArchive(JdbcClient jdbc, ArticleCatalog catalog, ImageRepository images) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.images = images;
	}

	@Override
	public List<Article> publishedAfter(long afterId, int limit) {
		return whole(jdbc.sql("""
				select article_id, slug, body_html, language, seo_title, seo_description from published_article
				where article_id > :after order by article_id limit :limit""")
			.param("after", afterId)
			.param("limit", limit));
	}

	@Override
	public List<Article> published(java.util.Collection<Long> articleIds) {
		List<Long> ids = List.copyOf(articleIds);
		List<Article> articles = new ArrayList<>();
		for (int i = 0; i < ids.size(); i += CHUNK) {
			articles.addAll(whole(jdbc.sql("""
					select article_id, slug, body_html, language, seo_title, seo_description from published_article
					where article_id in (:ids) order by article_id""")
				.param("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK)))));
		}
		return articles;
	}

	private List<Article> whole(JdbcClient.StatementSpec statement) {
		Map<String, String[]> rows = new LinkedHashMap<>();
		statement.query((rs, n) -> rows.put(rs.getString("slug"), new String[] { rs.getString("body_html"),
					rs.getString("language"), rs.getString("seo_title"), rs.getString("seo_description") }))
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<String, ArticleSummary> summaries = new HashMap<>();
		List<String> slugs = List.copyOf(rows.keySet());
		for (int i = 0; i < slugs.size(); i += CHUNK) {
			catalog.summaries(slugs.subList(i, Math.min(slugs.size(), i + CHUNK)))
				.forEach(s -> summaries.put(s.slug(), s));
		}
		List<Long> ids = summaries.values().stream().map(ArticleSummary::id).toList();
		Map<Long, List<TagRef>> tags = new HashMap<>();
		for (int i = 0; i < ids.size(); i += CHUNK) {
			jdbc.sql("""
					select pt.article_id, t.id, t.slug, t.name from published_tag pt join tag t on t.id = pt.tag_id
					where pt.article_id in (:ids) order by pt.article_id, pt.position""")
				.param("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK)))
				.query((rs, n) -> tags.computeIfAbsent(rs.getLong("article_id"), k -> new ArrayList<>())
					.add(new TagRef(rs.getLong("id"), rs.getString("slug"), rs.getString("name"))))
				.list();
		}
		List<Article> articles = new ArrayList<>();
		rows.forEach((slug, row) -> {
			ArticleSummary summary = summaries.get(slug);
			if (summary != null) {
				articles.add(new Article(summary, row[0], row[1], List.copyOf(tags.getOrDefault(summary.id(), List.of())),
						List.of(), row[2], row[3]));
			}
		});
		return articles;
	}

	@Override
	public Page<ArticleSummary> find(ArticleFilter filter, int page, int size) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		Map<String, Object> params = new HashMap<>();
		if (filter.sectionId() != null) {
			where.append(" and p.section_id = :section");
			params.put("section", filter.sectionId());
		}
		if (filter.tagId() != null) {
			where.append(" and exists (select 1 from published_tag pt where pt.article_id = p.article_id and pt.tag_id = :tag)");
			params.put("tag", filter.tagId());
		}
		if (filter.authorId() != null) {
			where.append(" and exists (select 1 from published_author pa where pa.article_id = p.article_id and pa.author_id = :author)");
			params.put("author", filter.authorId());
		}
		if (filter.from() != null) {
			where.append(" and p.published_at >= :from");
			params.put("from", Timestamp.from(filter.from()));
		}
		if (filter.to() != null) {
			where.append(" and p.published_at < :to");
			params.put("to", Timestamp.from(filter.to()));
		}
		long total = jdbc.sql("select count(*) from published_article p" + where).params(params).query(Long.class).single();
		List<String> slugs = jdbc.sql("select p.slug from published_article p" + where
				+ " order by p.published_at desc, p.article_id desc limit :limit offset :offset")
			.params(params)
			.param("limit", size)
			.param("offset", (long) (page - 1) * size)
			.query(String.class)
			.list();
		return new Page<>(inOrder(slugs, catalog.summaries(slugs), ArticleSummary::slug), page, size, total);
	}

	@Override
	public List<ArchiveEntry> entries(Instant from, Instant to, int offset, int limit) {
		record Row(long id, String slug, String headline, String language, Instant publishedAt, Instant updatedAt,
				Long heroId, String alt, String caption, String credit) {
		}
		List<Row> rows = jdbc.sql("""
				select article_id, slug, headline, language, published_at, updated_at, hero_image_id, hero_alt, hero_caption,
				  hero_credit from published_article where published_at >= :from and published_at < :to
				order by published_at, article_id limit :limit offset :offset""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> {
				long hero = rs.getLong("hero_image_id");
				Long heroId = rs.wasNull() ? null : hero;
				return new Row(rs.getLong("article_id"), rs.getString("slug"), rs.getString("headline"),
						rs.getString("language"), Times.read(rs, "published_at"), Times.read(rs, "updated_at"), heroId,
						rs.getString("hero_alt"), rs.getString("hero_caption"), rs.getString("hero_credit"));
			})
			.list();
		List<Long> heroIds = rows.stream().map(Row::heroId).filter(id -> id != null).distinct().toList();
		Map<Long, Image> heroes = new HashMap<>();
		for (int i = 0; i < heroIds.size(); i += CHUNK) {
			heroes.putAll(images.find(heroIds.subList(i, Math.min(heroIds.size(), i + CHUNK))));
		}
		return rows.stream().map(r -> {
			Image hero = r.heroId() == null ? null : heroes.get(r.heroId());
			return new ArchiveEntry(r.id(), r.slug(), r.headline(), r.language(), r.publishedAt(), r.updatedAt(),
					hero == null ? null : hero.withWords(r.alt(), r.caption(), r.credit()));
		}).toList();
	}

	@Override
	public long count(Instant from, Instant to) {
		return jdbc.sql("select count(*) from published_article where published_at >= :from and published_at < :to")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(Long.class)
			.single();
	}

	@Override
	public Optional<Instant> firstPublishedAt() {
		return jdbc.sql("select published_at from published_article order by published_at limit 1")
			.query((rs, n) -> Times.read(rs, "published_at"))
			.optional();
	}

	@Override
	public List<AuthorProfile> authors() {
		record Row(long id, String slug, String name, String jobTitle, String bio, Long photoId) {
		}
		List<Row> rows = jdbc.sql("select id, slug, name, job_title, bio, photo_id from author order by name, id")
			.query((rs, n) -> {
				long photo = rs.getLong("photo_id");
				return new Row(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("job_title"),
						rs.getString("bio"), rs.wasNull() ? null : photo);
			})
			.list();
		List<Long> photoIds = rows.stream().map(Row::photoId).filter(id -> id != null).toList();
		Map<Long, Image> photos = photoIds.isEmpty() ? Map.of() : images.find(photoIds);
		return rows.stream()
			.map(r -> new AuthorProfile(r.id(), r.slug(), r.name(), r.jobTitle(), r.bio(),
					r.photoId() == null ? null : photos.get(r.photoId())))
			.toList();
	}

	@Override
	public List<Tag> tags() {
		return jdbc.sql("select id, slug, name, description from tag order by name, id")
			.query((rs, n) -> new Tag(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
					rs.getString("description")))
			.list();
	}

	private static <T> List<T> inOrder(List<String> keys, List<T> items, Function<T, String> key) {
		Map<String, T> byKey = items.stream().collect(Collectors.toMap(key, Function.identity(), (a, b) -> a));
		return keys.stream().map(byKey::get).filter(t -> t != null).toList();
	}

}
