package org.masthead.newsletter.sending;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The suppression list: addresses never mailed again, kept as SHA-256 of their address key (the
 * address with its domain lower-cased, IDN domains in Unicode), so an erased reader stays suppressed.
 */
@Repository
class Suppressions {

	/** Why an address is on the list. */
	enum Reason {
		BOUNCE, COMPLAINT, REJECTED, MANUAL
	}

	private final JdbcClient jdbc;

	Suppressions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds the address key; an address already listed keeps its first reason. */
	void add(String addressKey, Reason reason, String detail, Instant now) {
		String clipped = detail == null ? null : detail.replaceAll("[\\r\\n]+", " ");
		if (clipped != null && clipped.length() > 500) {
			clipped = clipped.substring(0, 500);
		}
		jdbc.sql("insert into suppressed_address (address_hash, reason, detail, created_at) values (:hash, :reason, :detail, :now) "
				+ "on conflict (address_hash) do nothing")
			.param("hash", hash(addressKey))
			.param("reason", reason.name())
			.param("detail", clipped)
			.param("now", Timestamp.from(now))
			.update();
	}

	boolean contains(String addressKey) {
		return !listed(Set.of(addressKey)).isEmpty();
	}

	/**
	 * The address keys among {@code addressKeys} that are on the list. Each key is hashed once here,
	 * so a sender checks its batch against the answer without hashing again per message.
	 */
	Set<String> listed(Collection<String> addressKeys) {
		if (addressKeys.isEmpty()) {
			return Set.of();
		}
		Map<String, String> byHash = new HashMap<>();
		for (String key : addressKeys) {
			byHash.put(hash(key), key);
		}
		Set<String> listed = new HashSet<>();
		jdbc.sql("select address_hash from suppressed_address where address_hash in (:hashes)")
			.param("hashes", List.copyOf(byHash.keySet()))
			.query(String.class)
			.list()
			.forEach(hash -> listed.add(byHash.get(hash)));
		return listed;
	}

	/** The address key of an address: domain lower-cased and in Unicode, local part as given. */
	static String key(String address) {
		String trimmed = address.strip();
		int at = trimmed.lastIndexOf('@');
		if (at < 0) {
			return trimmed;
		}
		String domain = trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
		try {
			domain = IDN.toUnicode(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException ex) {
			// not a valid IDN: keep it as typed, lower-cased
		}
		return trimmed.substring(0, at) + "@" + domain;
	}

	static String hash(String addressKey) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(addressKey.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
