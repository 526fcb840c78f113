package org.masthead.content.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.masthead.content.Article;
import org.masthead.content.Article.Note;
import org.masthead.content.Article.NoteKind;
import org.masthead.content.ArticleCatalog;
import org.masthead.content.ArticleSummary;
import org.masthead.content.AuthorProfile;
import org.masthead.content.CuratedList;
import org.masthead.content.Image;
import org.masthead.content.Page;
import org.masthead.content.Refs.AuthorRef;
import org.masthead.content.Refs.SectionRef;
import org.masthead.content.Refs.TagRef;
import org.masthead.content.Section;
import org.masthead.content.Tag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads published revisions only; a working copy never reaches a reader through here. */
@Service
@Transactional(readOnly = true)
class JdbcArticleCatalog implements ArticleCatalog {

	private static final String SUMMARY_COLUMNS = """
			p.article_id, p.slug, p.headline, p.dek, p.published_at, p.updated_at, p.reading_minutes,
			p.hero_image_id, p.hero_alt, p.hero_caption, p.hero_credit,
			s.id as section_id, s.slug as section_slug, s.name as section_name
			""";

	private static final String FROM = " from published_article p left join section s on s.id = p.section_id ";

	private static final String NEWEST = " order by p.published_at desc, p.article_id desc ";

	private final JdbcClient jdbc;

	private final ImageRepository images;

	JdbcArticleCatalog(JdbcClient jdbc, ImageRepository images) {
		this.jdbc = jdbc;
		this.images = images;
	}

	@Override
	public Optional<Article> article(String slug) {
		List<String> seo = new ArrayList<>();
		List<Row> rows = jdbc.sql("select " + SUMMARY_COLUMNS + ", p.body_html, p.language, p.seo_title, p.seo_description"
				+ FROM + "where p.slug = :slug")
			.param("slug", slug)
			.query((rs, n) -> {
				seo.add(rs.getString("seo_title"));
				seo.add(rs.getString("seo_description"));
				return new Row(rs, rs.getString("body_html"), rs.getString("language"));
			})
			.list();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		Row row = rows.get(0);
		ArticleSummary summary = complete(rows).get(0);
		List<TagRef> tags = jdbc.sql("""
				select t.id, t.slug, t.name from published_tag pt join tag t on t.id = pt.tag_id
				where pt.article_id = :id order by pt.position""")
			.param("id", row.id)
			.query((rs, n) -> new TagRef(rs.getLong("id"), rs.getString("slug"), rs.getString("name")))
			.list();
		List<Note> notes = jdbc.sql("select kind, body, created_at from article_note where article_id = :id order by created_at, id")
			.param("id", row.id)
			.query((rs, n) -> new Note(NoteKind.valueOf(rs.getString("kind")), rs.getString("body"),
					Times.read(rs, "created_at")))
			.list();
		return Optional.of(new Article(summary, row.body, row.language, tags, notes, seo.get(0), seo.get(1)));
	}

	@Override
	public Optional<String> currentSlugFor(String oldSlug) {
		return jdbc.sql("""
				select p.slug from slug_redirect r join published_article p on p.article_id = r.article_id
				where r.old_slug = :slug""")
			.param("slug", oldSlug)
			.query(String.class)
			.optional();
	}

	@Override
	public Page<ArticleSummary> latest(int page, int size) {
		long total = publishedCount();
		return page(page, size, total, "select " + SUMMARY_COLUMNS + FROM + NEWEST, Map.of());
	}

	@Override
	public Page<ArticleSummary> inSection(long sectionId, int page, int size) {
		long total = jdbc.sql("select count(*) from published_article where section_id = :id")
			.param("id", sectionId)
			.query(Long.class)
			.single();
		return page(page, size, total, "select " + SUMMARY_COLUMNS + FROM + "where p.section_id = :id" + NEWEST,
				Map.of("id", sectionId));
	}

	@Override
	public Page<ArticleSummary> withTag(long tagId, int page, int size) {
		long total = jdbc.sql("select count(*) from published_tag where tag_id = :id")
			.param("id", tagId)
			.query(Long.class)
			.single();
		return page(page, size, total, "select " + SUMMARY_COLUMNS + FROM
				+ "join published_tag pt on pt.article_id = p.article_id where pt.tag_id = :id" + NEWEST,
				Map.of("id", tagId));
	}

	@Override
	public Page<ArticleSummary> byAuthor(long authorId, int page, int size) {
		long total = jdbc.sql("select count(*) from published_author where author_id = :id")
			.param("id", authorId)
			.query(Long.class)
			.single();
		return page(page, size, total, "select " + SUMMARY_COLUMNS + FROM
				+ "join published_author pa on pa.article_id = p.article_id where pa.author_id = :id" + NEWEST,
				Map.of("id", authorId));
	}

	@Override
	public List<ArticleSummary> curated(CuratedList list, int limit) {
		List<Row> rows = jdbc.sql("select " + SUMMARY_COLUMNS + FROM
				+ "join curated_list_item c on c.article_id = p.article_id where c.list_slug = :list order by c.position limit :limit")
			.param("list", list.slug())
			.param("limit", limit)
			.query((rs, n) -> new Row(rs, null, null))
			.list();
		return complete(rows);
	}

	@Override
	public List<ArticleSummary> summaries(Collection<String> slugs) {
		if (slugs.isEmpty()) {
			return List.of();
		}
		List<Row> rows = jdbc.sql("select " + SUMMARY_COLUMNS + FROM + "where p.slug in (:slugs)")
			.param("slugs", slugs)
			.query((rs, n) -> new Row(rs, null, null))
			.list();
		return complete(rows);
	}

	@Override
	public List<Section> sections() {
		return jdbc.sql("select id, slug, name, description from section order by position, id")
			.query((rs, n) -> new Section(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
					rs.getString("description")))
			.list();
	}

	@Override
	public Optional<Section> section(String slug) {
		return jdbc.sql("select id, slug, name, description from section where slug = :slug")
			.param("slug", slug)
			.query((rs, n) -> new Section(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
					rs.getString("description")))
			.optional();
	}

	@Override
	public Optional<Tag> tag(String slug) {
		return jdbc.sql("select id, slug, name, description from tag where slug = :slug")
			.param("slug", slug)
			.query((rs, n) -> new Tag(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
					rs.getString("description")))
			.optional();
	}

	@Override
	public Optional<AuthorProfile> author(String slug) {
		return jdbc.sql("select id, slug, name, job_title, bio, photo_id from author where slug = :slug")
			.param("slug", slug)
			.query((rs, n) -> {
				long photo = rs.getLong("photo_id");
				Long photoId = rs.wasNull() ? null : photo;
				return new AuthorProfile(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
						rs.getString("job_title"), rs.getString("bio"), photoId == null ? null : images.find(photoId));
			})
			.optional();
	}

	@Override
	public long publishedCount() {
		return jdbc.sql("select count(*) from published_article").query(Long.class).single();
	}

	private Page<ArticleSummary> page(int page, int size, long total, String sql, Map<String, Object> params) {
		List<Row> rows = jdbc.sql(sql + " limit :limit offset :offset")
			.params(params)
			.param("limit", size)
			.param("offset", (long) (page - 1) * size)
			.query((rs, n) -> new Row(rs, null, null))
			.list();
		return new Page<>(complete(rows), page, size, total);
	}

	/** Adds bylines and hero images to rows in two queries, whatever the number of rows. */
	private List<ArticleSummary> complete(List<Row> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		List<Long> ids = rows.stream().map(Row::id).toList();
		Map<Long, List<AuthorRef>> bylines = new HashMap<>();
		jdbc.sql("""
				select pa.article_id, a.id, a.slug, a.name from published_author pa join author a on a.id = pa.author_id
				where pa.article_id in (:ids) order by pa.article_id, pa.position""")
			.param("ids", ids)
			.query((rs, n) -> bylines.computeIfAbsent(rs.getLong("article_id"), k -> new ArrayList<>())
				.add(new AuthorRef(rs.getLong("id"), rs.getString("slug"), rs.getString("name"))))
			.list();
		Map<Long, Image> heroes = images.find(rows.stream().map(Row::heroId).toList());
		return rows.stream().map(r -> {
			Image hero = r.heroId == null ? null : heroes.get(r.heroId);
			if (hero != null) {
				hero = hero.withWords(r.heroAlt, r.heroCaption, r.heroCredit);
			}
			return new ArticleSummary(r.id, r.slug, r.headline, r.dek, r.publishedAt, r.updatedAt, r.section,
					List.copyOf(bylines.getOrDefault(r.id, List.of())), hero, r.readingMinutes);
		}).toList();
	}

	private record Row(long id, String slug, String headline, String dek, java.time.Instant publishedAt,
			java.time.Instant updatedAt, int readingMinutes, Long heroId, String heroAlt, String heroCaption,
			String heroCredit, SectionRef section, String body, String language) {

		Row(ResultSet rs, String body, String language) throws SQLException {
			this(rs.getLong("article_id"), rs.getString("slug"), rs.getString("headline"), rs.getString("dek"),
					Times.read(rs, "published_at"), Times.read(rs, "updated_at"), rs.getInt("reading_minutes"),
					nullableLong(rs, "hero_image_id"), rs.getString("hero_alt"), rs.getString("hero_caption"),
					rs.getString("hero_credit"), section(rs), body, language);
		}

		private static SectionRef section(ResultSet rs) throws SQLException {
			Long id = nullableLong(rs, "section_id");
			return id == null ? null : new SectionRef(id, rs.getString("section_slug"), rs.getString("section_name"));
		}

		private static Long nullableLong(ResultSet rs, String column) throws SQLException {
			long value = rs.getLong(column);
			return rs.wasNull() ? null : value;
		}

	}

}
