package org.masthead.newsletter.sending;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How newsletter issues are sent, under {@code masthead.newsletter.sending.*}. The SMTP relay itself
 * is configured with Spring's standard {@code spring.mail.*} keys.
 *
 * @param connections SMTP connections kept open at once while an issue is sent (one worker each)
 * @param ratePerSecond most messages per second this node hands to the relay (0: no limit)
 * @param batchSize deliveries a worker leases at a time
 * @param lease how long a lease holds; a worker stops sending from a batch whose lease is about to end,
 *     and rows of a node that died are picked up again after it
 * @param maxAttempts tries (4xx replies, lost connections) before a delivery is marked failed
 * @param retryBackoff the wait after the first temporary failure, doubled after each further one
 * @param enqueueChunk delivery rows inserted per statement when an issue starts
 * @param messageIdDomain the right-hand side of every Message-ID (default: the site's host)
 * @param listIdDomain the domain in {@code List-Id} (default: the site's host)
 * @param relayCheckTimeout how long the newsroom waits for the relay to answer EHLO and NOOP
 * @param pipelining whether to pipeline SMTP commands (RFC 2920) when the relay offers PIPELINING: a
 *     message then costs one round trip to the relay instead of four
 * @param dkim DKIM signing
 */
@ConfigurationProperties("masthead.newsletter.sending")
public record SendingProperties(
		@DefaultValue("4") @Min(1) @Max(64) int connections,
		@DefaultValue("0") @Min(0) double ratePerSecond,
		@DefaultValue("100") @Min(1) @Max(5000) int batchSize,
		@DefaultValue("60s") @NotNull Duration lease,
		@DefaultValue("6") @Min(1) @Max(50) int maxAttempts,
		@DefaultValue("1m") @NotNull Duration retryBackoff,
		@DefaultValue("5000") @Min(100) @Max(100000) int enqueueChunk,
		String messageIdDomain,
		String listIdDomain,
		@DefaultValue("3s") @NotNull Duration relayCheckTimeout,
		@DefaultValue("true") boolean pipelining,
		@DefaultValue @Valid Dkim dkim) {

	/**
	 * @param domain the signing domain ({@code d=}); signing is off while it is empty
	 * @param selector the selector ({@code s=}); the public key is published at {@code selector._domainkey.domain}
	 * @param privateKey the RSA private key as PKCS#8 PEM text (or use {@code privateKeyPath})
	 * @param privateKeyPath a file holding the PKCS#8 PEM (or DER) private key
	 */
	public record Dkim(String domain, @DefaultValue("masthead") String selector, String privateKey,
			String privateKeyPath) {

		public boolean isEnabled() {
			return domain != null && !domain.isBlank();
		}

	}

}
