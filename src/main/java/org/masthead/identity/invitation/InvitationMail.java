package org.masthead.identity.invitation;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.masthead.identity.IdentityProperties;
import org.masthead.identity.Role;
import org.masthead.platform.MastheadProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the invitation email through the configured SMTP server ({@code spring.mail.*}). Without
 * one, or when it fails, the Administrator is shown the link to pass on themselves.
 */
@Component
class InvitationMail {

	private static final Logger log = LoggerFactory.getLogger(InvitationMail.class);

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm z", Locale.ENGLISH);

	private final ObjectProvider<JavaMailSender> mail;

	private final IdentityProperties identity;

	private final MastheadProperties site;

	InvitationMail(ObjectProvider<JavaMailSender> mail, IdentityProperties identity, MastheadProperties site) {
		this.mail = mail;
		this.identity = identity;
		this.site = site;
	}

	String link(String secret) {
		return site.site().absolute("/admin/invite/accept?token=" + secret);
	}

	/** Whether the mail went to the SMTP server. */
	boolean send(String email, Role role, String inviterName, String secret, java.time.Instant expiresAt) {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			log.warn("No SMTP server configured (spring.mail.host): the invitation for a new {} was not sent", role.label());
			return false;
		}
		String siteName = site.site().name();
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(identity.mailFrom());
		message.setTo(email);
		message.setSubject("You are invited to the " + siteName + " newsroom");
		message.setText("""
				Hello,

				%s has invited you to join the %s newsroom as %s %s.

				Choose your name and password here:
				%s

				The link works once, until %s. If you did not expect this, ignore this email.
				""".formatted(inviterName, siteName, article(role), role.label(), link(secret),
				WHEN.format(ZonedDateTime.ofInstant(expiresAt, site.site().timeZone()))));
		try {
			sender.send(message);
			return true;
		}
		catch (MailException ex) {
			log.warn("Could not send an invitation email: {}", ex.getMessage());
			return false;
		}
	}

	private static String article(Role role) {
		return role == Role.AUTHOR || role == Role.EDITOR || role == Role.ADMINISTRATOR ? "an" : "a";
	}

}
