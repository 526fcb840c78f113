package org.masthead.site.web;

import java.util.ArrayList;
import java.util.List;

import org.masthead.content.Page;
import org.masthead.newsfeed.NewsFeedItem;

/** What the News Feed templates render. */
public final class NewsFeedViews {

	private NewsFeedViews() {
	}

	/** The items of one day in the newsroom's time zone, newest first. */
	public record Day(String label, List<NewsFeedItem> items) {
	}

	/**
	 * The News Feed column beside articles and on the home page.
	 *
	 * @param since the number of the newest change the column shows: the live script resumes after it
	 * @param script the live script's address, with a hash of its content
	 */
	public record Column(List<NewsFeedItem> pinned, List<Day> days, long since, int size, String script) {

		public boolean isEmpty() {
			return pinned.isEmpty() && days.isEmpty();
		}

	}

	/** A page of {@code /news-feed/}; pinned items show on the first page only. */
	public record FeedPage(List<NewsFeedItem> pinned, List<Day> days, Page<NewsFeedItem> page, long since,
			String script) {

		public String pagePath(int number) {
			return number == 1 ? "/news-feed/" : "/news-feed/page/" + number + "/";
		}

	}

	/** Groups items (newest first) by their day, leaving out those in {@code except}. */
	static List<Day> byDay(List<NewsFeedItem> items, List<NewsFeedItem> except, Dates dates) {
		List<Day> days = new ArrayList<>();
		for (NewsFeedItem item : items) {
			if (except.stream().anyMatch(e -> e.id() == item.id())) {
				continue;
			}
			String label = dates.day(item.postedAt());
			if (days.isEmpty() || !days.get(days.size() - 1).label().equals(label)) {
				days.add(new Day(label, new ArrayList<>()));
			}
			days.get(days.size() - 1).items().add(item);
		}
		return days.stream().map(d -> new Day(d.label(), List.copyOf(d.items()))).toList();
	}

}
