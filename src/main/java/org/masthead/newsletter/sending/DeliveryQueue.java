package org.masthead.newsletter.sending;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.masthead.newsletter.issue.DeliveryStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery rows of issues: enqueued set-based when sending starts, leased in batches by workers,
 * and marked one by one as the relay answers. A lease is an owner and an expiry on the row; on
 * PostgreSQL the claim skips rows another node is claiming at the same moment ({@code FOR UPDATE
 * SKIP LOCKED}), on SQLite claims are serialised by the single writer.
 *
 * <p>SENT means the message was committed to the relay's final dot: the row is marked SENT (by the
 * worker holding its lease) after the message's last byte, in a transaction committed right after
 * the dot is written ({@link #markSent}), and set
 * back to QUEUED or FAILED ({@link #reopen}) if the relay then refuses it or the connection breaks
 * before its reply. A SENT row is never sent again.
 *
 * <p>Every write to the delivery rows goes through here, because together they keep exactly-once:
 * each needs the same lease condition (this owner, still QUEUED) and, on SQLite, the same write turn
 * ({@code sqliteWrites}). The SENT marks, with the connections kept for them, are in
 * {@link DeliveryMarks}, which takes this queue's write turn.
 */
@Repository
class DeliveryQueue {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final boolean postgres;

	/**
	 * On SQLite (one process, one writer) this node's workers take turns for their writes here
	 * instead of meeting in SQLite's busy handler, which sleeps in growing steps. Not a fair lock: a
	 * fair one hands over on every write and cost a quarter of the throughput (bench/newsletter-send.sh).
	 */
	private final ReentrantLock sqliteWrites = new ReentrantLock();

	/** The SENT marks, which take the same write turn. */
	private final DeliveryMarks marks;

	DeliveryQueue(JdbcClient jdbc, TransactionTemplate transactions, DataSource dataSource) throws Exception {
		this.jdbc = jdbc;
		this.transactions = transactions;
		try (var connection = dataSource.getConnection()) {
			this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		}
		this.marks = new DeliveryMarks(dataSource, postgres, sqliteWrites);
	}

	/** See {@link DeliveryMarks#markSent}. */
	SmtpConnection.Mark markSent(Delivery delivery, String owner, Instant now) {
		return marks.markSent(delivery, owner, now);
	}

	/** See {@link DeliveryMarks#markConnection}. */
	DeliveryMarks.MarkConnection markConnection(int workers) {
		return marks.markConnection(workers);
	}

	/**
	 * One delivery row for every confirmed subscription of the newsletter, inserted in chunks of
	 * subscriber ids; rows that exist already are left alone, so running it again after a crash is safe.
	 * Returns how many rows this call added.
	 */
	long enqueue(long issueId, long newsletterId, String messageIdDomain, int chunk, Instant now) {
		long added = 0;
		long after = Long.MIN_VALUE;
		while (true) {
			Long upTo = jdbc.sql("select max(subscriber_id) from (select subscriber_id from subscription "
					+ "where newsletter_id = :n and status = 'CONFIRMED' and subscriber_id > :after "
					+ "order by subscriber_id limit :chunk) t")
				.param("n", newsletterId)
				.param("after", after)
				.param("chunk", chunk)
				.query(Long.class)
				.optional()
				.orElse(null);
			if (upTo == null) {
				return added;
			}
			long from = after;
			added += transactions.execute(status -> jdbc.sql("insert into newsletter_delivery (issue_id, subscriber_id, status, "
					+ "attempts, next_attempt_at, message_id) select :issue, s.subscriber_id, 'QUEUED', 0, :now, "
					+ ":prefix || cast(s.subscriber_id as varchar(20)) || :suffix from subscription s "
					+ "where s.newsletter_id = :n and s.status = 'CONFIRMED' and s.subscriber_id > :after and s.subscriber_id <= :upTo "
					+ "on conflict (issue_id, subscriber_id) do nothing")
				.param("issue", issueId)
				.param("now", Timestamp.from(now))
				.param("prefix", "<" + issueId + ".")
				.param("suffix", "@" + messageIdDomain + ">")
				.param("n", newsletterId)
				.param("after", from)
				.param("upTo", upTo)
				.update());
			after = upTo;
		}
	}

	/**
	 * Leases up to {@code limit} due deliveries of a sending issue to {@code owner} until {@code until}
	 * and returns them. Rows whose lease expired before {@code expiredBefore} (their worker died) are
	 * due again; {@link TakeoverGrace} says when.
	 */
	List<Delivery> claim(long issueId, long newsletterId, String owner, int limit, Instant now, Instant until,
			Instant expiredBefore) {
		Timestamp at = Timestamp.from(now.truncatedTo(ChronoUnit.MILLIS));
		Timestamp expired = Timestamp.from(expiredBefore.truncatedTo(ChronoUnit.MILLIS));
		Timestamp expires = Timestamp.from(until.truncatedTo(ChronoUnit.MILLIS));
		return write(() -> transactions.execute(status -> {
			// Picked first, then leased and read by those ids: reading the batch back by its lease owner
			// walked every queued row of the issue, on each claim (100,000 rows at the start of a big send).
			// On PostgreSQL the picked rows stay locked (FOR UPDATE) until this transaction ends.
			// SQLite's planner preferred the (issue, status, next attempt) index and sorted every due row to
			// take the first hundred; walking the claim index in subscriber order stops after them.
			List<Long> picked = jdbc.sql("select d.subscriber_id from newsletter_delivery d "
					+ (postgres ? "" : "indexed by newsletter_delivery_claim ") + "where d.issue_id = :issue and d.status = 'QUEUED' "
					+ "and d.next_attempt_at <= :now and (d.lease_expires_at is null or d.lease_expires_at < :expired) "
					+ "and exists (select 1 from newsletter_issue i where i.id = :issue and i.status = 'SENDING') "
					+ "order by d.subscriber_id limit :limit" + (postgres ? " for update of d skip locked" : ""))
				.param("issue", issueId)
				.param("now", at)
				.param("expired", expired)
				.param("limit", limit)
				.query(Long.class)
				.list();
			if (picked.isEmpty()) {
				return List.<Delivery>of();
			}
			jdbc.sql("update newsletter_delivery set lease_owner = :owner, lease_expires_at = :until, "
					+ "attempts = attempts + 1 where issue_id = :issue and subscriber_id in (:ids)")
				.param("owner", owner)
				.param("until", expires)
				.param("issue", issueId)
				.param("ids", picked)
				.update();
			return jdbc.sql("select d.subscriber_id, s.address, s.address_key, d.message_id, d.attempts, sub.status "
					+ "from newsletter_delivery d join subscriber s on s.id = d.subscriber_id "
					+ "left join subscription sub on sub.subscriber_id = d.subscriber_id and sub.newsletter_id = :n "
					+ "where d.issue_id = :issue and d.subscriber_id in (:ids) and d.lease_owner = :owner and d.status = 'QUEUED' "
					+ "order by d.subscriber_id")
				.param("n", newsletterId)
				.param("issue", issueId)
				.param("ids", picked)
				.param("owner", owner)
				.query((rs, row) -> new Delivery(issueId, rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getInt(5), "CONFIRMED".equals(rs.getString(6))))
				.list();
		}));
	}

	private <T> T write(Supplier<T> work) {
		if (postgres) {
			return work.get();
		}
		sqliteWrites.lock();
		try {
			return work.get();
		}
		finally {
			sqliteWrites.unlock();
		}
	}

	/** Records the relay's acceptance in a transaction of its own (when a mark's commit failed after its dot). */
	boolean sent(Delivery delivery, String owner, String reply, Instant now) {
		return finish(delivery, owner, DeliveryStatus.SENT, reply, now);
	}

	/**
	 * Undoes {@link #sent}: the relay refused the message after its dot, or the connection broke before
	 * its reply. The row is QUEUED again and leased to {@code owner}, as it was before the send, for the
	 * worker to record a retry or a failure (or to release it). Only the worker that marked the row
	 * calls this, right after, so a SENT row of this issue and subscriber is that worker's.
	 */
	boolean reopen(Delivery delivery, String owner, String reply, Instant leaseUntil) {
		return write(() -> jdbc.sql("update newsletter_delivery set status = 'QUEUED', sent_at = null, last_reply = :reply, "
				+ "lease_owner = :owner, lease_expires_at = :until "
				+ "where issue_id = :issue and subscriber_id = :s and status = 'SENT'")
			.param("reply", clip(reply))
			.param("owner", owner)
			.param("until", Timestamp.from(leaseUntil.truncatedTo(ChronoUnit.MILLIS)))
			.param("issue", delivery.issueId())
			.param("s", delivery.subscriberId())
			.update()) == 1;
	}

	boolean failed(Delivery delivery, String owner, String reply, Instant now) {
		return finish(delivery, owner, DeliveryStatus.FAILED, reply, now);
	}

	boolean suppressed(Delivery delivery, String owner, String reason, Instant now) {
		return finish(delivery, owner, DeliveryStatus.SUPPRESSED, reason, now);
	}

	private boolean finish(Delivery delivery, String owner, DeliveryStatus status, String reply, Instant now) {
		return write(() -> jdbc.sql("update newsletter_delivery set status = :status, sent_at = :sent, last_reply = :reply, "
				+ "lease_owner = null, lease_expires_at = null "
				+ "where issue_id = :issue and subscriber_id = :s and lease_owner = :owner and status = 'QUEUED'")
			.param("status", status.name())
			.param("sent", status == DeliveryStatus.SENT ? Timestamp.from(now) : null)
			.param("reply", clip(reply))
			.param("issue", delivery.issueId())
			.param("s", delivery.subscriberId())
			.param("owner", owner)
			.update()) == 1;
	}

	/** A temporary failure: tried again after {@code wait}. */
	boolean retry(Delivery delivery, String owner, String reply, Instant now, Duration wait) {
		return write(() -> jdbc.sql("update newsletter_delivery set next_attempt_at = :next, last_reply = :reply, "
				+ "lease_owner = null, lease_expires_at = null "
				+ "where issue_id = :issue and subscriber_id = :s and lease_owner = :owner and status = 'QUEUED'")
			.param("next", Timestamp.from(now.plus(wait)))
			.param("reply", clip(reply))
			.param("issue", delivery.issueId())
			.param("s", delivery.subscriberId())
			.param("owner", owner)
			.update()) == 1;
	}

	/**
	 * Gives back the rows of a batch a worker did not get to (paused, or the lease ran short). Only
	 * the batch's own rows are looked at, by key: matching on the lease owner alone walked every
	 * queued row of the issue on each release, under the SQLite write turn (at the start of a
	 * 100,000-recipient send, milliseconds per batch of 100).
	 */
	int release(long issueId, String owner, List<Delivery> batch) {
		if (batch.isEmpty()) {
			return 0;
		}
		List<Long> ids = batch.stream().map(Delivery::subscriberId).toList();
		return write(() -> jdbc.sql("update newsletter_delivery set lease_owner = null, lease_expires_at = null, attempts = attempts - 1 "
				+ "where issue_id = :issue and subscriber_id in (:ids) and lease_owner = :owner and status = 'QUEUED'")
			.param("issue", issueId)
			.param("ids", ids)
			.param("owner", owner)
			.update());
	}

	/** Deliveries of the issue by status. */
	Map<DeliveryStatus, Long> counts(long issueId) {
		Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
		for (DeliveryStatus status : DeliveryStatus.values()) {
			counts.put(status, 0L);
		}
		jdbc.sql("select status, count(*) from newsletter_delivery where issue_id = :issue group by status")
			.param("issue", issueId)
			.query((rs, row) -> counts.put(DeliveryStatus.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return counts;
	}

	/** Whether any delivery of the issue is still queued (due now or later). */
	boolean hasQueued(long issueId) {
		return !jdbc.sql("select 1 from newsletter_delivery where issue_id = :issue and status = 'QUEUED' limit 1")
			.param("issue", issueId)
			.query(Integer.class)
			.list()
			.isEmpty();
	}

	/** Readers who left the newsletter since the issue started going out. */
	long unsubscribesSince(long newsletterId, Instant since) {
		return jdbc.sql("select count(*) from subscription_consent where newsletter_id = :n and kind = 'UNSUBSCRIBED' "
				+ "and occurred_at >= :since")
			.param("n", newsletterId)
			.param("since", Timestamp.from(since))
			.query(Long.class)
			.single();
	}

	/** Deliveries opened and clicked (recorded only while the newsletter's tracking is on). */
	long[] engagement(long issueId) {
		return jdbc.sql("select count(opened_at), count(clicked_at) from newsletter_delivery where issue_id = :issue")
			.param("issue", issueId)
			.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
	}

	boolean isEnqueued(long issueId) {
		return jdbc.sql("select count(*) from newsletter_issue where id = :id and enqueued_at is not null")
			.param("id", issueId)
			.query(Long.class)
			.single() > 0;
	}

	void markEnqueued(long issueId, Instant now) {
		jdbc.sql("update newsletter_issue set enqueued_at = :now where id = :id and enqueued_at is null")
			.param("now", Timestamp.from(now))
			.param("id", issueId)
			.update();
	}

	private static String clip(String reply) {
		if (reply == null) {
			return null;
		}
		String oneLine = reply.replaceAll("[\\r\\n]+", " ").strip();
		return oneLine.length() > 500 ? oneLine.substring(0, 500) : oneLine;
	}

}
