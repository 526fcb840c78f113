package org.masthead.site.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.masthead.content.Page;
import org.masthead.newsfeed.NewsFeed;
import org.masthead.newsfeed.NewsFeedItem;
import org.masthead.newsfeed.NewsFeedProperties;
import org.masthead.site.cache.PageDependencies;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** {@code /news-feed/}: every news feed item, newest first, grouped by day, paginated; and each item's permalink. */
@Controller
class NewsFeedController {

	private final NewsFeed feed;

	private final ChromeFactory chrome;

	private final StructuredData structuredData;

	private final int pageSize;

	NewsFeedController(NewsFeed feed, ChromeFactory chrome, StructuredData structuredData,
			NewsFeedProperties properties) {
		this.feed = feed;
		this.chrome = chrome;
		this.structuredData = structuredData;
		this.pageSize = properties.pageSize();
	}

	@GetMapping({ "/news-feed/", "/news-feed/page/{number}/" })
	String feed(@PathVariable(required = false) String number, HttpServletRequest request, Model model) {
		int n = number == null ? 1 : PageNumbers.parse(number);
		if ("1".equals(number)) {
			return "redirect:/news-feed/";
		}
		long since = feed.lastChange();
		Page<NewsFeedItem> page = feed.page(n, pageSize);
		if (n > page.totalPages()) {
			throw new NotFoundException("No page " + n);
		}
		PageDependencies.add(request, PageDependencies.NEWS_FEED, PageDependencies.TAXONOMY);
		List<NewsFeedItem> pinned = n == 1 ? feed.pinned() : List.of();
		Chrome c = chrome.chrome();
		String path = n == 1 ? "/news-feed/" : "/news-feed/page/" + n + "/";
		model.addAttribute("chrome", c);
		model.addAttribute("meta", new Meta("News Feed" + (n > 1 ? ", page " + n : "") + " — " + c.siteName(),
				"The latest from the " + c.siteName() + " newsroom, as it happens.", chrome.absolute(path), "website",
				null, structuredData.liveBlog(page.items(), path), false));
		model.addAttribute("feed", new NewsFeedViews.FeedPage(pinned, NewsFeedViews.byDay(page.items(), pinned, c.dates()),
				page, since, chrome.newsFeedScript()));
		return "news-feed";
	}

	@GetMapping("/news-feed/{id:[0-9]{1,19}}/")
	String item(@PathVariable String id, HttpServletRequest request, Model model) {
		long itemId;
		try {
			itemId = Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw new NotFoundException("No item " + id);
		}
		NewsFeedItem item = feed.item(itemId).orElseThrow(() -> new NotFoundException("No item " + id));
		PageDependencies.add(request, PageDependencies.newsFeedItem(itemId), PageDependencies.TAXONOMY);
		Chrome c = chrome.chrome();
		model.addAttribute("chrome", c);
		model.addAttribute("meta", new Meta(item.headline() + " — News Feed — " + c.siteName(), item.body(),
				chrome.absolute(item.path()), "article", null, structuredData.feedItem(item), false));
		model.addAttribute("item", item);
		return "news-feed-item";
	}

}
