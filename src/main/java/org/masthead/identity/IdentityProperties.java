package org.masthead.identity;

import java.time.Duration;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in and staff settings, under {@code masthead.identity.*}.
 *
 * @param mailFrom the sender of invitation mail
 * @param invitationValidity how long an invitation link works
 * @param maxFailuresPerEmail failed sign-ins for one email address before it is locked
 * @param maxFailuresPerAddress failed sign-ins from one client address before it is locked
 * @param lockout how long a lock lasts, and the window in which failures are counted
 * @param sessionTimeout how long a signed-in staff session lasts without a request (sessions of
 *        the sign-in form itself keep {@code spring.session.timeout}, 30 minutes by default)
 */
@ConfigurationProperties("masthead.identity")
public record IdentityProperties(
		@DefaultValue("newsroom@localhost") @NotBlank @Email String mailFrom,
		@DefaultValue("72h") @NotNull Duration invitationValidity,
		@DefaultValue("5") @Min(1) int maxFailuresPerEmail,
		@DefaultValue("50") @Min(1) int maxFailuresPerAddress,
		@DefaultValue("15m") @NotNull Duration lockout,
		@DefaultValue("12h") @NotNull Duration sessionTimeout) {
}
