package org.masthead.identity.signin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.masthead.identity.IdentityProperties;
import org.masthead.identity.account.EmailAddresses;
import org.masthead.identity.account.SecretTokens;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per email address and per client address, in the database so that every
 * node counts together. Too many failures in the window lock the key for a while. Email
 * addresses are counted whether or not they belong to anyone, and stored only as a hash.
 */
@Service
public class SignInThrottle {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final IdentityProperties properties;

	SignInThrottle(JdbcClient jdbc, Clock clock, IdentityProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	/** Whether sign-in for this email address, or from this client address, is locked now. */
	@Transactional(readOnly = true)
	public boolean isLocked(String email, String clientAddress) {
		Instant now = clock.instant();
		return lockedUntil(emailKey(email)) > now.toEpochMilli()
				|| (clientAddress != null && lockedUntil(addressKey(clientAddress)) > now.toEpochMilli());
	}

	/** Counts a failure; returns whether this or an earlier failure has locked sign-in now. */
	@Transactional
	public boolean recordFailure(String email, String clientAddress) {
		boolean locked = count(emailKey(email), properties.maxFailuresPerEmail());
		if (clientAddress != null) {
			locked |= count(addressKey(clientAddress), properties.maxFailuresPerAddress());
		}
		return locked;
	}

	/** Forgets an email address's failures after a complete sign-in. */
	@Transactional
	public void recordSuccess(String email) {
		jdbc.sql("delete from sign_in_throttle where throttle_key = :key").param("key", emailKey(email)).update();
	}

	private boolean count(String key, int max) {
		Instant now = clock.instant();
		Timestamp windowStart = Timestamp.from(now.minus(properties.lockout()));
		int updated = jdbc.sql("update sign_in_throttle set failures = failures + 1"
				+ " where throttle_key = :key and window_started_at >= :windowStart")
			.param("key", key).param("windowStart", windowStart).update();
		if (updated == 0) {
			updated = jdbc.sql("update sign_in_throttle set failures = 1, window_started_at = :now, locked_until = null"
					+ " where throttle_key = :key")
				.param("key", key).param("now", Timestamp.from(now)).update();
		}
		if (updated == 0) {
			try {
				jdbc.sql("insert into sign_in_throttle (throttle_key, failures, window_started_at) values (:key, 1, :now)")
					.param("key", key).param("now", Timestamp.from(now)).update();
			}
			catch (DuplicateKeyException ex) {
				jdbc.sql("update sign_in_throttle set failures = failures + 1 where throttle_key = :key")
					.param("key", key).update();
			}
		}
		int failures = jdbc.sql("select failures from sign_in_throttle where throttle_key = :key").param("key", key)
			.query(Integer.class).single();
		if (failures >= max) {
			jdbc.sql("update sign_in_throttle set locked_until = :until, failures = 0, window_started_at = :now"
					+ " where throttle_key = :key")
				.param("until", Timestamp.from(now.plus(properties.lockout()))).param("now", Timestamp.from(now))
				.param("key", key).update();
			return true;
		}
		return lockedUntil(key) > now.toEpochMilli();
	}

	private long lockedUntil(String key) {
		return jdbc.sql("select locked_until from sign_in_throttle where throttle_key = :key").param("key", key)
			.query((rs, n) -> {
				Timestamp until = rs.getTimestamp(1);
				return until == null ? 0L : until.getTime();
			})
			.optional().orElse(0L);
	}

	static String emailKey(String email) {
		return "email:" + sha256(EmailAddresses.normalise(email));
	}

	static String addressKey(String clientAddress) {
		String address = clientAddress.length() > 100 ? clientAddress.substring(0, 100) : clientAddress;
		return "ip:" + address;
	}

	private static String sha256(String text) {
		return SecretTokens.sha256Hex(text);
	}

}
