package org.masthead.newsletter.sending;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.Address;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.masthead.newsletter.SubscriberLinks;
import org.masthead.newsletter.issue.Issue;
import org.masthead.newsletter.issue.IssueRepository;
import org.masthead.newsletter.issue.IssueStatus;
import org.masthead.newsletter.issue.Issues;
import org.masthead.newsletter.issue.NewsletterRef;
import org.masthead.platform.MastheadProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends issues: enqueues one delivery per confirmed subscriber, then runs {@code connections}
 * workers, each with an SMTP connection kept open, leasing batches and sending them.
 *
 * <p>Exactly once, recorded with the dot. A message goes out as MAIL, RCPT, DATA and its body;
 * then, before the final "." that hands it to the relay, the worker marks the delivery SENT in a
 * transaction (only while it still holds the lease), writes the dot, commits that transaction and
 * only then reads the relay's reply. A 250 needs no further write. A 4xx or 5xx after the dot, or a
 * connection lost before its reply (RFC 5321 6.1: the relay may not have taken it), turns the row
 * back to QUEUED for a retry, or to FAILED. When the mark cannot be made (the lease went to another
 * worker, the database is down) the connection is closed without the dot and the relay discards
 * the message.
 *
 * <p>What a crash can still do: a process killed after its dot was written and before its commit
 * was written leaves the row QUEUED (the database rolls the open transaction back) while the relay
 * has the message: it is sent again later, with the same Message-ID. That window is two socket
 * writes in a row, microseconds; killed anywhere else, nothing is lost and nothing is sent twice.
 * (Committing before the dot, as an earlier version did, turned the same crash into a lost message
 * over a window as long as a database commit.) The other way to a duplicate is outside the process:
 * a relay that took the message but whose 250 never arrived gets it again on the retry.
 * bench/newsletter-crash.sh and bench/two-nodes-kill.sh count both at the relay.
 */
@Component
public class IssueSender {

	private static final Logger log = LoggerFactory.getLogger(IssueSender.class);

	/** How long, at least, a mark that failed after its dot is tried again (a PostgreSQL restart takes seconds). */
	static final Duration LATE_RECORD_WINDOW = Duration.ofMinutes(2);

	private final IssueRepository issues;

	private final Issues workflow;

	private final DeliveryQueue queue;

	private final Suppressions suppressions;

	private final ObjectProvider<SubscriberLinks> links;

	private final ObjectProvider<JavaMailSender> mail;

	private final SendingProperties properties;

	private final DkimKeys dkim;

	private final Clock clock;

	private final String messageIdDomain;

	private final String listIdDomain;

	private final String node = nodeName();

	private final SendRate rate;

	private final Tracking tracking;

	private final TakeoverGrace takeover;

	private volatile Instant relayRetryAt = Instant.MIN;

	private volatile int relayFailures;

	IssueSender(IssueRepository issues, Issues workflow, DeliveryQueue queue, Suppressions suppressions,
			ObjectProvider<SubscriberLinks> links, ObjectProvider<JavaMailSender> mail, SendingProperties properties,
			MastheadProperties site, Clock clock, Tracking tracking) {
		this.tracking = tracking;
		this.issues = issues;
		this.workflow = workflow;
		this.queue = queue;
		this.suppressions = suppressions;
		this.links = links;
		this.mail = mail;
		this.properties = properties;
		this.dkim = new DkimKeys(properties.dkim());
		this.clock = clock;
		String host = site.site().baseUrl().getHost() == null ? "localhost" : site.site().baseUrl().getHost();
		this.messageIdDomain = blank(properties.messageIdDomain()) ? host : properties.messageIdDomain().strip();
		this.listIdDomain = blank(properties.listIdDomain()) ? host : properties.listIdDomain().strip();
		this.rate = new SendRate(properties.ratePerSecond());
		this.takeover = new TakeoverGrace(properties.lease());
	}

	/**
	 * This node could not reach the database just now: for one lease, leases of other workers that ran
	 * out since its trouble began are left to their owners ({@link TakeoverGrace}).
	 */
	void databaseFailed() {
		databaseFailed(clock.instant());
	}

	/** As {@link #databaseFailed()}, for a failure seen at {@code at}. */
	void databaseFailed(Instant at) {
		takeover.databaseFailed(at);
	}

	/** Scheduled issues whose time has come start sending (the cluster-wide job: one node at a time). */
	void startDue() {
		workflow.startDue();
	}

	/** Sends what is due of every sending issue (each node's own loop: all nodes send at once). */
	void sendAll() {
		for (long id : issues.sending()) {
			send(id);
		}
	}

	/** Enqueues (once) and sends what is due of one issue; marks it sent when nothing is left queued. */
	public void send(long issueId) {
		Issue issue = issues.find(issueId).orElse(null);
		if (issue == null || issue.status() != IssueStatus.SENDING) {
			return;
		}
		NewsletterRef newsletter = issues.newsletter(issue.newsletterId()).orElseThrow();
		if (!queue.isEnqueued(issueId)) {
			long added = queue.enqueue(issueId, newsletter.id(), messageIdDomain, properties.enqueueChunk(), clock.instant());
			queue.markEnqueued(issueId, clock.instant());
			log.info("Issue {} of {}: {} deliveries queued", issueId, newsletter.slug(), added);
		}
		JavaMailSenderImpl relay = relay();
		if (relay != null && clock.instant().isAfter(relayRetryAt)) {
			work(newsletter, issue, relay);
		}
		if (!queue.hasQueued(issueId) && workflow.finish(issueId)) {
			log.info("Issue {} of {} sent: {}", issueId, newsletter.slug(), queue.counts(issueId));
		}
	}

	/** Runs the workers until no delivery of the issue is due (or the issue is paused or cancelled). */
	void work(NewsletterRef newsletter, Issue issue, JavaMailSenderImpl relay) {
		int workers = properties.connections();
		ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
			Thread thread = new Thread(r, "newsletter-sender");
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < workers; i++) {
				String owner = node + "/" + UUID.randomUUID().toString().substring(0, 8);
				results.add(pool.submit(() -> worker(newsletter, issue, relay, owner)));
			}
			boolean relayDown = false;
			for (Future<Boolean> result : results) {
				relayDown |= !result.get();
			}
			if (relayDown) {
				relayFailures = Math.min(relayFailures + 1, 6);
				relayRetryAt = clock.instant().plusSeconds(5L << relayFailures);
				log.warn("The SMTP relay {}:{} does not answer; sending of issue {} waits until {}", relay.getHost(),
						relay.getPort(), issue.id(), relayRetryAt);
			}
			else {
				relayFailures = 0;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			log.error("Sending issue {} failed", issue.id(), ex);
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** One worker: leases batches and sends them. Returns false when it stopped because the relay is unreachable. */
	boolean worker(NewsletterRef newsletter, Issue issue, JavaMailSenderImpl relay, String owner) {
		SubscriberLinks subscriberLinks = links.getIfAvailable();
		if (subscriberLinks == null) {
			log.error("No SubscriberLinks bean: issue {} cannot get unsubscribe links, nothing sent", issue.id());
			return true;
		}
		Duration lease = properties.lease();
		Duration margin = lease.dividedBy(4);
		List<Delivery> batch = List.of();
		try (SmtpConnection connection = new SmtpConnection(relay, properties.pipelining());
				DeliveryMarks.MarkConnection marks = queue.markConnection(properties.connections())) {
			IssueMail factory = new IssueMail(connection.session(), dkim.isEnabled() ? dkim.signer() : null, listIdDomain,
					tracking);
			while (!Thread.currentThread().isInterrupted()) {
				Instant now = clock.instant();
				Instant until = now.plus(lease);
				batch = queue.claim(issue.id(), newsletter.id(), owner, properties.batchSize(), now, until,
						takeover.expiredBefore(now));
				if (batch.isEmpty()) {
					return true;
				}
				Set<String> listed = suppressions.listed(batch.stream().map(Delivery::addressKey).toList());
				try {
					for (int i = 0; i < batch.size(); i++) {
						Delivery delivery = batch.get(i);
						if (clock.instant().isAfter(until.minus(margin))) {
							break; // the rest goes back with the release below, before the lease can run out
						}
						if (!delivery.subscribed()) {
							queue.suppressed(delivery, owner, "unsubscribed before sending", clock.instant());
							continue;
						}
						if (listed.contains(delivery.addressKey())) {
							queue.suppressed(delivery, owner, "on the suppression list", clock.instant());
							continue;
						}
						String next = nextRecipient(batch, i + 1, listed);
						if (!deliver(newsletter, issue, subscriberLinks, connection, factory, marks, delivery, owner, next)) {
							queue.release(issue.id(), owner, batch);
							return false;
						}
					}
				}
				catch (LeaseLost ex) {
					// the rest of this batch is probably not ours either: give back what is, claim afresh
				}
				queue.release(issue.id(), owner, batch);
			}
			return true;
		}
		catch (RuntimeException ex) {
			databaseFailed();
			log.error("Newsletter worker {} stopped", owner, ex);
			queue.release(issue.id(), owner, batch);
			return true;
		}
	}

	/**
	 * The address this worker sends to after the delivery before {@code from} in its batch, or null:
	 * when pipelining, its envelope goes out with the previous message's final dot.
	 */
	private static String nextRecipient(List<Delivery> batch, int from, Set<String> listed) {
		for (int i = from; i < batch.size(); i++) {
			Delivery next = batch.get(i);
			if (next.subscribed() && !listed.contains(next.addressKey())) {
				try {
					return new InternetAddress(next.address(), false).getAddress();
				}
				catch (AddressException ex) {
					return null;
				}
			}
		}
		return null;
	}

	/** Sends one message and records the outcome; false when the relay could not be reached. */
	private boolean deliver(NewsletterRef newsletter, Issue issue, SubscriberLinks subscriberLinks,
			SmtpConnection connection, IssueMail factory, DeliveryMarks.MarkConnection marks, Delivery delivery, String owner,
			String next) {
		MimeMessage message;
		Address[] to;
		try {
			String unsubscribe = subscriberLinks.oneClickUnsubscribe(delivery.subscriberId(), newsletter.id());
			String token = newsletter.trackingEnabled() ? tracking.token(issue.id(), delivery.subscriberId()) : null;
			IssueMail.Links personal = new IssueMail.Links(unsubscribe, subscriberLinks.manage(delivery.subscriberId()),
					unsubscribe, subscriberLinks.unsubscribeMailto(delivery.subscriberId(), newsletter.id()), token);
			message = factory.message(newsletter, issue, "", delivery.address(), delivery.messageId(), personal, clock.instant());
			to = new Address[] { new InternetAddress(delivery.address(), false) };
		}
		catch (Exception ex) {
			queue.failed(delivery, owner, "not sendable: " + ex.getMessage(), clock.instant());
			return true;
		}
		rate.acquire();
		SmtpConnection.Reply reply = connection.send(message, to, () -> marks != null ? marks.markSent(delivery, owner, clock.instant())
				: queue.markSent(delivery, owner, clock.instant()), next);
		Instant now = clock.instant();
		if (reply.outcome() == SmtpConnection.Outcome.ACCEPTED) {
			if (!reply.recorded()) {
				recordLate(issue, delivery, owner, reply.text());
			}
			return true; // recorded as SENT with its dot
		}
		if (reply.outcome() == SmtpConnection.Outcome.WITHDRAWN) {
			log.warn("Delivery {} of issue {} withdrawn before the final dot: {}", delivery.subscriberId(), issue.id(), reply.text());
			throw new LeaseLost(reply.text());
		}
		if (reply.recorded() && !queue.reopen(delivery, owner, reply.text(), now.plus(properties.lease()))) {
			log.error("Delivery {} of issue {} was refused after the dot ({}) but is no longer marked sent", delivery.subscriberId(),
					issue.id(), reply.text());
			return true;
		}
		// From here the row is QUEUED and leased to this worker again, as before the send.
		switch (reply.outcome()) {
			case PERMANENT -> {
				if (reply.recipientRejected()) {
					suppressions.add(delivery.addressKey(), Suppressions.Reason.REJECTED, reply.text(), now);
				}
				queue.failed(delivery, owner, reply.text(), now);
			}
			default -> {
				if (reply.code() == 0) {
					return false;
				}
				if (delivery.attempts() >= properties.maxAttempts()) {
					queue.failed(delivery, owner, "gave up after " + delivery.attempts() + " tries: " + reply.text(), now);
				}
				else {
					queue.retry(delivery, owner, reply.text(), now,
							properties.retryBackoff().multipliedBy(1L << Math.min(delivery.attempts() - 1, 16)));
				}
			}
		}
		return true;
	}

	/**
	 * The relay took a message whose mark could not be committed after its dot (the database went away
	 * in that instant, as when PostgreSQL restarts): records it in a transaction of its own, trying
	 * until the database answers, for at least {@link #LATE_RECORD_WINDOW} or the lease, whichever is
	 * longer. Trying past the lease is safe: the update still needs the row QUEUED and leased to this
	 * worker, so it never overwrites a row another node has claimed since (that node then sends the
	 * message again: a duplicate, with the same Message-ID, which is logged). Giving up at a quarter of
	 * the lease, as before, turned every restart of PostgreSQL that cut such a commit into a duplicate:
	 * nobody can claim a row while the database is down.
	 */
	private void recordLate(Issue issue, Delivery delivery, String owner, String reply) {
		// A worker is interrupted when the send of its issue stops (another worker lost the database
		// too): that stops sending, not the bookkeeping of a message the relay already has.
		boolean interrupted = Thread.interrupted();
		try {
			Duration window = properties.lease().compareTo(LATE_RECORD_WINDOW) > 0 ? properties.lease() : LATE_RECORD_WINDOW;
			Instant giveUp = clock.instant().plus(window);
			for (int attempt = 1; clock.instant().isBefore(giveUp); attempt++) {
				try {
					if (queue.sent(delivery, owner, reply, clock.instant())) {
						return;
					}
					break; // SENT already (the cut-off commit took effect after all), or another node's now
				}
				catch (RuntimeException ex) {
					databaseFailed();
					interrupted |= Thread.interrupted(); // a connection wait gives up when interrupted
					try {
						Thread.sleep(Math.min(100L * attempt, 500L)); // back soon after the database is
					}
					catch (InterruptedException again) {
						interrupted = true;
					}
				}
			}
			log.error("Delivery {} of issue {} was accepted by the relay but could not be recorded: unless its cut-off "
					+ "commit took effect after all, it will be sent again", delivery.subscriberId(), issue.id());
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** The worker's delivery could not be recorded before the dot (its lease is gone, or the database): the batch stops. */
	static final class LeaseLost extends RuntimeException {

		LeaseLost(String message) {
			super(message);
		}

	}

	JavaMailSenderImpl relay() {
		JavaMailSender sender = mail.getIfAvailable();
		return sender instanceof JavaMailSenderImpl impl ? impl : null;
	}

	/** Whether the relay was unreachable lately, and when sending tries again. */
	public Instant relayRetryAt() {
		return relayRetryAt;
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String nodeName() {
		return ManagementFactory.getRuntimeMXBean().getName();
	}

}
