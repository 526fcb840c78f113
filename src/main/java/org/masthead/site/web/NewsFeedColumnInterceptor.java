package org.masthead.site.web;

import java.util.Map;
import java.util.Set;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

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
 * controller renders them, and records that those pages depend on the news feed. The column is
 * rendered once per version of the news feed.
 */
@Configuration(proxyBeanMethods = false)
class NewsFeedColumnInterceptor implements HandlerInterceptor, WebMvcConfigurer {

	private static final Set<String> VIEWS = Set.of("article", "home");

	private final SiteFurniture furniture;

	private final ChromeFactory chrome;

	private final int size;

	private final TemplateEngine templates;

	/** The column as HTML, for the furniture's column it was rendered from. */
	private record Rendered(SiteFurniture.NewsFeedColumn source, Content html) {
	}

	private volatile Rendered rendered;

	NewsFeedColumnInterceptor(SiteFurniture furniture, ChromeFactory chrome, NewsFeedProperties properties,
			TemplateEngine templates) {
		this.furniture = furniture;
		this.chrome = chrome;
		this.size = properties.columnSize();
		this.templates = templates;
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
		mav.addObject("newsFeed", column());
		PageDependencies.add(request, PageDependencies.NEWS_FEED);
	}

	/**
	 * The column is the same on every page until the news feed changes, so it is rendered once
	 * for each column the furniture holds (a new one after every change) rather than on every page.
	 */
	Content column() {
		SiteFurniture.NewsFeedColumn source = furniture.newsFeedColumn();
		Rendered current = rendered;
		if (current == null || current.source() != source) {
			java.util.List<NewsFeedItem> items = source.items();
			java.util.List<NewsFeedItem> pinned = items.stream().filter(NewsFeedItem::pinned).toList();
			NewsFeedViews.Column column = new NewsFeedViews.Column(pinned,
					NewsFeedViews.byDay(items, pinned, chrome.dates()), source.since(), size, chrome.newsFeedScript());
			StringOutput html = new StringOutput();
			templates.render("partials/newsfeed.jte", Map.of("column", column, "dates", chrome.dates()), html);
			String text = html.toString();
			current = new Rendered(source, output -> output.writeContent(text));
			rendered = current;
		}
		return current.html();
	}

}
