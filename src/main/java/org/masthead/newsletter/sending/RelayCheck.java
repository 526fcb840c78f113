package org.masthead.newsletter.sending;

import java.time.Clock;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.mail.Session;
import jakarta.mail.Transport;

import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Asks the SMTP relay whether it answers: connect, EHLO (and the sign-in the relay needs), NOOP,
 * with a short timeout. The answer is kept for ten seconds so the newsroom's pages never wait on it
 * more than once, and never longer than the timeout.
 */
@Component
public class RelayCheck {

	/** What the newsroom shows about the relay. */
	public record Status(boolean configured, boolean answers, String relay, String detail, Instant checkedAt) {
	}

	private final IssueSender sender;

	private final SendingProperties properties;

	private final Clock clock;

	private volatile Status last;

	RelayCheck(IssueSender sender, SendingProperties properties, Clock clock) {
		this.sender = sender;
		this.properties = properties;
		this.clock = clock;
	}

	public Status status() {
		Status known = last;
		if (known != null && known.checkedAt().isAfter(clock.instant().minusSeconds(10))) {
			return known;
		}
		long timeout = properties.relayCheckTimeout().toMillis();
		try {
			last = CompletableFuture.supplyAsync(this::check).get(timeout + 500, TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			last = new Status(true, false, relayName(), "no answer within " + timeout + " ms", clock.instant());
		}
		catch (Exception ex) {
			last = new Status(true, false, relayName(), ex.getMessage(), clock.instant());
		}
		return last;
	}

	private Status check() {
		JavaMailSenderImpl relay = sender.relay();
		if (relay == null) {
			return new Status(false, false, null, "spring.mail.host is not set", clock.instant());
		}
		String protocol = relay.getProtocol() == null ? "smtp" : relay.getProtocol();
		Properties props = new Properties();
		props.putAll(relay.getJavaMailProperties());
		String timeout = String.valueOf(properties.relayCheckTimeout().toMillis());
		props.put("mail." + protocol + ".connectiontimeout", timeout);
		props.put("mail." + protocol + ".timeout", timeout);
		props.put("mail." + protocol + ".writetimeout", timeout);
		try (Transport transport = Session.getInstance(props).getTransport(protocol)) {
			transport.connect(relay.getHost(), relay.getPort(), relay.getUsername(), relay.getPassword());
			boolean answers = transport.isConnected(); // sends NOOP
			return new Status(true, answers, relayName(), answers ? "answers EHLO and NOOP" : "closed the connection",
					clock.instant());
		}
		catch (Exception ex) {
			return new Status(true, false, relayName(), String.valueOf(ex.getMessage()), clock.instant());
		}
	}

	private String relayName() {
		JavaMailSenderImpl relay = sender.relay();
		return relay == null ? null : relay.getHost() + ":" + (relay.getPort() > 0 ? relay.getPort() : 25);
	}

}
