package org.masthead.newsfeed;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The news feed's settings, under {@code masthead.news-feed.*}.
 *
 * @param pageSize items per page of {@code /news-feed/}
 * @param columnSize items in the News Feed column beside articles and on the home page
 * @param breakingFor how long a breaking item shows in the banner
 * @param streamTimeout how long one Server-Sent Events connection stays open; the browser then
 *     reconnects with {@code Last-Event-ID} and misses nothing
 * @param heartbeat how often an idle connection gets a comment line, so proxies keep it and a dead
 *     one is noticed
 * @param maxPending changes queued for one connection before it counts as not reading and is dropped
 * @param sendTimeout how long one write to a connection may block before the connection is dropped
 * @param poll how often to look in the database for changes made by other nodes
 * @param maxSubscribers open connections this node accepts; more get 503 and retry later
 */
@ConfigurationProperties("masthead.news-feed")
public record NewsFeedProperties(
		@DefaultValue("20") @Min(1) @Max(100) int pageSize,
		@DefaultValue("8") @Min(1) @Max(50) int columnSize,
		@DefaultValue("6h") @NotNull Duration breakingFor,
		@DefaultValue("10m") @NotNull Duration streamTimeout,
		@DefaultValue("20s") @NotNull Duration heartbeat,
		@DefaultValue("256") @Min(1) int maxPending,
		@DefaultValue("10s") @NotNull Duration sendTimeout,
		@DefaultValue("1s") @NotNull Duration poll,
		@DefaultValue("10000") @Min(0) int maxSubscribers) {
}
