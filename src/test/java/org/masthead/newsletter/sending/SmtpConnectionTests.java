package org.masthead.newsletter.sending;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One SMTP connection against {@link ScriptedSmtpServer}: pipelined when the relay offers it (the
 * envelope in one write, the next envelope with the dot), the library's own exchange when it does
 * not, and in both the delivery's mark committed after the dot is written and before its reply is
 * read; refused recipients, withdrawn messages and a next message that is not the one announced.
 */
class SmtpConnectionTests {

	private ScriptedSmtpServer server;

	@AfterEach
	void stop() throws Exception {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void pipelinesWhenTheRelayOffersItAndCommitsEachMarkBeforeReadingTheReplyToItsDot() throws Exception {
		server = new ScriptedSmtpServer(true);
		List<String> committedAtDot = new CopyOnWriteArrayList<>();
		Marks marks = new Marks();
		server.atDot = recipient -> committedAtDot.add(recipient + "=" + marks.waitForCommit(recipient));
		List<String> readers = List.of("one@pipe.test", "two@pipe.test", "three@pipe.test");
		try (SmtpConnection connection = new SmtpConnection(relay(server), true)) {
			for (int i = 0; i < readers.size(); i++) {
				String reader = readers.get(i);
				String next = i + 1 < readers.size() ? readers.get(i + 1) : null;
				SmtpConnection.Reply reply = connection.send(message(connection, reader), to(reader), () -> marks.mark(reader), next);
				assertThat(reply.outcome()).isEqualTo(SmtpConnection.Outcome.ACCEPTED);
				assertThat(reply.recorded()).isTrue();
				assertThat(connection.pipelines()).isTrue();
			}
		}
		assertThat(server.accepted()).containsExactlyElementsOf(readers);
		assertThat(committedAtDot).containsExactly("one@pipe.test=true", "two@pipe.test=true", "three@pipe.test=true");
		// RCPT and DATA of the first message came behind its MAIL; the next two envelopes behind a dot.
		assertThat(server.pipelined()).isGreaterThanOrEqualTo(2);
		assertThat(server.envelopesAfterDot()).isEqualTo(2);
	}

	@Test
	void usesTheLibrarysOwnExchangeWithoutPipeliningAndStillCommitsBeforeTheReply() throws Exception {
		server = new ScriptedSmtpServer(false);
		List<String> committedAtDot = new CopyOnWriteArrayList<>();
		Marks marks = new Marks();
		server.atDot = recipient -> committedAtDot.add(recipient + "=" + marks.waitForCommit(recipient));
		try (SmtpConnection connection = new SmtpConnection(relay(server), true)) {
			for (String reader : List.of("a@plain.test", "b@plain.test")) {
				SmtpConnection.Reply reply = connection.send(message(connection, reader), to(reader), () -> marks.mark(reader),
						"b@plain.test");
				assertThat(reply.outcome()).isEqualTo(SmtpConnection.Outcome.ACCEPTED);
				assertThat(reply.recorded()).isTrue();
				assertThat(connection.pipelines()).isFalse();
			}
		}
		assertThat(server.accepted()).containsExactly("a@plain.test", "b@plain.test");
		assertThat(committedAtDot).containsExactly("a@plain.test=true", "b@plain.test=true");
		assertThat(server.pipelined()).isZero();
		assertThat(server.envelopesAfterDot()).isZero();
	}

	@Test
	void aRefusedRecipientIsPermanentAndTheConnectionGoesOn() throws Exception {
		server = new ScriptedSmtpServer(true);
		Marks marks = new Marks();
		try (SmtpConnection connection = new SmtpConnection(relay(server), true)) {
			SmtpConnection.Reply first = connection.send(message(connection, "fine@ok.test"), to("fine@ok.test"),
					() -> marks.mark("fine@ok.test"), "gone-1@nowhere.test");
			assertThat(first.outcome()).isEqualTo(SmtpConnection.Outcome.ACCEPTED);
			SmtpConnection.Reply gone = connection.send(message(connection, "gone-1@nowhere.test"), to("gone-1@nowhere.test"),
					() -> marks.mark("gone-1@nowhere.test"), "after@ok.test");
			assertThat(gone.outcome()).isEqualTo(SmtpConnection.Outcome.PERMANENT);
			assertThat(gone.code()).isEqualTo(550);
			assertThat(gone.recipientRejected()).isTrue();
			assertThat(gone.recorded()).isFalse();
			// Its dot never came, so the next envelope did not either: it goes now, on the same connection.
			SmtpConnection.Reply after = connection.send(message(connection, "after@ok.test"), to("after@ok.test"),
					() -> marks.mark("after@ok.test"), null);
			assertThat(after.outcome()).isEqualTo(SmtpConnection.Outcome.ACCEPTED);
			SmtpConnection.Reply busy = connection.send(message(connection, "busy-1@slow.test"), to("busy-1@slow.test"),
					() -> marks.mark("busy-1@slow.test"), null);
			assertThat(busy.outcome()).isEqualTo(SmtpConnection.Outcome.TEMPORARY);
			assertThat(busy.code()).isEqualTo(451);
		}
		assertThat(server.accepted()).containsExactly("fine@ok.test", "after@ok.test");
		assertThat(marks.made).containsExactly("fine@ok.test", "after@ok.test");
	}

	@Test
	void aMarkThatCannotBeMadeWithdrawsTheMessageWithoutItsDot() throws Exception {
		server = new ScriptedSmtpServer(true);
		Marks marks = new Marks();
		try (SmtpConnection connection = new SmtpConnection(relay(server), true)) {
			SmtpConnection.Reply lost = connection.send(message(connection, "stolen@lease.test"), to("stolen@lease.test"), () -> null,
					"next@lease.test");
			assertThat(lost.outcome()).isEqualTo(SmtpConnection.Outcome.WITHDRAWN);
			SmtpConnection.Reply failed = connection.send(message(connection, "broken@lease.test"), to("broken@lease.test"), () -> {
				throw new IllegalStateException("the database is away");
			}, null);
			assertThat(failed.outcome()).isEqualTo(SmtpConnection.Outcome.WITHDRAWN);
			assertThat(failed.text()).contains("the database is away");
			SmtpConnection.Reply next = connection.send(message(connection, "next@lease.test"), to("next@lease.test"),
					() -> marks.mark("next@lease.test"), null);
			assertThat(next.outcome()).isEqualTo(SmtpConnection.Outcome.ACCEPTED);
		}
		awaitWithdrawn(2);
		assertThat(server.withdrawn()).containsExactlyInAnyOrder("stolen@lease.test", "broken@lease.test");
		assertThat(server.accepted()).containsExactly("next@lease.test");
	}

	@Test
	void aNextMessageOtherThanTheOneAnnouncedIsSentOnAFreshConnection() throws Exception {
		server = new ScriptedSmtpServer(true);
		Marks marks = new Marks();
		try (SmtpConnection connection = new SmtpConnection(relay(server), true)) {
			connection.send(message(connection, "first@order.test"), to("first@order.test"), () -> marks.mark("first@order.test"),
					"announced@order.test");
			SmtpConnection.Reply other = connection.send(message(connection, "other@order.test"), to("other@order.test"),
					() -> marks.mark("other@order.test"), null);
			assertThat(other.outcome()).isEqualTo(SmtpConnection.Outcome.ACCEPTED);
		}
		awaitWithdrawn(1);
		// The relay was waiting in DATA for the announced message: hanging up made it drop that, empty.
		assertThat(server.withdrawn()).containsExactly("announced@order.test");
		assertThat(server.accepted()).containsExactly("first@order.test", "other@order.test");
	}

	@Test
	void aRefusalAfterTheDotComesBackWithTheMarkCommitted() throws Exception {
		server = new ScriptedSmtpServer(true);
		Marks marks = new Marks();
		try (SmtpConnection connection = new SmtpConnection(relay(server), true)) {
			SmtpConnection.Reply refused = connection.send(message(connection, "refused@dot.test"), to("refused@dot.test"),
					() -> marks.mark("refused@dot.test"), "fine@dot.test");
			assertThat(refused.outcome()).isEqualTo(SmtpConnection.Outcome.PERMANENT);
			assertThat(refused.code()).isEqualTo(554);
			assertThat(refused.recorded()).isTrue();
			SmtpConnection.Reply fine = connection.send(message(connection, "fine@dot.test"), to("fine@dot.test"),
					() -> marks.mark("fine@dot.test"), null);
			assertThat(fine.outcome()).isEqualTo(SmtpConnection.Outcome.ACCEPTED);
		}
		assertThat(server.accepted()).containsExactly("fine@dot.test");
		assertThat(server.envelopesAfterDot()).isEqualTo(1);
	}

	@Test
	void pipeliningCanBeTurnedOff() throws Exception {
		server = new ScriptedSmtpServer(true);
		try (SmtpConnection connection = new SmtpConnection(relay(server), false)) {
			SmtpConnection.Reply reply = connection.send(message(connection, "off@pipe.test"), to("off@pipe.test"));
			assertThat(reply.outcome()).isEqualTo(SmtpConnection.Outcome.ACCEPTED);
			assertThat(connection.pipelines()).isFalse();
		}
		assertThat(server.accepted()).containsExactly("off@pipe.test");
		assertThat(server.pipelined()).isZero();
	}

	/** The relay notices a hang-up when its thread next reads: up to 15 s on a busy machine (a CI run took over 2 s). */
	private void awaitWithdrawn(int count) throws InterruptedException {
		long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
		while (server.withdrawn().size() < count && System.nanoTime() < until) {
			Thread.sleep(20);
		}
	}

	private static JavaMailSenderImpl relay(ScriptedSmtpServer server) {
		JavaMailSenderImpl relay = new JavaMailSenderImpl();
		relay.setHost("127.0.0.1");
		relay.setPort(server.port());
		relay.getJavaMailProperties().put("mail.smtp.timeout", "5000");
		return relay;
	}

	private static MimeMessage message(SmtpConnection connection, String to) throws MessagingException {
		MimeMessage message = new MimeMessage(connection.session());
		message.setFrom("briefing@ledger.test");
		message.setRecipients(MimeMessage.RecipientType.TO, to);
		message.setSubject("Morning briefing");
		message.setText("Line one.\n.A line that starts with a dot.\nLast line.\n");
		message.saveChanges();
		return message;
	}

	private static Address[] to(String address) throws MessagingException {
		return new Address[] { new InternetAddress(address) };
	}

	/** Marks that record when they are committed, so the relay can ask at the dot. */
	private static final class Marks {

		final List<String> made = new CopyOnWriteArrayList<>();

		final List<String> committed = new CopyOnWriteArrayList<>();

		SmtpConnection.Mark mark(String recipient) {
			AtomicBoolean ended = new AtomicBoolean();
			return new SmtpConnection.Mark() {

				@Override
				public void commit() {
					if (ended.compareAndSet(false, true)) {
						made.add(recipient);
						committed.add(recipient);
					}
				}

				@Override
				public void rollback() {
					ended.set(true);
				}

			};
		}

		/** Whether the recipient's mark gets committed within two seconds (the relay holds its reply meanwhile). */
		boolean waitForCommit(String recipient) {
			for (int i = 0; i < 200; i++) {
				if (committed.contains(recipient)) {
					return true;
				}
				try {
					Thread.sleep(10);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
			return false;
		}

	}

}
