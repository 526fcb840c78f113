package org.masthead.site.cache;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.masthead.platform.Ids;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.function.SingletonSupplier;

import tools.jackson.databind.json.JsonMapper;

/**
 * Tells the CDN which pages to drop when the page cache drops them: the same content keys, POSTed
 * to {@code masthead.cdn.purge-url}. A purge is written to {@code cdn_purge} in the change's
 * transaction (nothing waits in memory, and a rolled-back change purges nothing); the
 * {@code cdn-purge} job sends what is waiting in batches, off the publishing request, from whichever
 * node runs it, and retries with a doubling wait. A purge the CDN keeps refusing is logged and
 * dropped: the CDN then serves the old page until its {@code s-maxage} runs out.
 */
@Component
class CdnPurge {

	private static final Logger log = LoggerFactory.getLogger(CdnPurge.class);

	static final String TASK = "cdn-purge";

	private static final int BATCH_ROWS = 500;

	private static final int NUDGE_ATTEMPTS = 30;

	private static final long NUDGE_PAUSE_MILLIS = 100;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final CdnProperties properties;

	private final Clock clock;

	private final ObjectProvider<SchedulerClient> scheduler;

	/** Built at the first purge: a client sets up TLS (the JDK's trust store), about 0.05 s of the start, and most sites have no CDN. */
	private final SingletonSupplier<HttpClient> http;

	/** Purge requests the CDN accepted, and refused or did not answer, on this node since start. */
	private final AtomicLong accepted = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	CdnPurge(JdbcClient jdbc, CdnProperties properties, Clock clock, ObjectProvider<SchedulerClient> scheduler) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
		this.scheduler = scheduler;
		this.http = SingletonSupplier.of(() -> HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
	}

	/** Queues a purge of these keys and paths, in the current transaction; nothing when no purge URL is set. */
	void queue(Collection<String> keys, Collection<String> paths) {
		write(keys, paths, false);
	}

	/** Queues a purge of everything the site serves (a breaking-news banner is on every page). */
	void queueAll() {
		write(List.of(), List.of(), true);
	}

	private void write(Collection<String> keys, Collection<String> paths, boolean all) {
		if (!properties.isEnabled() || (keys.isEmpty() && paths.isEmpty() && !all)) {
			return;
		}
		Instant now = clock.instant();
		jdbc.sql("""
				insert into cdn_purge (id, surrogate_keys, paths, purge_all, attempts, due_at, created_at)
				values (:id, :keys, :paths, :all, 0, :due, :created)""")
			.param("id", Ids.next()).param("keys", String.join("\n", keys)).param("paths", String.join("\n", paths))
			.param("all", all).param("due", Timestamp.from(now)).param("created", Timestamp.from(now))
			.update();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					// not on this thread: its connection is still the committed transaction's, and a
					// write on it would hold SQLite's lock until the request ends
					CompletableFuture.runAsync(CdnPurge.this::nudge);
				}
			});
		}
		else {
			nudge();
		}
	}

	/**
	 * Runs the job now rather than at its next turn. While it runs (on any node) it cannot be moved,
	 * so this tries again for a while: otherwise a purge queued just as a turn ends would wait for
	 * the scheduler's next poll.
	 */
	private void nudge() {
		SchedulerClient client = scheduler.getIfAvailable();
		if (client == null) {
			return;
		}
		for (int attempt = 0; attempt < NUDGE_ATTEMPTS; attempt++) {
			try {
				client.reschedule(TaskInstanceId.of(TASK, "recurring"), clock.instant());
				return;
			}
			catch (RuntimeException ex) {
				log.trace("CDN purge job not moved forward yet: {}", ex.toString());
			}
			try {
				Thread.sleep(NUDGE_PAUSE_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * One turn of the job: sends every waiting purge that is due, together, and again while more
	 * arrive meanwhile (a few rounds at most). Returns the requests sent.
	 */
	int send() {
		int sent = 0;
		for (int round = 0; round < 5; round++) {
			int now = sendDue();
			if (now <= 0) {
				break;
			}
			sent += now;
		}
		return sent;
	}

	/** Sends what is due once; the requests sent, 0 when nothing waited, -1 when the CDN failed. */
	private int sendDue() {
		if (!properties.isEnabled()) {
			return 0;
		}
		Instant now = clock.instant();
		List<Row> rows = jdbc.sql("""
				select id, surrogate_keys, paths, purge_all, attempts from cdn_purge
				where due_at <= :now order by created_at, id limit :limit""")
			.param("now", Timestamp.from(now)).param("limit", BATCH_ROWS)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getInt(5)))
			.list();
		if (rows.isEmpty()) {
			return 0;
		}
		Set<String> keys = new LinkedHashSet<>();
		Set<String> paths = new LinkedHashSet<>();
		boolean all = false;
		for (Row row : rows) {
			keys.addAll(lines(row.keys()));
			paths.addAll(lines(row.paths()));
			all |= row.all();
		}
		List<Map<String, Object>> requests = requests(new ArrayList<>(keys), new ArrayList<>(paths), all);
		int sent = 0;
		try {
			for (Map<String, Object> body : requests) {
				post(body);
				accepted.incrementAndGet();
				sent++;
			}
		}
		catch (PurgeFailed ex) {
			failed.incrementAndGet();
			retry(rows, now, ex.getMessage());
			return -1;
		}
		List<Long> ids = rows.stream().map(Row::id).toList();
		jdbc.sql("delete from cdn_purge where id in (:ids)").param("ids", ids).update();
		log.debug("Purged {} keys and {} paths at the CDN in {} requests", keys.size(), paths.size(), sent);
		return sent;
	}

	long accepted() {
		return accepted.get();
	}

	long failed() {
		return failed.get();
	}

	/** Purges waiting to be sent, all nodes; NaN while the database cannot be reached. */
	double waiting() {
		try {
			return jdbc.sql("select count(*) from cdn_purge").query(Long.class).single();
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

	private List<Map<String, Object>> requests(List<String> keys, List<String> paths, boolean all) {
		List<Map<String, Object>> requests = new ArrayList<>();
		int max = properties.maxKeysPerRequest();
		for (int from = 0; from < Math.max(keys.size(), 1); from += max) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("keys", keys.subList(from, Math.min(keys.size(), from + max)));
			body.put("paths", from == 0 ? paths : List.of());
			body.put("all", all && from == 0);
			requests.add(body);
		}
		return requests;
	}

	private void post(Map<String, Object> body) throws PurgeFailed {
		@SuppressWarnings("unchecked")
		List<String> keys = (List<String>) body.get("keys");
		HttpRequest.Builder request = HttpRequest.newBuilder(properties.purgeUrl())
			.timeout(properties.timeout())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		if (!keys.isEmpty()) {
			request.header("Surrogate-Key", String.join(" ", keys)); // Fastly-style purge endpoints read this
		}
		if (properties.purgeToken() != null && !properties.purgeToken().isBlank()) {
			request.header("Authorization", "Bearer " + properties.purgeToken());
		}
		try {
			HttpResponse<String> response = http.obtain().send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				String text = response.body() == null ? "" : response.body().strip();
				throw new PurgeFailed("HTTP " + response.statusCode() + (text.isEmpty() ? "" : ": "
						+ text.substring(0, Math.min(200, text.length()))));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PurgeFailed("interrupted");
		}
		catch (java.io.IOException ex) {
			throw new PurgeFailed(ex.toString());
		}
	}

	private void retry(List<Row> rows, Instant now, String reason) {
		for (Row row : rows) {
			int attempts = row.attempts() + 1;
			if (attempts >= properties.maxAttempts()) {
				jdbc.sql("delete from cdn_purge where id = :id").param("id", row.id()).update();
				log.error("CDN purge of {} given up after {} tries ({}); the CDN serves those pages until s-maxage runs out",
						row.all() ? "everything" : lines(row.keys()), attempts, reason);
				continue;
			}
			Duration wait = properties.retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 16));
			jdbc.sql("update cdn_purge set attempts = :attempts, due_at = :due where id = :id")
				.param("attempts", attempts).param("due", Timestamp.from(now.plus(wait))).param("id", row.id())
				.update();
		}
		log.warn("CDN purge failed ({}); {} waiting purges are tried again", reason, rows.size());
	}

	private static List<String> lines(String text) {
		return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
	}

	private record Row(long id, String keys, String paths, boolean all, int attempts) {
	}

	private static final class PurgeFailed extends Exception {

		PurgeFailed(String message) {
			super(message, null, false, false);
		}

	}

}
