package org.masthead.newsletter.signup;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.masthead.newsletter.Newsletter;
import org.masthead.newsletter.Newsletters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a subscriber does through the signed link in every email: choose newsletters, unsubscribe
 * from one or all, download their data, erase it. Every change of mind is kept as a consent record.
 */
@Service
public class SelfService {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Newsletters newsletters;

	private final LinkKey key;

	private final Clock clock;

	SelfService(JdbcClient jdbc, PlatformTransactionManager transactions, Newsletters newsletters, LinkKey key,
			Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.newsletters = newsletters;
		this.key = key;
		this.clock = clock;
	}

	/** One newsletter as the manage page lists it. */
	public record Choice(Newsletter newsletter, SubscriptionStatus status) {

		public boolean isSubscribed() {
			return status == SubscriptionStatus.CONFIRMED;
		}

		public boolean isPending() {
			return status == SubscriptionStatus.PENDING;
		}

	}

	/** The subscriber's address and their choice per newsletter: every open one, and any other they are on. */
	public record Overview(long subscriberId, String address, List<Choice> choices) {
	}

	public Optional<Overview> overview(long subscriberId) {
		Optional<String> address = address(subscriberId);
		if (address.isEmpty()) {
			return Optional.empty();
		}
		Map<Long, SubscriptionStatus> statuses = statuses(subscriberId);
		List<Choice> choices = newsletters.all().stream()
			.filter(n -> n.isOpen() || statuses.get(n.id()) == SubscriptionStatus.CONFIRMED)
			.map(n -> new Choice(n, statuses.get(n.id())))
			.toList();
		return Optional.of(new Overview(subscriberId, address.get(), choices));
	}

	/**
	 * Subscribes to exactly the chosen newsletters: chosen ones are confirmed (the signed link proves
	 * the address), others left. Returns false when the subscriber no longer exists.
	 */
	public boolean choose(long subscriberId, Set<Long> chosen, String clientAddress) {
		Optional<Overview> overview = overview(subscriberId);
		if (overview.isEmpty()) {
			return false;
		}
		String ipHash = key.hashAddress(clientAddress);
		transactions.executeWithoutResult(status -> {
			Instant now = clock.instant();
			for (Choice choice : overview.get().choices()) {
				long id = choice.newsletter().id();
				if (chosen.contains(id) && !choice.isSubscribed() && choice.newsletter().isOpen()) {
					set(subscriberId, id, SubscriptionStatus.CONFIRMED, now, choice.status() == null);
					Consents.record(jdbc, subscriberId, id, ConsentKind.CONFIRMED, now, "manage page",
							"Subscribed on the page linked from a newsletter email.", ipHash);
				}
				else if (!chosen.contains(id) && (choice.isSubscribed() || choice.isPending())) {
					leave(subscriberId, id, now, "manage page", ipHash);
				}
			}
		});
		return true;
	}

	/** Leaves one newsletter; false when there was nothing to leave. */
	public boolean unsubscribe(long subscriberId, long newsletterId, String form, String clientAddress) {
		String ipHash = key.hashAddress(clientAddress);
		Boolean left = transactions.execute(status -> {
			SubscriptionStatus current = statuses(subscriberId).get(newsletterId);
			if (current == null || current == SubscriptionStatus.UNSUBSCRIBED) {
				return false;
			}
			leave(subscriberId, newsletterId, clock.instant(), form, ipHash);
			return true;
		});
		return Boolean.TRUE.equals(left);
	}

	public int unsubscribeAll(long subscriberId, String clientAddress) {
		String ipHash = key.hashAddress(clientAddress);
		Integer count = transactions.execute(status -> {
			Instant now = clock.instant();
			int n = 0;
			for (Map.Entry<Long, SubscriptionStatus> e : statuses(subscriberId).entrySet()) {
				if (e.getValue() != SubscriptionStatus.UNSUBSCRIBED) {
					leave(subscriberId, e.getKey(), now, "manage page: unsubscribe from all", ipHash);
					n++;
				}
			}
			return n;
		});
		return count == null ? 0 : count;
	}

	/** Everything kept about the subscriber, for "download my data". Empty when they do not exist. */
	public Optional<Map<String, Object>> export(long subscriberId) {
		return jdbc.sql("select address, created_at from subscriber where id = :id")
			.param("id", subscriberId)
			.query((rs, n) -> {
				Map<String, Object> data = new LinkedHashMap<>();
				data.put("address", rs.getString(1));
				data.put("createdAt", rs.getTimestamp(2).toInstant().toString());
				return data;
			})
			.optional()
			.map(data -> {
				data.put("subscriptions", jdbc.sql("""
						select n.name, n.slug, s.status, s.created_at, s.confirmed_at, s.unsubscribed_at from subscription s
						join newsletter n on n.id = s.newsletter_id where s.subscriber_id = :id order by s.created_at""")
					.param("id", subscriberId)
					.query((rs, n) -> row("newsletter", rs.getString(1), "slug", rs.getString(2), "status", rs.getString(3),
							"createdAt", iso(rs.getTimestamp(4)), "confirmedAt", iso(rs.getTimestamp(5)), "unsubscribedAt",
							iso(rs.getTimestamp(6))))
					.list());
				data.put("consentRecords", jdbc.sql("""
						select n.slug, c.kind, c.occurred_at, c.form, c.wording, c.ip_hash from subscription_consent c
						join newsletter n on n.id = c.newsletter_id where c.subscriber_id = :id order by c.occurred_at, c.id""")
					.param("id", subscriberId)
					.query((rs, n) -> row("newsletter", rs.getString(1), "kind", rs.getString(2), "at", iso(rs.getTimestamp(3)),
							"form", rs.getString(4), "wording", rs.getString(5), "ipAddressHash", rs.getString(6)))
					.list());
				data.put("confirmationLinks", jdbc.sql("""
						select n.slug, t.created_at, t.expires_at, t.used_at from subscription_token t
						join newsletter n on n.id = t.newsletter_id where t.subscriber_id = :id order by t.created_at""")
					.param("id", subscriberId)
					.query((rs, n) -> row("newsletter", rs.getString(1), "createdAt", iso(rs.getTimestamp(2)), "expiresAt",
							iso(rs.getTimestamp(3)), "usedAt", iso(rs.getTimestamp(4))))
					.list());
				return data;
			});
	}

	/**
	 * Erases the subscriber: address, subscriptions, consent records, confirmation links (and, by
	 * the schema's cascade, their deliveries). A suppression entry, kept as a hash, stays.
	 */
	public boolean erase(long subscriberId) {
		Integer rows = transactions.execute(status -> {
			for (String table : List.of("subscription_token", "subscription_consent", "subscription")) {
				jdbc.sql("delete from " + table + " where subscriber_id = :id").param("id", subscriberId).update();
			}
			return jdbc.sql("delete from subscriber where id = :id").param("id", subscriberId).update();
		});
		return rows != null && rows > 0;
	}

	public Optional<String> address(long subscriberId) {
		return jdbc.sql("select address from subscriber where id = :id").param("id", subscriberId).query(String.class).optional();
	}

	private void leave(long subscriberId, long newsletterId, Instant now, String form, String ipHash) {
		jdbc.sql("update subscription set status = :status, unsubscribed_at = :now where subscriber_id = :s and newsletter_id = :n")
			.param("status", SubscriptionStatus.UNSUBSCRIBED.name())
			.param("now", Timestamp.from(now))
			.param("s", subscriberId)
			.param("n", newsletterId)
			.update();
		Consents.record(jdbc, subscriberId, newsletterId, ConsentKind.UNSUBSCRIBED, now, form,
				"Unsubscribed; no further issues are sent.", ipHash);
	}

	private void set(long subscriberId, long newsletterId, SubscriptionStatus status, Instant now, boolean isNew) {
		if (isNew) {
			jdbc.sql("insert into subscription (subscriber_id, newsletter_id, status, created_at, confirmed_at) values (:s, :n, :status, :now, :now)")
				.param("s", subscriberId).param("n", newsletterId).param("status", status.name()).param("now", Timestamp.from(now))
				.update();
		}
		else {
			jdbc.sql("update subscription set status = :status, confirmed_at = :now, unsubscribed_at = null where subscriber_id = :s and newsletter_id = :n")
				.param("s", subscriberId).param("n", newsletterId).param("status", status.name()).param("now", Timestamp.from(now))
				.update();
		}
	}

	private Map<Long, SubscriptionStatus> statuses(long subscriberId) {
		Map<Long, SubscriptionStatus> statuses = new LinkedHashMap<>();
		jdbc.sql("select newsletter_id, status from subscription where subscriber_id = :id")
			.param("id", subscriberId)
			.query(rs -> {
				statuses.put(rs.getLong(1), SubscriptionStatus.valueOf(rs.getString(2)));
			});
		return statuses;
	}

	private static String iso(Timestamp t) {
		return t == null ? null : t.toInstant().toString();
	}

	private static Map<String, Object> row(Object... pairs) {
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			row.put((String) pairs[i], pairs[i + 1]);
		}
		return row;
	}

}
