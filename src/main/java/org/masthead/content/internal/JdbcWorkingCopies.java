package org.masthead.content.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.masthead.content.Article;
import org.masthead.content.Article.Note;
import org.masthead.content.Article.NoteKind;
import org.masthead.content.ArticleCatalog;
import org.masthead.content.ArticleDraft;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ArticleSummary;
import org.masthead.content.AuthorProfile;
import org.masthead.content.ConcurrentEditException;
import org.masthead.content.Image;
import org.masthead.content.Page;
import org.masthead.content.Refs.AuthorRef;
import org.masthead.content.Refs.SectionRef;
import org.masthead.content.Refs.TagRef;
import org.masthead.content.Revision;
import org.masthead.content.Tag;
import org.masthead.content.WorkflowException;
import org.masthead.content.WorkingCopies;
import org.masthead.content.WorkingCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Working copies and their workflow, on the same tables as {@link JdbcNewsroom}. */
@Service
@Transactional
class JdbcWorkingCopies implements WorkingCopies {

	private static final String COLUMNS = """
			a.id, a.slug, a.status, a.headline, a.dek, a.body_html, a.hero_image_id, a.hero_alt, a.hero_caption,
			a.hero_credit, a.section_id, a.language, a.revision, a.owner_id, a.created_at, a.updated_at,
			a.scheduled_at, a.review_comment, a.seo_title, a.seo_description, p.slug as live_slug, p.published_at
			""";

	private static final String FROM = " from article a left join published_article p on p.article_id = a.id ";

	private final JdbcClient jdbc;

	private final JdbcNewsroom newsroom;

	private final ArticleCatalog catalog;

	private final ImageRepository images;

	private final Clock clock;

	JdbcWorkingCopies(JdbcClient jdbc, JdbcNewsroom newsroom, ArticleCatalog catalog, ImageRepository images,
			Clock clock) {
		this.jdbc = jdbc;
		this.newsroom = newsroom;
		this.catalog = catalog;
		this.images = images;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<WorkingCopy> find(long id) {
		return jdbc.sql("select " + COLUMNS + FROM + "where a.id = :id").param("id", id).query(this::map).optional();
	}

	@Override
	@Transactional(readOnly = true)
	public Page<WorkingCopy> list(ArticleStatus status, Long ownerId, int page, int size) {
		String where = " where 1 = 1" + (status != null ? " and a.status = :status" : "")
				+ (ownerId != null ? " and a.owner_id = :owner" : "");
		var count = jdbc.sql("select count(*) from article a" + where);
		var rows = jdbc.sql("select " + COLUMNS + FROM + where
				+ " order by a.updated_at desc, a.id desc limit :limit offset :offset");
		if (status != null) {
			count = count.param("status", status.name());
			rows = rows.param("status", status.name());
		}
		if (ownerId != null) {
			count = count.param("owner", ownerId);
			rows = rows.param("owner", ownerId);
		}
		long total = count.query(Long.class).single();
		List<WorkingCopy> items = rows.param("limit", size).param("offset", (long) (page - 1) * size).query(this::map)
			.list();
		return new Page<>(items, page, size, total);
	}

	@Override
	public long create(ArticleDraft draft, Long ownerId) {
		long id = newsroom.createDraft(draft);
		jdbc.sql("update article set owner_id = :owner where id = :id").param("owner", ownerId).param("id", id).update();
		return id;
	}

	@Override
	public int save(long id, ArticleDraft draft, int expectedRevision) {
		// Claims the row at the expected revision: on PostgreSQL a concurrent save waits here and then
		// finds the revision moved on; SQLite serialises writers anyway.
		int claimed = jdbc.sql("update article set revision = revision where id = :id and revision = :expected")
			.param("id", id).param("expected", expectedRevision).update();
		if (claimed == 0) {
			int current = currentRevision(id);
			throw new ConcurrentEditException(id, expectedRevision, current);
		}
		newsroom.saveDraft(id, draft);
		return currentRevision(id);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Revision> revisions(long id) {
		return jdbc.sql("""
				select revision, saved_at, headline, dek, body_html, hero_image_id, hero_alt, hero_caption, hero_credit,
				  section_id, language, seo_title, seo_description, author_ids, tag_ids,
				  (select slug from article where id = :id) as slug
				from article_revision where article_id = :id order by revision desc""")
			.param("id", id)
			.query((rs, n) -> new Revision(rs.getInt("revision"), Times.read(rs, "saved_at"), rs.getString("headline"),
					new ArticleDraft(rs.getString("slug"), rs.getString("headline"), rs.getString("dek"),
							rs.getString("body_html"), nullableLong(rs, "hero_image_id"), rs.getString("hero_alt"),
							rs.getString("hero_caption"), rs.getString("hero_credit"), nullableLong(rs, "section_id"),
							ids(rs.getString("author_ids")), ids(rs.getString("tag_ids")), rs.getString("language"),
							rs.getString("seo_title"), rs.getString("seo_description"))))
			.list();
	}

	@Override
	public int restore(long id, int revision) {
		Revision old = revisions(id).stream().filter(r -> r.number() == revision).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Article " + id + " has no revision " + revision));
		return save(id, old.draft(), currentRevision(id));
	}

	@Override
	public void submitForReview(long id) {
		move(id, ArticleStatus.IN_REVIEW, null, null);
	}

	@Override
	public void sendBack(long id, String comment) {
		ArticleStatus status = newsroom.status(id);
		if (status != ArticleStatus.IN_REVIEW) {
			throw new WorkflowException(status, ArticleStatus.DRAFT);
		}
		move(id, ArticleStatus.DRAFT, null, comment);
	}

	@Override
	public void schedule(long id, Instant at) {
		move(id, ArticleStatus.SCHEDULED, at, null);
	}

	@Override
	public void unschedule(long id) {
		ArticleStatus status = newsroom.status(id);
		if (status != ArticleStatus.SCHEDULED) {
			throw new WorkflowException(status, ArticleStatus.DRAFT);
		}
		move(id, ArticleStatus.DRAFT, null, null);
	}

	@Override
	public void delete(long id) {
		Optional<WorkingCopy> copy = find(id);
		if (copy.isEmpty()) {
			return;
		}
		if (copy.get().isLive()) {
			newsroom.unpublish(id);
		}
		for (String table : List.of("curated_list_item", "slug_redirect", "article_note", "article_author", "article_tag")) {
			jdbc.sql("delete from " + table + " where article_id = :id").param("id", id).update();
		}
		jdbc.sql("delete from published_article where article_id = :id").param("id", id).update();
		jdbc.sql("delete from article_revision where article_id = :id").param("id", id).update();
		jdbc.sql("delete from article where id = :id").param("id", id).update();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Long> dueForPublication(Instant now) {
		return jdbc.sql("select id from article where status = :status and scheduled_at <= :now order by scheduled_at")
			.param("status", ArticleStatus.SCHEDULED.name())
			.param("now", Times.bind(now))
			.query(Long.class)
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<AuthorProfile> authors() {
		return jdbc.sql("select slug from author order by name").query(String.class).list().stream()
			.map(slug -> catalog.author(slug).orElseThrow())
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Tag> tags() {
		return jdbc.sql("select id, slug, name, description from tag order by name")
			.query((rs, n) -> new Tag(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
					rs.getString("description")))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Article> preview(long id) {
		return find(id).map(this::preview);
	}

	private Article preview(WorkingCopy copy) {
		ArticleDraft d = copy.draft();
		SectionRef section = d.sectionId() == null ? null
				: jdbc.sql("select id, slug, name from section where id = :id").param("id", d.sectionId())
					.query((rs, n) -> new SectionRef(rs.getLong("id"), rs.getString("slug"), rs.getString("name")))
					.optional().orElse(null);
		List<AuthorRef> authors = jdbc.sql("""
				select a.id, a.slug, a.name from article_author aa join author a on a.id = aa.author_id
				where aa.article_id = :id order by aa.position""")
			.param("id", copy.id())
			.query((rs, n) -> new AuthorRef(rs.getLong("id"), rs.getString("slug"), rs.getString("name")))
			.list();
		List<TagRef> tags = jdbc.sql("""
				select t.id, t.slug, t.name from article_tag atg join tag t on t.id = atg.tag_id
				where atg.article_id = :id order by atg.position""")
			.param("id", copy.id())
			.query((rs, n) -> new TagRef(rs.getLong("id"), rs.getString("slug"), rs.getString("name")))
			.list();
		List<Note> notes = jdbc.sql("select kind, body, created_at from article_note where article_id = :id order by created_at, id")
			.param("id", copy.id())
			.query((rs, n) -> new Note(NoteKind.valueOf(rs.getString("kind")), rs.getString("body"),
					Times.read(rs, "created_at")))
			.list();
		Image hero = images.find(d.heroImageId());
		if (hero != null) {
			hero = hero.withWords(d.heroAlt(), d.heroCaption(), d.heroCredit());
		}
		Instant publishedAt = copy.publishedAt() != null ? copy.publishedAt() : clock.instant();
		ArticleSummary summary = new ArticleSummary(copy.id(), d.slug(), d.headline(), d.dek(), publishedAt,
				copy.publishedAt() != null ? clock.instant() : null, section, authors, hero,
				ReadingTime.minutes(d.headline(), d.bodyHtml()));
		return new Article(summary, d.bodyHtml(), d.language(), tags, notes, d.seoTitle(), d.seoDescription());
	}

	@Override
	@Transactional(readOnly = true)
	public List<ArticleSummary> searchPublished(String words, int limit) {
		String needle = words == null ? "" : words.strip().toLowerCase(Locale.ROOT);
		if (needle.isEmpty() || needle.length() > 200) {
			return catalog.latest(1, limit).items();
		}
		// lower() on both sides: LIKE is case-insensitive on SQLite and case-sensitive on PostgreSQL.
		List<String> slugs = jdbc.sql("""
				select slug from published_article where lower(headline) like :pattern escape '\\'
				order by published_at desc limit :limit""")
			.param("pattern", "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
			.param("limit", limit)
			.query(String.class)
			.list();
		return catalog.summaries(slugs);
	}

	private void move(long id, ArticleStatus to, Instant scheduledAt, String comment) {
		ArticleStatus from = newsroom.status(id);
		if (!from.canMoveTo(to)) {
			throw new WorkflowException(from, to);
		}
		jdbc.sql("update article set status = :status, scheduled_at = :at, review_comment = :comment where id = :id")
			.param("status", to.name()).param("at", Times.bind(scheduledAt)).param("comment", comment).param("id", id)
			.update();
	}

	private int currentRevision(long id) {
		return jdbc.sql("select revision from article where id = :id").param("id", id).query(Integer.class).optional()
			.orElseThrow(() -> new IllegalArgumentException("No article " + id));
	}

	private WorkingCopy map(ResultSet rs, int n) throws SQLException {
		long id = rs.getLong("id");
		List<Long> authors = jdbc.sql("select author_id from article_author where article_id = :id order by position")
			.param("id", id).query(Long.class).list();
		List<Long> tags = jdbc.sql("select tag_id from article_tag where article_id = :id order by position")
			.param("id", id).query(Long.class).list();
		ArticleDraft draft = new ArticleDraft(rs.getString("slug"), rs.getString("headline"), rs.getString("dek"),
				rs.getString("body_html"), nullableLong(rs, "hero_image_id"), rs.getString("hero_alt"),
				rs.getString("hero_caption"), rs.getString("hero_credit"), nullableLong(rs, "section_id"), authors,
				tags, rs.getString("language"), rs.getString("seo_title"), rs.getString("seo_description"));
		return new WorkingCopy(id, draft, ArticleStatus.valueOf(rs.getString("status")), rs.getInt("revision"),
				nullableLong(rs, "owner_id"), Times.read(rs, "created_at"), Times.read(rs, "updated_at"),
				Times.read(rs, "scheduled_at"), rs.getString("review_comment"), rs.getString("live_slug"),
				Times.read(rs, "published_at"));
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static List<Long> ids(String joined) {
		return joined == null || joined.isBlank() ? List.of()
				: Arrays.stream(joined.split(",")).map(Long::parseLong).toList();
	}

}
