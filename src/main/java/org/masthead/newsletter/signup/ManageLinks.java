package org.masthead.newsletter.signup;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.masthead.newsletter.Newsletter;
import org.masthead.newsletter.NewsletterProperties;
import org.masthead.newsletter.Newsletters;
import org.masthead.platform.MastheadProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * A fresh link to manage one's newsletters, mailed on request when an old one has expired. The
 * answer never says whether the address is known; the mail goes out through a db-scheduler job
 * like the confirmation email. A client address may ask as often as it may sign up, and an email
 * address gets at most one such link per {@code link-request-interval}, counted in the database.
 */
@Configuration(proxyBeanMethods = false)
public class ManageLinks {

	static final String TASK = "newsletter-manage-link";

	private final Signups signups;

	private final SignupThrottle throttle;

	private final ObjectProvider<SchedulerClient> scheduler;

	private final Clock clock;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final NewsletterProperties properties;

	ManageLinks(Signups signups, SignupThrottle throttle, ObjectProvider<SchedulerClient> scheduler, Clock clock,
			JdbcClient jdbc, PlatformTransactionManager transactions, NewsletterProperties properties) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.properties = properties;
		this.signups = signups;
		this.throttle = throttle;
		this.scheduler = scheduler;
		this.clock = clock;
	}

	/** Mails the subscriber known by this address a new link, unless one went out within the interval. */
	public void request(String email, String clientAddress) {
		if (!throttle.tryTake(clientAddress)) {
			return;
		}
		signups.subscriberOf(email).ifPresent(id -> transactions.executeWithoutResult(status -> {
			Instant now = clock.instant();
			boolean recent = jdbc.sql("select count(*) from newsletter_link_request where subscriber_id = :id and requested_at > :since")
				.param("id", id)
				.param("since", Timestamp.from(now.minus(properties.linkRequestInterval())))
				.query(Long.class)
				.single() > 0;
			if (recent) {
				return;
			}
			jdbc.sql("""
					insert into newsletter_link_request (subscriber_id, requested_at) values (:id, :now)
					on conflict (subscriber_id) do update set requested_at = excluded.requested_at""")
				.param("id", id)
				.param("now", Timestamp.from(now))
				.update();
			scheduler.getObject().schedule(new TaskInstance<>(TASK, UUID.randomUUID().toString(), Long.toString(id)), now);
		}));
	}

	@Bean
	OneTimeTask<String> newsletterManageLinkTask(JdbcClient jdbc, Newsletters newsletters, SignedLinks links,
			ObjectProvider<JavaMailSender> mail, MastheadProperties site) {
		return Tasks.oneTime(TASK, String.class)
			.onFailure(new FailureHandler.MaxRetriesFailureHandler<>(8,
					new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(30), 2.0)))
			.execute((instance, context) -> send(jdbc, newsletters, links, mail, site, Long.parseLong(instance.getData())));
	}

	private static void send(JdbcClient jdbc, Newsletters newsletters, SignedLinks links,
			ObjectProvider<JavaMailSender> mail, MastheadProperties site, long subscriberId) {
		Optional<String> address = jdbc.sql("select address from subscriber where id = :id").param("id", subscriberId)
			.query(String.class).optional();
		// From the newsletter the reader is on (or signed up to), else the first one.
		Optional<Newsletter> from = jdbc.sql("select newsletter_id from subscription where subscriber_id = :id order by created_at")
			.param("id", subscriberId).query(Long.class).list().stream().findFirst().flatMap(newsletters::byId)
			.or(() -> newsletters.all().stream().findFirst());
		if (address.isEmpty() || from.isEmpty()) {
			return; // erased meanwhile
		}
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			throw new IllegalStateException("No SMTP relay configured (spring.mail.host): the link waits");
		}
		String link = links.manage(subscriberId);
		String siteName = site.site().name();
		try {
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(new InternetAddress(Addresses.ascii(from.get().senderAddress()), siteName, "UTF-8"));
			helper.setTo(new InternetAddress(Addresses.ascii(address.get()), false));
			helper.setSubject("Your link to manage " + siteName + " newsletters");
			helper.setText("""
					Hello,

					here is a new link to choose your newsletters, download or erase your data:
					%s

					If you did not ask for it, you can ignore this email.
					""".formatted(link), """
					<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Manage your newsletters</title></head>
					<body style="font-family:Georgia,serif;font-size:17px;line-height:1.5;padding:24px">
					<p>Hello,</p><p>here is a new link to choose your newsletters, download or erase your data:</p>
					<p><a href="%1$s">Manage my newsletters</a></p><p style="font-size:14px">%1$s</p>
					<p style="font-size:14px">If you did not ask for it, you can ignore this email.</p></body></html>
					""".formatted(HtmlUtils.htmlEscape(link)));
			sender.send(message);
		}
		catch (MessagingException | UnsupportedEncodingException ex) {
			throw new IllegalStateException("Could not build the email: " + ex.getMessage(), ex);
		}
	}

}
