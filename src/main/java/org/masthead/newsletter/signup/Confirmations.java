package org.masthead.newsletter.signup;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.masthead.newsletter.Newsletter;
import org.masthead.newsletter.Newsletters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The confirmation link: what a token stands for and using it, once. A token that is unknown
 * (mistyped, tampered with, or its reader erased), used already or expired gets its own answer,
 * so the page can say what happened and offer a new link.
 */
@Service
public class Confirmations {

	/** The confirmation wording kept in the consent record. */
	static final String WORDING = "Confirmed by following the single-use link in the confirmation email.";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Newsletters newsletters;

	private final LinkKey key;

	private final Clock clock;

	Confirmations(JdbcClient jdbc, PlatformTransactionManager transactions, Newsletters newsletters, LinkKey key,
			Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.newsletters = newsletters;
		this.key = key;
		this.clock = clock;
	}

	/** What a token stands for. */
	public sealed interface State permits Usable, Done, Used, Expired, Unknown {
	}

	/** Not used, not expired: the page shows the button that confirms. */
	public record Usable(Newsletter newsletter) implements State {
	}

	/** Just confirmed with this token. */
	public record Done(Newsletter newsletter, long subscriberId) implements State {
	}

	/** Used before; {@code confirmed} says whether the subscription is confirmed now. */
	public record Used(Newsletter newsletter, boolean confirmed) implements State {
	}

	public record Expired(Newsletter newsletter) implements State {
	}

	public record Unknown() implements State {
	}

	private record Row(long subscriberId, long newsletterId, Instant expiresAt, Instant usedAt) {
	}

	public State check(String token) {
		Optional<Row> row = row(token);
		if (row.isEmpty()) {
			return new Unknown();
		}
		Newsletter newsletter = newsletters.byId(row.get().newsletterId()).orElse(null);
		if (newsletter == null) {
			return new Unknown();
		}
		if (row.get().usedAt() != null) {
			return new Used(newsletter, isConfirmed(row.get()));
		}
		if (!row.get().expiresAt().isAfter(clock.instant())) {
			return new Expired(newsletter);
		}
		return new Usable(newsletter);
	}

	/** Confirms the subscription the token was mailed for; exactly one of two simultaneous uses wins. */
	public State confirm(String token, String clientAddress) {
		State state = check(token);
		if (!(state instanceof Usable usable)) {
			return state;
		}
		Row row = row(token).orElseThrow();
		String ipHash = key.hashAddress(clientAddress);
		Boolean won = transactions.execute(status -> {
			Instant now = clock.instant();
			int claimed = jdbc.sql("update subscription_token set used_at = :now where token_hash = :hash and used_at is null and expires_at > :now")
				.param("now", Timestamp.from(now))
				.param("hash", LinkKey.sha256(token))
				.update();
			if (claimed == 0) {
				return false;
			}
			jdbc.sql("update subscription set status = :status, confirmed_at = :now, unsubscribed_at = null where subscriber_id = :s and newsletter_id = :n")
				.param("status", SubscriptionStatus.CONFIRMED.name())
				.param("now", Timestamp.from(now))
				.param("s", row.subscriberId())
				.param("n", row.newsletterId())
				.update();
			Consents.record(jdbc, row.subscriberId(), row.newsletterId(), ConsentKind.CONFIRMED, now,
					"confirmation email link", WORDING, ipHash);
			return true;
		});
		return Boolean.TRUE.equals(won) ? new Done(usable.newsletter(), row.subscriberId()) : check(token);
	}

	private boolean isConfirmed(Row row) {
		return jdbc.sql("select count(*) from subscription where subscriber_id = :s and newsletter_id = :n and status = :status")
			.param("s", row.subscriberId())
			.param("n", row.newsletterId())
			.param("status", SubscriptionStatus.CONFIRMED.name())
			.query(Long.class)
			.single() > 0;
	}

	private Optional<Row> row(String token) {
		if (token == null || token.isEmpty() || token.length() > 100) {
			return Optional.empty();
		}
		return jdbc.sql("select subscriber_id, newsletter_id, expires_at, used_at from subscription_token where token_hash = :hash")
			.param("hash", LinkKey.sha256(token))
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
					rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
			.optional();
	}

}
