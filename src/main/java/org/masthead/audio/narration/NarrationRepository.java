package org.masthead.audio.narration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.masthead.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code narration_article} and {@code narration} tables. Writes start their own transaction:
 * they are also called from listeners that run after a publishing transaction has committed.
 */
@Repository
@Transactional(propagation = Propagation.REQUIRES_NEW)
public class NarrationRepository {

	private static final String NARRATION_COLUMNS = "id, article_id, text_hash, voice, spoken_by, status, reason,"
			+ " word_count, attempts, next_attempt_at, storage_key, duration_ms, byte_size, created_at, ready_at";

	private final JdbcClient jdbc;

	NarrationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An article as audio knows it. */
	public record ArticleRow(long articleId, String slug, String headline, String dek, String language,
			String sectionSlug, boolean published, Instant firstPublishedAt, String voice, String currentHash,
			Instant refreshRequestedAt, boolean forced) {
	}

	/** A narration without its spoken text. */
	public record NarrationRow(long id, long articleId, String textHash, String voice, String spokenBy,
			NarrationStatus status, String reason, int wordCount, int attempts, Instant nextAttemptAt,
			String storageKey, Long durationMs, Long byteSize, Instant createdAt, Instant readyAt) {

		public boolean isPlayable() {
			return storageKey != null;
		}

	}

	/** An article with the narration of its current text, if any. */
	public record ArticleNarration(ArticleRow article, NarrationRow narration) {
	}

	// --- articles ---

	/** Records that an article was published or changed, and asks for its narration to be looked at. */
	public void articlePublished(long articleId, String slug, Instant now) {
		jdbc.sql("""
				insert into narration_article (article_id, slug, published, forced, refresh_requested_at, updated_at)
				values (:id, :slug, :published, :forced, :now, :now)
				on conflict (article_id) do update set slug = excluded.slug, published = excluded.published,
				    refresh_requested_at = excluded.refresh_requested_at, updated_at = excluded.updated_at""")
			.param("id", articleId).param("slug", slug).param("published", true).param("forced", false)
			.param("now", Timestamp.from(now))
			.update();
	}

	public void articleUnpublished(long articleId, Instant now) {
		jdbc.sql("update narration_article set published = :published, updated_at = :now where article_id = :id")
			.param("published", false).param("now", Timestamp.from(now)).param("id", articleId)
			.update();
	}

	/** Asks for an article to be looked at again; {@code forced} narrates it whatever its age. */
	public boolean requestRefresh(long articleId, boolean forced, Instant now) {
		return jdbc.sql("update narration_article set refresh_requested_at = :now, forced = (forced or :forced),"
				+ " updated_at = :now where article_id = :id")
			.param("now", Timestamp.from(now)).param("forced", forced).param("id", articleId)
			.update() == 1;
	}

	public void chooseVoice(long articleId, String voice, Instant now) {
		jdbc.sql("update narration_article set voice = :voice, refresh_requested_at = :now, forced = :forced,"
				+ " updated_at = :now where article_id = :id")
			.param("voice", voice).param("now", Timestamp.from(now)).param("forced", true).param("id", articleId)
			.update();
	}

	@Transactional(readOnly = true)
	public List<ArticleRow> refreshDue(int limit) {
		return jdbc.sql("select * from narration_article where refresh_requested_at is not null"
				+ " order by refresh_requested_at limit :limit")
			.param("limit", limit)
			.query(NarrationRepository::article)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<ArticleRow> article(long articleId) {
		return jdbc.sql("select * from narration_article where article_id = :id").param("id", articleId)
			.query(NarrationRepository::article).optional();
	}

	/**
	 * Saves what was learnt about an article and ends its refresh request, unless a newer request
	 * came in meanwhile (then it stays for the next round).
	 */
	public void refreshed(ArticleRow row, Instant requestedAt, Instant now) {
		jdbc.sql("""
				update narration_article set headline = :headline, dek = :dek, language = :language,
				    section_slug = :section, first_published_at = :firstPublished, current_hash = :hash,
				    published = :published, updated_at = :now
				where article_id = :id""")
			.param("headline", row.headline()).param("dek", row.dek()).param("language", row.language())
			.param("section", row.sectionSlug())
			.param("firstPublished", row.firstPublishedAt() == null ? null : Timestamp.from(row.firstPublishedAt()))
			.param("hash", row.currentHash()).param("published", row.published()).param("now", Timestamp.from(now))
			.param("id", row.articleId())
			.update();
		jdbc.sql("update narration_article set refresh_requested_at = null, forced = :forced"
				+ " where article_id = :id and refresh_requested_at = :requested")
			.param("forced", false).param("id", row.articleId()).param("requested", Timestamp.from(requestedAt))
			.update();
	}

	// --- narrations ---

	@Transactional(readOnly = true)
	public Optional<NarrationRow> narration(long articleId, String hash) {
		return jdbc.sql("select " + NARRATION_COLUMNS + " from narration where article_id = :a and text_hash = :h")
			.param("a", articleId).param("h", hash).query(NarrationRepository::narration).optional();
	}

	@Transactional(readOnly = true)
	public Optional<NarrationRow> narration(long id) {
		return jdbc.sql("select " + NARRATION_COLUMNS + " from narration where id = :id").param("id", id)
			.query(NarrationRepository::narration).optional();
	}

	public long insert(long articleId, String hash, String voice, NarrationStatus status, String reason,
			String spokenText, int words, Instant now) {
		long id = Ids.next();
		jdbc.sql("""
				insert into narration (id, article_id, text_hash, voice, status, reason, spoken_text, word_count,
				    attempts, next_attempt_at, created_at)
				values (:id, :article, :hash, :voice, :status, :reason, :text, :words, 0, :now, :now)""")
			.param("id", id).param("article", articleId).param("hash", hash).param("voice", voice)
			.param("status", status.name()).param("reason", reason).param("text", spokenText).param("words", words)
			.param("now", Timestamp.from(now))
			.update();
		return id;
	}

	/** How many narrations are pending, due or waiting for their next try. */
	@Transactional(readOnly = true)
	public long backlog() {
		return jdbc.sql("select count(*) from narration where status = 'PENDING'").query(Long.class).single();
	}

	/**
	 * Pending narrations whose time has come and that no node is working on, newest first: an
	 * article just published is narrated before a backlog (an imported archive, the demo newsroom).
	 */
	@Transactional(readOnly = true)
	public List<NarrationRow> due(Instant now, int limit) {
		return jdbc.sql("select " + NARRATION_COLUMNS + " from narration where status = 'PENDING'"
				+ " and next_attempt_at <= :now and (claimed_until is null or claimed_until < :now)"
				+ " order by created_at desc, id desc limit :limit")
			.param("now", Timestamp.from(now)).param("limit", limit)
			.query(NarrationRepository::narration)
			.list();
	}

	/** Takes a narration for this node until {@code until}; false when another node was quicker. */
	public boolean claim(long id, String node, Instant until, Instant now) {
		return jdbc.sql("update narration set claimed_by = :node, claimed_until = :until where id = :id"
				+ " and status = 'PENDING' and (claimed_until is null or claimed_until < :now)")
			.param("node", node).param("until", Timestamp.from(until)).param("id", id).param("now", Timestamp.from(now))
			.update() == 1;
	}

	@Transactional(readOnly = true)
	public String spokenText(long id) {
		return jdbc.sql("select spoken_text from narration where id = :id").param("id", id).query(String.class).single();
	}

	public void ready(long id, String storageKey, long durationMs, long bytes, String spokenBy, Instant now) {
		jdbc.sql("""
				update narration set status = 'READY', reason = null, storage_key = :key, duration_ms = :duration,
				    byte_size = :bytes, spoken_by = :spokenBy, ready_at = :now, claimed_by = null, claimed_until = null,
				    attempts = attempts + 1
				where id = :id""")
			.param("key", storageKey).param("duration", durationMs).param("bytes", bytes).param("spokenBy", spokenBy)
			.param("now", Timestamp.from(now)).param("id", id)
			.update();
	}

	/** A failed try: wait until {@code next} (PENDING) or give up (FAILED). */
	public void failed(long id, NarrationStatus status, int attempts, Instant next, String reason) {
		jdbc.sql("""
				update narration set status = :status, attempts = :attempts, next_attempt_at = :next, reason = :reason,
				    claimed_by = null, claimed_until = null
				where id = :id""")
			.param("status", status.name()).param("attempts", attempts).param("next", Timestamp.from(next))
			.param("reason", truncate(reason)).param("id", id)
			.update();
	}

	/** Notes why a pending narration waits (no engine installed), without counting a try. */
	public void waiting(long id, String reason) {
		jdbc.sql("update narration set reason = :reason where id = :id and status = 'PENDING'")
			.param("reason", truncate(reason)).param("id", id).update();
	}

	/** Makes a narration again from the start (regenerate); its current audio stays playable meanwhile. */
	public void requeue(long id, Instant now) {
		jdbc.sql("""
				update narration set status = 'PENDING', attempts = 0, next_attempt_at = :now, reason = null,
				    claimed_by = null, claimed_until = null
				where id = :id and status <> 'NO_VOICE'""")
			.param("now", Timestamp.from(now)).param("id", id).update();
	}

	/** The narration an article page plays: its current text's if playable, else the latest playable. */
	@Transactional(readOnly = true)
	public Optional<NarrationRow> playable(long articleId) {
		return jdbc.sql("select " + prefixed("n") + " from narration n left join narration_article a"
				+ " on a.article_id = n.article_id where n.article_id = :id and n.storage_key is not null"
				+ " order by case when n.text_hash = a.current_hash then 0 else 1 end, n.ready_at desc limit 1")
			.param("id", articleId).query(NarrationRepository::narration).optional();
	}

	/** Published articles, newest first, each with the narration of its current text (or none). */
	@Transactional(readOnly = true)
	public List<ArticleNarration> articles(int limit, int offset) {
		return jdbc.sql("select a.*, " + prefixed("n") + " from narration_article a left join narration n"
				+ " on n.article_id = a.article_id and n.text_hash = a.current_hash where a.published = :published"
				+ " order by a.first_published_at desc, a.article_id desc limit :limit offset :offset")
			.param("published", true).param("limit", limit).param("offset", offset)
			.query((rs, n) -> new ArticleNarration(article(rs, n), rs.getObject("id") == null ? null : narration(rs, n)))
			.list();
	}

	/** Published articles with a playable narration, newest first (the podcast feed). */
	@Transactional(readOnly = true)
	public List<ArticleNarration> playableArticles(int limit) {
		return jdbc.sql("select a.*, " + prefixed("n") + " from narration_article a join narration n on n.id = ("
				+ "select n2.id from narration n2 where n2.article_id = a.article_id and n2.storage_key is not null"
				+ " order by case when n2.text_hash = a.current_hash then 0 else 1 end, n2.ready_at desc limit 1)"
				+ " where a.published = :published order by a.first_published_at desc, a.article_id desc limit :limit")
			.param("published", true).param("limit", limit)
			.query((rs, n) -> new ArticleNarration(article(rs, n), narration(rs, n)))
			.list();
	}

	/** Every narration an article has had, newest first. */
	@Transactional(readOnly = true)
	public List<NarrationRow> history(long articleId) {
		return jdbc.sql("select " + NARRATION_COLUMNS + " from narration where article_id = :id order by created_at desc, id desc")
			.param("id", articleId).query(NarrationRepository::narration).list();
	}

	/** How many narrations are in each state. */
	@Transactional(readOnly = true)
	public java.util.Map<NarrationStatus, Long> counts() {
		java.util.Map<NarrationStatus, Long> counts = new java.util.EnumMap<>(NarrationStatus.class);
		jdbc.sql("select status, count(*) as n from narration group by status")
			.query((rs, n) -> counts.put(NarrationStatus.valueOf(rs.getString("status")), rs.getLong("n")))
			.list();
		return counts;
	}

	private static String prefixed(String alias) {
		StringBuilder columns = new StringBuilder();
		for (String column : NARRATION_COLUMNS.split(",\\s*")) {
			if (columns.length() > 0) {
				columns.append(", ");
			}
			columns.append(alias).append('.').append(column);
		}
		return columns.toString();
	}

	private static ArticleRow article(ResultSet rs, int row) throws SQLException {
		return new ArticleRow(rs.getLong("article_id"), rs.getString("slug"), rs.getString("headline"),
				rs.getString("dek"), rs.getString("language"), rs.getString("section_slug"), rs.getBoolean("published"),
				instant(rs, "first_published_at"), rs.getString("voice"), rs.getString("current_hash"),
				instant(rs, "refresh_requested_at"), rs.getBoolean("forced"));
	}

	private static NarrationRow narration(ResultSet rs, int row) throws SQLException {
		return new NarrationRow(rs.getLong("id"), rs.getLong("article_id"), rs.getString("text_hash"),
				rs.getString("voice"), rs.getString("spoken_by"), NarrationStatus.valueOf(rs.getString("status")),
				rs.getString("reason"), rs.getInt("word_count"), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
				rs.getString("storage_key"), nullableLong(rs, "duration_ms"), nullableLong(rs, "byte_size"),
				instant(rs, "created_at"), instant(rs, "ready_at"));
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static String truncate(String text) {
		return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
	}

}
