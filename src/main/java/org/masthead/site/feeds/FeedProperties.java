package org.masthead.site.feeds;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Feeds and sitemaps, under {@code masthead.feeds.*}.
 *
 * @param fullContent feeds carry each article's whole text; otherwise its dek (summary)
 * @param items entries per feed
 * @param sitemapMaxUrls URLs per article sitemap before it continues in a second file (the
 *     sitemaps.org limit is 50,000)
 * @param newsWindow how far back the Google News sitemap reaches (Google's rule: 48 hours)
 * @param newsMaxUrls URLs in the Google News sitemap at most (Google's rule: 1,000)
 */
@ConfigurationProperties("masthead.feeds")
public record FeedProperties(
		@DefaultValue("false") boolean fullContent,
		@DefaultValue("20") @Min(1) @Max(100) int items,
		@DefaultValue("50000") @Min(1) @Max(50000) int sitemapMaxUrls,
		@DefaultValue("48h") @NotNull Duration newsWindow,
		@DefaultValue("1000") @Min(1) @Max(1000) int newsMaxUrls) {
}
