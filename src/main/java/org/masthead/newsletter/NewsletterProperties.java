package org.masthead.newsletter;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-up and self-service settings, under {@code masthead.newsletter.*}.
 *
 * @param confirmationValidity how long a confirmation link works
 * @param linkValidity how long the signed links in every email (manage, one-click unsubscribe) work
 * @param linkSecret the key that signs those links and hashes IP addresses; every node must share
 *     it. Empty: one is generated once and kept in the database, which every node reads.
 * @param signupsPerAddressMinute sign-up forms one client address may send per minute (a burst of
 *     that many, refilled evenly); counted in this node's memory
 * @param confirmationsPerAddress confirmation emails one email address gets within
 *     {@code confirmationWindow}; further sign-ups are answered the same but send nothing. Counted
 *     in the database, so across all nodes
 * @param confirmationWindow the window of {@code confirmationsPerAddress}
 * @param linkRequestInterval an email address gets at most one new manage link (asked for on an
 *     expired link's page) per this interval, counted in the database
 * @param unsubscribeMailbox the mailbox of the {@code mailto:} unsubscribe link; empty for
 *     {@code unsubscribe@} the site's host
 */
@ConfigurationProperties("masthead.newsletter")
public record NewsletterProperties(
		@DefaultValue("48h") @NotNull Duration confirmationValidity,
		@DefaultValue("400d") @NotNull Duration linkValidity,
		String linkSecret,
		@DefaultValue("10") @Min(1) int signupsPerAddressMinute,
		@DefaultValue("3") @Min(1) int confirmationsPerAddress,
		@DefaultValue("1h") @NotNull Duration confirmationWindow,
		String unsubscribeMailbox,
		@DefaultValue("15m") @NotNull Duration linkRequestInterval) {
}
