package org.masthead.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The newsroom's audit log: who published, unpublished, deleted, changed roles or settings, and
 * when. Entries are written in the caller's transaction, so an action and its entry commit together.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records an action.
	 *
	 * @param actorId the staff member's id, or null for the system (a scheduled publication)
	 * @param action a stable code such as {@code article.published} or {@code staff.role-changed}
	 * @param subject what it was done to, e.g. {@code article:123 "Headline"}
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(Long actorId, String actorName, String action, String subject, String details) {
		jdbc.sql("""
				insert into audit_entry (id, occurred_at, actor_id, actor_name, action, subject, details)
				values (:id, :at, :actorId, :actorName, :action, :subject, :details)""")
			.param("id", Ids.next())
			.param("at", Timestamp.from(clock.instant()))
			.param("actorId", actorId)
			.param("actorName", actorName == null ? "system" : actorName)
			.param("action", action)
			.param("subject", truncate(subject, 300))
			.param("details", truncate(details, 4000))
			.update();
	}

	/** The newest entries first. */
	@Transactional(readOnly = true)
	public List<Entry> recent(int limit, int offset) {
		return jdbc.sql("select occurred_at, actor_id, actor_name, action, subject, details from audit_entry"
				+ " order by occurred_at desc, id desc limit :limit offset :offset")
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> new Entry(rs.getTimestamp("occurred_at").toInstant(),
					rs.getObject("actor_id") == null ? null : rs.getLong("actor_id"), rs.getString("actor_name"),
					rs.getString("action"), rs.getString("subject"), rs.getString("details")))
			.list();
	}

	private static String truncate(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

	/** One audit log entry. */
	public record Entry(Instant occurredAt, Long actorId, String actorName, String action, String subject,
			String details) {
	}

}
