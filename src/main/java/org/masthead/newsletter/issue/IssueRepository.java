package org.masthead.newsletter.issue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Issues and their chosen articles, and the few newsletter columns sending reads. */
@Repository
public class IssueRepository {

	private static final String COLUMNS = "id, newsletter_id, slug, subject, preheader, status, selection, digest_since, "
			+ "scheduled_at, html_snapshot, text_snapshot, created_by, created_at, updated_at, sending_started_at, sent_at";

	private final JdbcClient jdbc;

	IssueRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<NewsletterRef> newsletter(String slug) {
		return jdbc.sql("select id, slug, name, description, sender_name, sender_address, reply_to, tracking_enabled "
				+ "from newsletter where slug = :slug")
			.param("slug", slug)
			.query(IssueRepository::newsletter)
			.optional();
	}

	public Optional<NewsletterRef> newsletter(long id) {
		return jdbc.sql("select id, slug, name, description, sender_name, sender_address, reply_to, tracking_enabled "
				+ "from newsletter where id = :id")
			.param("id", id)
			.query(IssueRepository::newsletter)
			.optional();
	}

	void insert(Issue issue) {
		jdbc.sql("insert into newsletter_issue (" + COLUMNS + ") values (:id, :newsletter, :slug, :subject, :preheader, "
				+ ":status, :selection, :since, :scheduled, null, null, :by, :now, :now, null, null)")
			.param("id", issue.id())
			.param("newsletter", issue.newsletterId())
			.param("slug", issue.slug())
			.param("subject", issue.subject())
			.param("preheader", issue.preheader())
			.param("status", issue.status().name())
			.param("selection", issue.digest() ? "DIGEST" : "CHOSEN")
			.param("since", ts(issue.digestSince()))
			.param("scheduled", ts(issue.scheduledAt()))
			.param("by", issue.createdBy())
			.param("now", ts(issue.createdAt()))
			.update();
		saveArticles(issue.id(), issue.articleSlugs());
	}

	void updateContent(long id, String subject, String preheader, boolean digest, Instant since, List<String> slugs,
			Instant now) {
		jdbc.sql("update newsletter_issue set subject = :subject, preheader = :preheader, selection = :selection, "
				+ "digest_since = :since, updated_at = :now where id = :id")
			.param("subject", subject)
			.param("preheader", preheader)
			.param("selection", digest ? "DIGEST" : "CHOSEN")
			.param("since", ts(since))
			.param("now", ts(now))
			.param("id", id)
			.update();
		jdbc.sql("delete from newsletter_issue_article where issue_id = :id").param("id", id).update();
		saveArticles(id, slugs);
	}

	private void saveArticles(long id, List<String> slugs) {
		for (int i = 0; i < slugs.size(); i++) {
			jdbc.sql("insert into newsletter_issue_article (issue_id, position, article_slug) values (:id, :pos, :slug)")
				.param("id", id)
				.param("pos", i)
				.param("slug", slugs.get(i))
				.update();
		}
	}

	public Optional<Issue> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from newsletter_issue where id = :id")
			.param("id", id)
			.query(this::issue)
			.optional();
	}

	public Optional<Issue> find(long newsletterId, String slug) {
		return jdbc.sql("select " + COLUMNS + " from newsletter_issue where newsletter_id = :n and slug = :slug")
			.param("n", newsletterId)
			.param("slug", slug)
			.query(this::issue)
			.optional();
	}

	public List<Issue> list(long newsletterId, int limit) {
		return jdbc.sql("select " + COLUMNS + " from newsletter_issue where newsletter_id = :n order by created_at desc, id desc limit :limit")
			.param("n", newsletterId)
			.param("limit", limit)
			.query(this::issue)
			.list();
	}

	public List<Issue> sent(long newsletterId, int offset, int limit) {
		return jdbc.sql("select " + COLUMNS + " from newsletter_issue where newsletter_id = :n and status = 'SENT' "
				+ "order by sent_at desc, id desc limit :limit offset :offset")
			.param("n", newsletterId)
			.param("limit", limit)
			.param("offset", offset)
			.query(this::issue)
			.list();
	}

	/** When the newsletter's last issue went out (sending started), or null. */
	public Instant lastSentAt(long newsletterId) {
		return jdbc.sql("select max(sending_started_at) from newsletter_issue where newsletter_id = :n and status in ('SENT', 'SENDING', 'PAUSED')")
			.param("n", newsletterId)
			.query((rs, row) -> instant(rs, 1))
			.optional()
			.orElse(null);
	}

	public boolean slugTaken(long newsletterId, String slug) {
		return jdbc.sql("select count(*) from newsletter_issue where newsletter_id = :n and slug = :slug")
			.param("n", newsletterId)
			.param("slug", slug)
			.query(Long.class)
			.single() > 0;
	}

	/** Moves the issue only if it is still in {@code from}: a lost race changes nothing. */
	boolean move(long id, IssueStatus from, IssueStatus to, Instant now) {
		return jdbc.sql("update newsletter_issue set status = :to, updated_at = :now, "
				+ "sent_at = case when :to = 'SENT' then :now else sent_at end, "
				+ "cancelled_at = case when :to = 'CANCELLED' then :now else cancelled_at end "
				+ "where id = :id and status = :from")
			.param("to", to.name())
			.param("from", from.name())
			.param("now", ts(now))
			.param("id", id)
			.update() == 1;
	}

	boolean schedule(long id, IssueStatus from, Instant at, Instant now) {
		return jdbc.sql("update newsletter_issue set status = 'SCHEDULED', scheduled_at = :at, updated_at = :now "
				+ "where id = :id and status = :from")
			.param("at", ts(at))
			.param("now", ts(now))
			.param("id", id)
			.param("from", from.name())
			.update() == 1;
	}

	/** Starts sending: keeps the rendered email and moves to SENDING if still in {@code from}. */
	boolean start(long id, IssueStatus from, String html, String text, Instant now) {
		return jdbc.sql("update newsletter_issue set status = 'SENDING', html_snapshot = :html, text_snapshot = :text, "
				+ "sending_started_at = :now, updated_at = :now where id = :id and status = :from")
			.param("html", html)
			.param("text", text)
			.param("now", ts(now))
			.param("id", id)
			.param("from", from.name())
			.update() == 1;
	}

	/** Ids of scheduled issues whose time has come. */
	public List<Long> dueScheduled(Instant now) {
		return jdbc.sql("select id from newsletter_issue where status = 'SCHEDULED' and scheduled_at <= :now order by scheduled_at")
			.param("now", ts(now))
			.query(Long.class)
			.list();
	}

	/** Ids of issues being sent. */
	public List<Long> sending() {
		return jdbc.sql("select id from newsletter_issue where status = 'SENDING' order by sending_started_at")
			.query(Long.class)
			.list();
	}

	private Issue issue(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		List<String> slugs = jdbc.sql("select article_slug from newsletter_issue_article where issue_id = :id order by position")
			.param("id", id)
			.query(String.class)
			.list();
		return new Issue(id, rs.getLong("newsletter_id"), rs.getString("slug"), rs.getString("subject"),
				rs.getString("preheader"), IssueStatus.valueOf(rs.getString("status")),
				"DIGEST".equals(rs.getString("selection")), instant(rs, "digest_since"), slugs,
				instant(rs, "scheduled_at"), rs.getString("html_snapshot"), rs.getString("text_snapshot"),
				rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "updated_at"),
				instant(rs, "sending_started_at"), instant(rs, "sent_at"));
	}

	private static NewsletterRef newsletter(ResultSet rs, int row) throws SQLException {
		return new NewsletterRef(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("description"),
				rs.getString("sender_name"), rs.getString("sender_address"), rs.getString("reply_to"),
				rs.getBoolean("tracking_enabled"));
	}

	static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
