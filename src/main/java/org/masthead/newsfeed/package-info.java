/**
 * News feed: short, timestamped items editors post through the day (a bold headline, one to three
 * sentences, perhaps a link to an article, perhaps "breaking" or "pinned"), and their live push to
 * open pages over Server-Sent Events. Other modules read through {@link org.masthead.newsfeed.NewsFeed}
 * and react to {@link org.masthead.newsfeed.NewsFeedChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "News feed")
package org.masthead.newsfeed;
