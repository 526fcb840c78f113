package org.masthead.newsletter.signup;

import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.masthead.newsletter.Newsletter;
import org.masthead.newsletter.Newsletters;
import org.masthead.platform.MastheadProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.web.util.HtmlUtils;

/**
 * The confirmation email, sent by a db-scheduler one-time job that the sign-up's transaction
 * wrote. A relay that is down or answers 4xx fails the job, which runs again later (30 s, then
 * doubling, for about a day and a half), so the mail is delayed, never lost. The job carries only
 * a random nonce: the link's token is the HMAC of it under the link key, and only the token's
 * SHA-256 is stored, so the database alone never holds a working link.
 */
@Configuration(proxyBeanMethods = false)
class ConfirmationMail {

	private static final Logger log = LoggerFactory.getLogger(ConfirmationMail.class);

	static final String TASK = "newsletter-confirmation";

	private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	static {
		// Jakarta Mail looks up its stream provider with a ServiceLoader scan of the class path for
		// every multipart message (Multipart's constructor), which was the largest CPU cost of a
		// confirmation email in bench/signup.sh; naming the provider skips the scan. Process-wide,
		// and only when nobody set it.
		if (System.getProperty(STREAM_PROVIDER) == null) {
			System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
		}
	}

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm z", Locale.ENGLISH);

	/** The token mailed for a job's nonce. */
	static String token(LinkKey key, String nonce) {
		return key.sign("confirm:" + nonce);
	}

	@Bean
	OneTimeTask<String> newsletterConfirmationTask(ConfirmationSender sender) {
		return Tasks.oneTime(TASK, String.class)
			.onFailure(new FailureHandler.MaxRetriesFailureHandler<>(12,
					new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(30), 2.0)))
			.execute((instance, context) -> sender.send(instance.getId()));
	}

	@Bean
	ConfirmationSender confirmationSender(JdbcClient jdbc, LinkKey key, Newsletters newsletters,
			ObjectProvider<JavaMailSender> mail, MastheadProperties site) {
		return new ConfirmationSender(jdbc, key, newsletters, mail, site);
	}

	/** Builds and sends one confirmation email; throws when the relay does not take it, so the job retries. */
	static class ConfirmationSender {

		private final JdbcClient jdbc;

		private final LinkKey key;

		private final Newsletters newsletters;

		private final ObjectProvider<JavaMailSender> mail;

		private final MastheadProperties site;

		ConfirmationSender(JdbcClient jdbc, LinkKey key, Newsletters newsletters, ObjectProvider<JavaMailSender> mail,
				MastheadProperties site) {
			this.jdbc = jdbc;
			this.key = key;
			this.newsletters = newsletters;
			this.mail = mail;
			this.site = site;
		}

		private record Pending(String address, long newsletterId, java.time.Instant expiresAt) {
		}

		void send(String nonce) {
			String token = token(key, nonce);
			Optional<Pending> pending = jdbc.sql("""
					select s.address, t.newsletter_id, t.expires_at from subscription_token t
					join subscriber s on s.id = t.subscriber_id where t.token_hash = :hash and t.used_at is null""")
				.param("hash", LinkKey.sha256(token))
				.query((rs, n) -> new Pending(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant()))
				.optional();
			if (pending.isEmpty()) {
				return; // erased, or confirmed already through an earlier mail: nothing to send
			}
			Newsletter newsletter = newsletters.byId(pending.get().newsletterId()).orElse(null);
			JavaMailSender sender = mail.getIfAvailable();
			if (newsletter == null) {
				return;
			}
			if (sender == null) {
				throw new IllegalStateException("No SMTP relay configured (spring.mail.host): confirmation mail waits");
			}
			try {
				sender.send(message(sender, pending.get(), newsletter, token));
			}
			catch (MessagingException | UnsupportedEncodingException ex) {
				throw new IllegalStateException("Could not build the confirmation email: " + ex.getMessage(), ex);
			}
			log.debug("Confirmation email for {} sent", newsletter.slug());
		}

		private MimeMessage message(JavaMailSender sender, Pending pending, Newsletter newsletter, String token)
				throws MessagingException, UnsupportedEncodingException {
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(new InternetAddress(Addresses.ascii(newsletter.senderAddress()), newsletter.senderName(), "UTF-8"));
			if (newsletter.replyTo() != null) {
				helper.setReplyTo(new InternetAddress(Addresses.ascii(newsletter.replyTo())));
			}
			helper.setTo(new InternetAddress(Addresses.ascii(pending.address()), false));
			helper.setSubject("Please confirm: " + newsletter.name());
			String link = site.site().absolute("/newsletters/confirm?token=" + token);
			String until = WHEN.format(ZonedDateTime.ofInstant(pending.expiresAt(), site.site().timeZone()));
			String siteName = site.site().name();
			String text = """
					Hello,

					someone, we hope you, asked to receive %s from %s at this address.

					To confirm, open this link:
					%s

					The link works once, until %s. If you did not sign up, ignore this email: \
					you will not hear from us again.
					""".formatted(newsletter.name(), siteName, link, until);
			String html = """
					<!DOCTYPE html>
					<html lang="en"><head><meta charset="utf-8"><meta name="color-scheme" content="light dark">
					<title>Please confirm: %1$s</title></head>
					<body style="margin:0;padding:24px;font-family:Georgia,serif;font-size:17px;line-height:1.5">
					<table role="presentation" width="100%%" cellpadding="0" cellspacing="0"><tr><td style="max-width:560px">
					<p>Hello,</p>
					<p>someone, we hope you, asked to receive <strong>%1$s</strong> from %2$s at this address.</p>
					<p><a href="%3$s" style="display:inline-block;padding:12px 20px;background:#1a4d8f;color:#ffffff;text-decoration:none;border-radius:4px">Confirm my subscription</a></p>
					<p style="font-size:14px">Or copy this address into your browser: %3$s</p>
					<p style="font-size:14px">The link works once, until %4$s. If you did not sign up, ignore this email: you will not hear from us again.</p>
					</td></tr></table>
					</body></html>
					""".formatted(HtmlUtils.htmlEscape(newsletter.name()), HtmlUtils.htmlEscape(siteName),
					HtmlUtils.htmlEscape(link), HtmlUtils.htmlEscape(until));
			helper.setText(text, html);
			return message;
		}

	}

}
