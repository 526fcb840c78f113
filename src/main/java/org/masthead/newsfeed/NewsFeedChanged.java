package org.masthead.newsfeed;

/**
 * A news feed item was posted, edited or deleted; published after the change is committed.
 *
 * @param seq the change's number, in commit order
 * @param breaking whether the item is (or, when deleted or edited, was) flagged breaking
 */
public record NewsFeedChanged(long seq, long itemId, NewsFeedChange.Kind kind, boolean breaking) {
}
