package org.masthead.site.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import org.masthead.content.ContentEvents.TaxonomyChanged;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Error pages rendered ahead of time, in the site's layout, for the errors Tomcat detects before a
 * request reaches the application (a path climbing above the root, a malformed request line).
 */
@Component
class StaticErrorPages {

	private static final int[] STATUSES = { 400, 404, 405, 414, 500, 503 };

	private static final Map<Integer, String> PAGES = new ConcurrentHashMap<>();

	private final TemplateEngine templates;

	private final ChromeFactory chrome;

	StaticErrorPages(TemplateEngine templates, ChromeFactory chrome) {
		this.templates = templates;
		this.chrome = chrome;
	}

	/** The page for a status, or a plain one when the application has not rendered them yet. */
	static String html(int status) {
		String page = PAGES.get(status);
		if (page == null) {
			page = PAGES.get(status >= 500 ? 500 : 400);
		}
		return page != null ? page
				: "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Error " + status
						+ "</title></head><body><main><h1>Error " + status + "</h1><p><a href=\"/\">Front page</a></p></main></body></html>";
	}

	@EventListener(ApplicationReadyEvent.class)
	void renderOnStart() {
		render();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(TaxonomyChanged event) {
		render();
	}

	void render() {
		Chrome c = chrome.chrome();
		for (int status : STATUSES) {
			SiteErrorController.ErrorText text = SiteErrorController.text(status);
			StringOutput out = new StringOutput();
			templates.render("error.jte", Map.of("chrome", c, "meta", Meta.error(text.title() + " — " + c.siteName()),
					"status", status, "title", text.title(), "message", text.message()), out);
			PAGES.put(status, out.toString());
		}
	}

}
