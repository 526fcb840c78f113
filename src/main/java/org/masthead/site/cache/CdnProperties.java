package org.masthead.site.cache;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The purge hook for a CDN in front of the site, under {@code masthead.cdn.*}. When a change drops
 * cached pages, the same content keys (the {@code Surrogate-Key} header values) are POSTed to the
 * purge URL as {@code {"keys": [...], "paths": [...], "all": false}}.
 *
 * @param purgeUrl where to POST purges; unset means no CDN purges
 * @param purgeToken sent as {@code Authorization: Bearer <token>} when set
 * @param batchDelay how often waiting purges are sent together (they are also sent right after a change)
 * @param maxKeysPerRequest keys in one request; more are split over several (Fastly takes 256)
 * @param timeout how long one request may take
 * @param maxAttempts tries before a purge is given up (and logged); the wait doubles after each
 * @param retryBackoff the wait after the first failed try
 */
@ConfigurationProperties("masthead.cdn")
public record CdnProperties(
		URI purgeUrl,
		String purgeToken,
		@DefaultValue("2s") Duration batchDelay,
		@DefaultValue("256") @Min(1) @Max(10000) int maxKeysPerRequest,
		@DefaultValue("10s") Duration timeout,
		@DefaultValue("8") @Min(1) int maxAttempts,
		@DefaultValue("5s") Duration retryBackoff) {

	public boolean isEnabled() {
		return purgeUrl != null && !purgeUrl.toString().isBlank();
	}

}
