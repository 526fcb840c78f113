package org.masthead.content.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.masthead.content.Article.NoteKind;
import org.masthead.content.ArticleDraft;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ContentEvents.ArticleNoteAdded;
import org.masthead.content.ContentEvents.ArticlePublished;
import org.masthead.content.ContentEvents.ArticleUnpublished;
import org.masthead.content.ContentEvents.AuthorChanged;
import org.masthead.content.ContentEvents.CuratedListChanged;
import org.masthead.content.ContentEvents.TaxonomyChanged;
import org.masthead.content.CuratedList;
import org.masthead.content.Newsroom;
import org.masthead.content.SlugInUseException;
import org.masthead.content.WorkflowException;
import org.masthead.platform.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Content commands on the working copy and the published revision. The published revision is a
 * separate row, so saving a draft never changes what readers see.
 */
@Service
@Transactional
class JdbcNewsroom implements Newsroom {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	JdbcNewsroom(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public long createSection(String slug, String name, String description) {
		long id = Ids.next();
		int position = jdbc.sql("select count(*) from section").query(Integer.class).single();
		jdbc.sql("insert into section (id, slug, name, description, position) values (:id, :slug, :name, :description, :position)")
			.param("id", id).param("slug", Slugs.require(slug)).param("name", name)
			.param("description", description).param("position", position)
			.update();
		events.publishEvent(new TaxonomyChanged());
		return id;
	}

	@Override
	public long createTag(String slug, String name, String description) {
		long id = Ids.next();
		jdbc.sql("insert into tag (id, slug, name, description) values (:id, :slug, :name, :description)")
			.param("id", id).param("slug", Slugs.require(slug)).param("name", name).param("description", description)
			.update();
		events.publishEvent(new TaxonomyChanged());
		return id;
	}

	@Override
	public long createAuthor(String slug, String name, String jobTitle, String bio, Long photoId) {
		long id = Ids.next();
		jdbc.sql("""
				insert into author (id, slug, name, job_title, bio, photo_id)
				values (:id, :slug, :name, :jobTitle, :bio, :photoId)""")
			.param("id", id).param("slug", Slugs.require(slug)).param("name", name).param("jobTitle", jobTitle)
			.param("bio", bio).param("photoId", photoId)
			.update();
		events.publishEvent(new AuthorChanged(id));
		return id;
	}

	@Override
	public long createDraft(ArticleDraft draft) {
		long id = Ids.next();
		requireFreeSlug(draft.slug(), id);
		Instant now = clock.instant();
		jdbc.sql("""
				insert into article (id, slug, status, headline, dek, body_html, hero_image_id, hero_alt, hero_caption,
				  hero_credit, section_id, language, seo_title, seo_description, created_at, updated_at, revision)
				values (:id, :slug, :status, :headline, :dek, :body, :hero, :alt, :caption, :credit, :section, :language,
				  :seoTitle, :seoDescription, :now, :now, 0)""")
			.param("id", id).param("slug", Slugs.require(draft.slug())).param("status", ArticleStatus.DRAFT.name())
			.param("headline", draft.headline()).param("dek", draft.dek())
			.param("body", BodySanitizer.sanitize(draft.bodyHtml())).param("hero", draft.heroImageId())
			.param("alt", draft.heroAlt()).param("caption", draft.heroCaption()).param("credit", draft.heroCredit())
			.param("section", draft.sectionId()).param("language", language(draft)).param("now", Times.bind(now))
			.param("seoTitle", blankToNull(draft.seoTitle())).param("seoDescription", blankToNull(draft.seoDescription()))
			.update();
		replaceLinks(id, draft);
		saveRevision(id, now);
		return id;
	}

	@Override
	public void saveDraft(long articleId, ArticleDraft draft) {
		String oldSlug = currentSlug(articleId);
		String newSlug = Slugs.require(draft.slug());
		requireFreeSlug(newSlug, articleId);
		jdbc.sql("""
				update article set slug = :slug, headline = :headline, dek = :dek, body_html = :body, hero_image_id = :hero,
				  hero_alt = :alt, hero_caption = :caption, hero_credit = :credit, section_id = :section,
				  language = :language, seo_title = :seoTitle, seo_description = :seoDescription, updated_at = :now
				where id = :id""")
			.param("id", articleId).param("slug", newSlug).param("headline", draft.headline()).param("dek", draft.dek())
			.param("body", BodySanitizer.sanitize(draft.bodyHtml())).param("hero", draft.heroImageId())
			.param("alt", draft.heroAlt()).param("caption", draft.heroCaption()).param("credit", draft.heroCredit())
			.param("section", draft.sectionId()).param("language", language(draft))
			.param("seoTitle", blankToNull(draft.seoTitle())).param("seoDescription", blankToNull(draft.seoDescription()))
			.param("now", Times.bind(clock.instant()))
			.update();
		replaceLinks(articleId, draft);
		saveRevision(articleId, clock.instant());
		if (!oldSlug.equals(newSlug)) {
			jdbc.sql("delete from slug_redirect where old_slug = :slug").param("slug", newSlug).update();
		}
	}

	@Override
	public void publish(long articleId, Instant at) {
		ArticleStatus status = status(articleId);
		if (!status.canMoveTo(ArticleStatus.PUBLISHED)) {
			throw new WorkflowException(status, ArticleStatus.PUBLISHED);
		}
		Links before = publishedLinks(articleId);
		Optional<String> previousSlug = jdbc.sql("select slug from published_article where article_id = :id")
			.param("id", articleId).query(String.class).optional();
		long revisionId = jdbc.sql("select id from article_revision where article_id = :id order by revision desc limit 1")
			.param("id", articleId).query(Long.class).single();
		var w = jdbc.sql("select slug, headline, dek, body_html, hero_image_id, hero_alt, hero_caption, hero_credit, section_id, language, seo_title, seo_description from article where id = :id")
			.param("id", articleId).query().singleRow();
		int minutes = ReadingTime.minutes((String) w.get("headline"), (String) w.get("body_html"));
		String slug = (String) w.get("slug");
		if (previousSlug.isEmpty()) {
			jdbc.sql("""
					insert into published_article (article_id, revision_id, slug, headline, dek, body_html, hero_image_id,
					  hero_alt, hero_caption, hero_credit, section_id, language, seo_title, seo_description, reading_minutes,
					  published_at, updated_at)
					select id, :revision, slug, headline, dek, body_html, hero_image_id, hero_alt, hero_caption, hero_credit,
					  section_id, language, seo_title, seo_description, :minutes, :at, null from article where id = :id""")
				.param("id", articleId).param("revision", revisionId).param("minutes", minutes).param("at", Times.bind(at))
				.update();
		}
		else {
			jdbc.sql("""
					update published_article set revision_id = :revision, slug = :slug, headline = :headline, dek = :dek,
					  body_html = :body, hero_image_id = :hero, hero_alt = :alt, hero_caption = :caption,
					  hero_credit = :credit, section_id = :section, language = :language, seo_title = :seoTitle,
					  seo_description = :seoDescription, reading_minutes = :minutes, updated_at = :at
					where article_id = :id""")
				.param("id", articleId).param("revision", revisionId).param("slug", slug)
				.param("headline", w.get("headline")).param("dek", w.get("dek")).param("body", w.get("body_html"))
				.param("hero", w.get("hero_image_id")).param("alt", w.get("hero_alt"))
				.param("caption", w.get("hero_caption")).param("credit", w.get("hero_credit"))
				.param("section", w.get("section_id")).param("language", w.get("language"))
				.param("seoTitle", w.get("seo_title")).param("seoDescription", w.get("seo_description"))
				.param("minutes", minutes).param("at", Times.bind(at))
				.update();
			jdbc.sql("delete from published_author where article_id = :id").param("id", articleId).update();
			jdbc.sql("delete from published_tag where article_id = :id").param("id", articleId).update();
			if (!previousSlug.get().equals(slug)) {
				jdbc.sql("delete from slug_redirect where old_slug = :old").param("old", previousSlug.get()).update();
				jdbc.sql("insert into slug_redirect (old_slug, article_id) values (:old, :id)")
					.param("old", previousSlug.get()).param("id", articleId).update();
			}
		}
		jdbc.sql("insert into published_author (article_id, author_id, position) select article_id, author_id, position from article_author where article_id = :id")
			.param("id", articleId).update();
		jdbc.sql("insert into published_tag (article_id, tag_id, position) select article_id, tag_id, position from article_tag where article_id = :id")
			.param("id", articleId).update();
		jdbc.sql("update article set status = :status, scheduled_at = null, review_comment = null where id = :id")
			.param("status", ArticleStatus.PUBLISHED.name()).param("id", articleId).update();
		Links after = publishedLinks(articleId);
		events.publishEvent(new ArticlePublished(articleId, slug, previousSlug.filter(s -> !s.equals(slug)).orElse(null),
				union(before.sections, after.sections), union(before.tags, after.tags), union(before.authors, after.authors)));
	}

	@Override
	public void unpublish(long articleId) {
		ArticleStatus status = status(articleId);
		if (!status.canMoveTo(ArticleStatus.UNPUBLISHED)) {
			throw new WorkflowException(status, ArticleStatus.UNPUBLISHED);
		}
		Links before = publishedLinks(articleId);
		Optional<String> slug = jdbc.sql("select slug from published_article where article_id = :id")
			.param("id", articleId).query(String.class).optional();
		jdbc.sql("delete from published_article where article_id = :id").param("id", articleId).update();
		jdbc.sql("update article set status = :status where id = :id")
			.param("status", ArticleStatus.UNPUBLISHED.name()).param("id", articleId).update();
		slug.ifPresent(s -> events.publishEvent(
				new ArticleUnpublished(articleId, s, before.sections, before.tags, before.authors)));
	}

	@Override
	public void addNote(long articleId, NoteKind kind, String body, Instant at) {
		jdbc.sql("insert into article_note (id, article_id, kind, body, created_at) values (:id, :article, :kind, :body, :at)")
			.param("id", Ids.next()).param("article", articleId).param("kind", kind.name()).param("body", body)
			.param("at", Times.bind(at))
			.update();
		events.publishEvent(new ArticleNoteAdded(articleId));
	}

	@Override
	public void curate(CuratedList list, List<Long> articleIds) {
		jdbc.sql("delete from curated_list_item where list_slug = :list").param("list", list.slug()).update();
		for (int i = 0; i < articleIds.size(); i++) {
			jdbc.sql("insert into curated_list_item (list_slug, article_id, position) values (:list, :article, :position)")
				.param("list", list.slug()).param("article", articleIds.get(i)).param("position", i)
				.update();
		}
		events.publishEvent(new CuratedListChanged(list));
	}

	@Override
	@Transactional(readOnly = true)
	public boolean isEmpty() {
		return jdbc.sql("select count(*) from article").query(Long.class).single() == 0;
	}

	private void requireFreeSlug(String slug, long articleId) {
		Slugs.require(slug);
		boolean taken = jdbc.sql("select count(*) from article where slug = :slug and id <> :id")
			.param("slug", slug).param("id", articleId).query(Long.class).single() > 0
				|| jdbc.sql("select count(*) from published_article where slug = :slug and article_id <> :id")
					.param("slug", slug).param("id", articleId).query(Long.class).single() > 0;
		if (taken) {
			throw new SlugInUseException(slug);
		}
	}

	ArticleStatus status(long articleId) {
		return jdbc.sql("select status from article where id = :id").param("id", articleId).query(String.class)
			.optional()
			.map(ArticleStatus::valueOf)
			.orElseThrow(() -> new IllegalArgumentException("No article " + articleId));
	}

	private String currentSlug(long articleId) {
		return jdbc.sql("select slug from article where id = :id").param("id", articleId).query(String.class)
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("No article " + articleId));
	}

	private void replaceLinks(long id, ArticleDraft draft) {
		jdbc.sql("delete from article_author where article_id = :id").param("id", id).update();
		jdbc.sql("delete from article_tag where article_id = :id").param("id", id).update();
		List<Long> authors = draft.authorIds() == null ? List.of() : draft.authorIds().stream().distinct().toList();
		for (int i = 0; i < authors.size(); i++) {
			jdbc.sql("insert into article_author (article_id, author_id, position) values (:id, :author, :position)")
				.param("id", id).param("author", authors.get(i)).param("position", i).update();
		}
		List<Long> tags = draft.tagIds() == null ? List.of() : draft.tagIds().stream().distinct().toList();
		for (int i = 0; i < tags.size(); i++) {
			jdbc.sql("insert into article_tag (article_id, tag_id, position) values (:id, :tag, :position)")
				.param("id", id).param("tag", tags.get(i)).param("position", i).update();
		}
	}

	private void saveRevision(long articleId, Instant at) {
		int updated = jdbc.sql("update article set revision = revision + 1 where id = :id").param("id", articleId).update();
		String authors = joinIds("select author_id from article_author where article_id = :id order by position", articleId);
		String tags = joinIds("select tag_id from article_tag where article_id = :id order by position", articleId);
		jdbc.sql("""
				insert into article_revision (id, article_id, revision, headline, dek, body_html, hero_image_id, hero_alt,
				  hero_caption, hero_credit, section_id, language, seo_title, seo_description, author_ids, tag_ids, saved_at)
				select :rid, id, revision, headline, dek, body_html, hero_image_id, hero_alt, hero_caption, hero_credit,
				  section_id, language, seo_title, seo_description, :authors, :tags, :at from article where id = :id""")
			.param("rid", Ids.next()).param("id", articleId).param("authors", authors).param("tags", tags)
			.param("at", Times.bind(at))
			.update();
		if (updated != 1) {
			throw new IllegalArgumentException("No article " + articleId);
		}
	}

	private String joinIds(String sql, long articleId) {
		return jdbc.sql(sql).param("id", articleId).query(Long.class).list().stream().map(String::valueOf)
			.collect(Collectors.joining(","));
	}

	private Links publishedLinks(long articleId) {
		Set<Long> sections = new HashSet<>(jdbc.sql("select section_id from published_article where article_id = :id and section_id is not null")
			.param("id", articleId).query(Long.class).list());
		Set<Long> tags = new HashSet<>(jdbc.sql("select tag_id from published_tag where article_id = :id")
			.param("id", articleId).query(Long.class).list());
		Set<Long> authors = new HashSet<>(jdbc.sql("select author_id from published_author where article_id = :id")
			.param("id", articleId).query(Long.class).list());
		return new Links(sections, tags, authors);
	}

	private static Set<Long> union(Set<Long> a, Set<Long> b) {
		Set<Long> all = new HashSet<>(a);
		all.addAll(b);
		return Set.copyOf(all);
	}

	private static String language(ArticleDraft draft) {
		return draft.language() == null || draft.language().isBlank() ? "en" : draft.language();
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private record Links(Set<Long> sections, Set<Long> tags, Set<Long> authors) {
	}

}
