package org.masthead.newsletter.signup;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.masthead.newsletter.Newsletter;
import org.masthead.newsletter.NewsletterProperties;
import org.masthead.newsletter.SignupBlock;
import org.masthead.newsletter.SignupOutcome;
import org.masthead.platform.Ids;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Double opt-in sign-up. One transaction (shared with other sign-ups of the moment, see
 * {@link SignupWriter}) writes the subscriber (if new), the pending subscription,
 * the consent record, the single-use confirmation token (only its hash) and the job that mails the
 * link, so a sign-up is either all there or not at all, and a relay that is down only delays the
 * mail. Every accepted form gets the same answer, whether the address was known, confirmed
 * already, over its limit or suppressed: nobody can learn who subscribes.
 */
@Service
public class Signups {

	private static final Logger log = LoggerFactory.getLogger(Signups.class);

	private static final Pattern PAGE = Pattern.compile("/[a-z0-9/_.-]{0,250}");

	private static final SecureRandom RANDOM = new SecureRandom();

	/** How long after the sign-up the confirmation mail job is due; see {@link #record}. */
	static final java.time.Duration MAIL_DELAY = java.time.Duration.ofMillis(200);

	private final JdbcClient jdbc;

	private final SignupWriter writer;

	private final LinkKey key;

	private final SignupThrottle throttle;

	private final ObjectProvider<SchedulerClient> scheduler;

	private final Clock clock;

	private final NewsletterProperties properties;

	Signups(JdbcClient jdbc, SignupWriter writer, LinkKey key,
			SignupThrottle throttle, ObjectProvider<SchedulerClient> scheduler, Clock clock,
			NewsletterProperties properties) {
		this.jdbc = jdbc;
		this.writer = writer;
		this.key = key;
		this.throttle = throttle;
		this.scheduler = scheduler;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * A sign-up form as sent.
	 *
	 * @param honeypot the hidden field people never see; bots fill it
	 * @param page the page the form was on
	 * @param clientAddress the reader's IP address
	 */
	public record Request(Newsletter newsletter, String email, String honeypot, String page, String clientAddress) {
	}

	/** The page a form says it was on, if it is one of ours; else null. */
	public static String safePage(String page) {
		return page != null && PAGE.matcher(page).matches() && !page.contains("..") && !page.startsWith("//") ? page : null;
	}

	public SignupOutcome signUp(Request request) {
		Newsletter newsletter = request.newsletter();
		if (!newsletter.isOpen()) {
			return SignupOutcome.CLOSED;
		}
		if (request.honeypot() != null && !request.honeypot().isEmpty()) {
			log.debug("Sign-up with the honeypot filled in, from {}: ignored", request.clientAddress());
			return SignupOutcome.SENT;
		}
		if (!throttle.tryTake(request.clientAddress())) {
			return SignupOutcome.LIMITED;
		}
		EmailAddress.Checked checked = EmailAddress.check(request.email());
		if (checked instanceof EmailAddress.Refused refused) {
			return refused.reason();
		}
		EmailAddress address = ((EmailAddress.Valid) checked).address();
		String page = safePage(request.page());
		String form = (page == null ? newsletter.path() : page) + "#signup-" + newsletter.slug();
		String ipHash = key.hashAddress(request.clientAddress());
		writer.write(() -> record(newsletter, address, form, ipHash));
		return SignupOutcome.SENT;
	}

	private void record(Newsletter newsletter, EmailAddress address, String form, String ipHash) {
		Instant now = clock.instant();
		Timestamp at = Timestamp.from(now);
		long subscriberId = subscriber(address, at);
		if (isSuppressed(address)) {
			return;
		}
		String status = jdbc.sql("select status from subscription where subscriber_id = :s and newsletter_id = :n")
			.param("s", subscriberId)
			.param("n", newsletter.id())
			.query(String.class)
			.optional()
			.orElse(null);
		if (SubscriptionStatus.CONFIRMED.name().equals(status)) {
			return; // confirmed stays confirmed, and gets no mail
		}
		long recent = jdbc.sql("select count(*) from subscription_consent where subscriber_id = :s and kind = :kind and occurred_at > :since")
			.param("s", subscriberId)
			.param("kind", ConsentKind.SIGNED_UP.name())
			.param("since", Timestamp.from(now.minus(properties.confirmationWindow())))
			.query(Long.class)
			.single();
		if (recent >= properties.confirmationsPerAddress()) {
			log.debug("Sign-up for subscriber {} over the per-address limit: no mail", subscriberId);
			return;
		}
		if (status == null) {
			jdbc.sql("insert into subscription (subscriber_id, newsletter_id, status, created_at) values (:s, :n, :status, :now)")
				.param("s", subscriberId)
				.param("n", newsletter.id())
				.param("status", SubscriptionStatus.PENDING.name())
				.param("now", at)
				.update();
		}
		else {
			jdbc.sql("update subscription set status = :status where subscriber_id = :s and newsletter_id = :n")
				.param("s", subscriberId)
				.param("n", newsletter.id())
				.param("status", SubscriptionStatus.PENDING.name())
				.update();
		}
		Consents.record(jdbc, subscriberId, newsletter.id(), ConsentKind.SIGNED_UP, now, form,
				SignupBlock.consent(newsletter), ipHash);
		String nonce = nonce();
		jdbc.sql("""
				insert into subscription_token (token_hash, subscriber_id, newsletter_id, created_at, expires_at)
				values (:hash, :s, :n, :now, :expires)""")
			.param("hash", LinkKey.sha256(ConfirmationMail.token(key, nonce)))
			.param("s", subscriberId)
			.param("n", newsletter.id())
			.param("now", at)
			.param("expires", Timestamp.from(now.plus(properties.confirmationValidity())))
			.update();
		// In this transaction (db-scheduler's data source joins it): the mail job exists exactly when the
		// sign-up does. Due a moment from now rather than now, so a burst of sign-ups does not wake the
		// scheduler once per form (immediate execution); the next poll sends it.
		scheduler.getObject().schedule(new TaskInstance<>(ConfirmationMail.TASK, nonce, nonce), now.plus(MAIL_DELAY));
	}

	private long subscriber(EmailAddress address, Timestamp at) {
		jdbc.sql("""
				insert into subscriber (id, address, address_key, created_at, updated_at) values (:id, :address, :key, :now, :now)
				on conflict (address_key) do nothing""")
			.param("id", Ids.next())
			.param("address", address.address())
			.param("key", address.address())
			.param("now", at)
			.update();
		return jdbc.sql("select id from subscriber where address_key = :key")
			.param("key", address.address())
			.query(Long.class)
			.single();
	}

	private boolean isSuppressed(EmailAddress address) {
		return jdbc.sql("select count(*) from suppressed_address where address_hash = :hash")
			.param("hash", LinkKey.sha256(address.address()))
			.query(Long.class)
			.single() > 0;
	}

	/** The subscriber known by this address, if any. */
	public Optional<Long> subscriberOf(String email) {
		if (EmailAddress.check(email) instanceof EmailAddress.Valid valid) {
			return jdbc.sql("select id from subscriber where address_key = :key")
				.param("key", valid.address().address())
				.query(Long.class)
				.optional();
		}
		return Optional.empty();
	}

	private static String nonce() {
		byte[] bytes = new byte[18];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
