package org.masthead.platform;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cross-node signals on PostgreSQL, under {@code masthead.cluster.*}. Unused on SQLite (one node).
 *
 * @param catchUp how often a node reads the signal log for anything its listening connection missed,
 *     and checks that connection is alive (the safety net under LISTEN/NOTIFY)
 * @param window how far back, by commit time, a reader looks for signals committed out of order: a
 *     transaction that announces a change must commit within this long of taking its signal's number
 * @param retention how long signals stay in the log before any node prunes them
 * @param maxBackoff the longest wait between two attempts to reconnect the listening connection
 */
@ConfigurationProperties("masthead.cluster")
public record ClusterProperties(
		@DefaultValue("5s") @NotNull Duration catchUp,
		@DefaultValue("2m") @NotNull Duration window,
		@DefaultValue("1h") @NotNull Duration retention,
		@DefaultValue("5s") @NotNull Duration maxBackoff) {
}
