package org.masthead.site.web;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.masthead.newsfeed.NewsFeedItem;
import org.masthead.newsfeed.NewsFeedProperties;
import org.masthead.site.cache.PageDependencies;
import org.masthead.site.cache.SiteFurniture;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Adds the News Feed column to the pages that show it (articles and the home page), whichever
 * controller renders them, and records that those pages depend on the news feed.
 */
@Configuration(proxyBeanMethods = false)
class NewsFeedColumnInterceptor implements HandlerInterceptor, WebMvcConfigurer {

	private static final Set<String> VIEWS = Set.of("article", "home");

	private final SiteFurniture furniture;

	private final ChromeFactory chrome;

	private final int size;

	NewsFeedColumnInterceptor(SiteFurniture furniture, ChromeFactory chrome, NewsFeedProperties properties) {
		this.furniture = furniture;
		this.chrome = chrome;
		this.size = properties.columnSize();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView mav) {
		if (mav == null || mav.getViewName() == null || !VIEWS.contains(mav.getViewName()) || mav.getModel().containsKey("newsFeed")) {
			return;
		}
		SiteFurniture.NewsFeedColumn column = furniture.newsFeedColumn();
		long since = column.since();
		java.util.List<NewsFeedItem> items = column.items();
		java.util.List<NewsFeedItem> pinned = items.stream().filter(NewsFeedItem::pinned).toList();
		mav.addObject("newsFeed", new NewsFeedViews.Column(pinned, NewsFeedViews.byDay(items, pinned, chrome.dates()),
				since, size, chrome.newsFeedScript()));
		PageDependencies.add(request, PageDependencies.NEWS_FEED);
	}

}
