package org.masthead.newsletter.sending;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.masthead.newsletter.issue.DeliveryStatus;
import org.masthead.newsletter.issue.Issue;
import org.masthead.newsletter.issue.IssuePaths;
import org.masthead.newsletter.issue.IssueRenderer;
import org.masthead.newsletter.issue.NewsletterRef;
import org.masthead.platform.MastheadProperties;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Service;

/** What the newsroom asks of sending: progress, test sends, the relay's health and bounce reports. */
@Service
public class Sending {

	private final DeliveryQueue queue;

	private final IssueSender sender;

	private final Suppressions suppressions;

	private final RelayCheck relayCheck;

	private final SendingProperties properties;

	private final MastheadProperties.Site site;

	private final Clock clock;

	Sending(DeliveryQueue queue, IssueSender sender, Suppressions suppressions, RelayCheck relayCheck,
			SendingProperties properties, MastheadProperties site, Clock clock) {
		this.queue = queue;
		this.sender = sender;
		this.suppressions = suppressions;
		this.relayCheck = relayCheck;
		this.properties = properties;
		this.site = site.site();
		this.clock = clock;
	}

	/** Deliveries of an issue by status, and the total. */
	public record Progress(long queued, long sent, long failed, long suppressed) {

		public long total() {
			return queued + sent + failed + suppressed;
		}

		/** How much is done, 0 to 100. */
		public int percent() {
			long total = total();
			return total == 0 ? 0 : (int) ((total - queued) * 100 / total);
		}

	}

	public Progress progress(long issueId) {
		Map<DeliveryStatus, Long> counts = queue.counts(issueId);
		return new Progress(counts.get(DeliveryStatus.QUEUED), counts.get(DeliveryStatus.SENT),
				counts.get(DeliveryStatus.FAILED), counts.get(DeliveryStatus.SUPPRESSED));
	}

	/** An issue's figures: deliveries, readers who unsubscribed since it went out, opens and clicks. */
	public record Stats(Progress progress, long unsubscribes, boolean tracking, long opens, long clicks) {
	}

	public Stats stats(NewsletterRef newsletter, Issue issue) {
		long unsubscribes = issue.sendingStartedAt() == null ? 0 : queue.unsubscribesSince(newsletter.id(), issue.sendingStartedAt());
		long[] engagement = queue.engagement(issue.id());
		return new Stats(progress(issue.id()), unsubscribes, newsletter.trackingEnabled(), engagement[0], engagement[1]);
	}

	/**
	 * Sends the issue as it would go out now to one staff member, subject marked "[Test]". The links
	 * lead to the newsletter's public page instead of a subscriber's own.
	 *
	 * @return the relay's reply
	 */
	public String testSend(NewsletterRef newsletter, Issue issue, IssueRenderer.Rendered rendered, String to) {
		JavaMailSenderImpl relay = sender.relay();
		if (relay == null) {
			throw new IllegalStateException("No SMTP relay is configured (spring.mail.host).");
		}
		Issue withBody = new Issue(issue.id(), issue.newsletterId(), issue.slug(), issue.subject(), issue.preheader(),
				issue.status(), issue.isDigest(), issue.digestSince(), issue.articleSlugs(), issue.scheduledAt(),
				rendered.html(), rendered.text(), issue.createdBy(), issue.createdAt(), issue.updatedAt(),
				issue.sendingStartedAt(), issue.sentAt());
		String page = site.absolute("/newsletters/" + newsletter.slug() + "/");
		Instant now = clock.instant();
		String messageId = "<test." + issue.id() + "." + now.toEpochMilli() + "@" + messageIdDomain() + ">";
		try (SmtpConnection connection = new SmtpConnection(relay)) {
			DkimKeys keys = new DkimKeys(properties.dkim());
			IssueMail mail = new IssueMail(connection.session(), keys.isEnabled() ? keys.signer() : null, listIdDomain());
			MimeMessage message = mail.message(newsletter, withBody, "[Test] ", to, messageId,
					new IssueMail.Links(page, page, null, null, null), now);
			SmtpConnection.Reply reply = connection.send(message, new Address[] { new InternetAddress(to, false) });
			if (reply.outcome() != SmtpConnection.Outcome.ACCEPTED) {
				throw new IllegalStateException("The relay did not take the test message: " + reply.text());
			}
			return reply.text();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException("The test message could not be made: " + ex.getMessage(), ex);
		}
	}

	/** Whether the relay answers EHLO and NOOP now (cached for a few seconds). */
	public RelayCheck.Status relay() {
		return relayCheck.status();
	}

	/** When sending tries the relay again after it did not answer, or null when it is not waiting. */
	public Instant relayRetryAt() {
		Instant at = sender.relayRetryAt();
		return at.isAfter(clock.instant()) ? at : null;
	}

	/** Puts an address on the suppression list after a hard bounce or a complaint. */
	public void suppress(String address, boolean complaint, String detail) {
		suppressions.add(Suppressions.key(address), complaint ? Suppressions.Reason.COMPLAINT : Suppressions.Reason.BOUNCE,
				detail, clock.instant());
	}

	public boolean isSuppressed(String address) {
		return suppressions.contains(Suppressions.key(address));
	}

	/** The archive URL of an issue. */
	public String archiveUrl(NewsletterRef newsletter, Issue issue) {
		return site.absolute(IssuePaths.archive(newsletter.slug(), issue.slug()));
	}

	private String messageIdDomain() {
		String host = site.baseUrl().getHost();
		return properties.messageIdDomain() == null || properties.messageIdDomain().isBlank()
				? (host == null ? "localhost" : host) : properties.messageIdDomain().strip();
	}

	private String listIdDomain() {
		String host = site.baseUrl().getHost();
		return properties.listIdDomain() == null || properties.listIdDomain().isBlank()
				? (host == null ? "localhost" : host) : properties.listIdDomain().strip();
	}

}
