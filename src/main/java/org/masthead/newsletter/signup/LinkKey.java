package org.masthead.newsletter.signup;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.masthead.newsletter.NewsletterProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The key every node signs subscriber links and hashes client addresses with (HMAC-SHA256):
 * {@code masthead.newsletter.link-secret}, or else one generated once and kept in the database, so
 * all nodes share it and it survives restarts.
 */
@Component
public class LinkKey {

	private static final String NAME = "links";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String configured;

	private volatile SecretKeySpec key;

	/**
	 * One initialised Mac per thread: {@code Mac.getInstance} plus {@code init} cost more than the
	 * HMAC itself, and a newsletter send signs three links per message. A Mac is not thread-safe;
	 * {@code doFinal} leaves it ready for the next text under the same key.
	 */
	private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

	LinkKey(JdbcClient jdbc, Clock clock, NewsletterProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.configured = properties.linkSecret() == null || properties.linkSecret().isBlank() ? null : properties.linkSecret();
	}

	/** Reads (or makes) the key at start, outside any request's transaction. */
	@EventListener(ApplicationReadyEvent.class)
	void load() {
		key();
	}

	/** HMAC-SHA256 of the text, base64url without padding. */
	public String sign(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(text));
	}

	/** Checks a signature in constant time. */
	public boolean verify(String text, String signature) {
		return MessageDigest.isEqual(sign(text).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
	}

	/** A keyed hash of a client address for consent records: comparable, not reversible without the key. */
	public String hashAddress(String clientAddress) {
		return clientAddress == null ? null : HexFormat.of().formatHex(mac("ip:" + clientAddress));
	}

	/** SHA-256 hex of a token, as stored. */
	public static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private byte[] mac(String text) {
		return macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8));
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key());
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private SecretKeySpec key() {
		SecretKeySpec k = key;
		if (k == null) {
			synchronized (this) {
				if (key == null) {
					key = new SecretKeySpec(secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
				}
				k = key;
			}
		}
		return k;
	}

	private String secret() {
		if (configured != null) {
			return configured;
		}
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		// Whichever node inserts first wins; everyone reads the stored one.
		jdbc.sql("insert into newsletter_secret (name, secret, created_at) values (:name, :secret, :now) on conflict (name) do nothing")
			.param("name", NAME)
			.param("secret", Base64.getUrlEncoder().withoutPadding().encodeToString(random))
			.param("now", Timestamp.from(clock.instant()))
			.update();
		return jdbc.sql("select secret from newsletter_secret where name = :name").param("name", NAME).query(String.class).single();
	}

}
