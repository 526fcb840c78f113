package org.masthead.site.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.masthead.content.ArticleCatalog;
import org.masthead.content.ArticleSummary;
import org.masthead.content.CuratedList;
import org.masthead.content.Page;
import org.masthead.content.Section;
import org.masthead.platform.MastheadProperties;
import org.masthead.site.cache.PageDependencies;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The front page and the paginated list of everything published, newest first. */
@Controller
class HomeController {

	private final ArticleCatalog catalog;

	private final ChromeFactory chrome;

	private final StructuredData structuredData;

	private final int pageSize;

	HomeController(ArticleCatalog catalog, ChromeFactory chrome, StructuredData structuredData,
			MastheadProperties properties) {
		this.catalog = catalog;
		this.chrome = chrome;
		this.structuredData = structuredData;
		this.pageSize = properties.site().pageSize();
	}

	@GetMapping("/")
	String home(HttpServletRequest request, Model model) {
		PageDependencies.add(request, PageDependencies.LATEST, PageDependencies.TAXONOMY,
				PageDependencies.list(CuratedList.FEATURED.slug()), PageDependencies.list(CuratedList.EDITORS_PICKS.slug()));
		List<ArticleSummary> latest = catalog.latest(1, 13).items();
		List<ArticleSummary> featured = catalog.curated(CuratedList.FEATURED, 3);
		List<ArticleSummary> picks = catalog.curated(CuratedList.EDITORS_PICKS, 6);
		ArticleSummary lead = latest.isEmpty() ? null : featured.isEmpty() ? latest.get(0) : featured.get(0);
		List<ArticleSummary> otherFeatured = featured.stream().filter(a -> a != lead).toList();
		List<ArticleSummary> more = latest.stream().filter(a -> lead == null || a.id() != lead.id())
			.filter(a -> otherFeatured.stream().noneMatch(f -> f.id() == a.id()))
			.limit(8)
			.toList();
		List<Views.SectionBlock> blocks = chrome.chrome().sections().stream()
			.map((Section s) -> new Views.SectionBlock(s, catalog.inSection(s.id(), 1, 4).items()))
			.filter(b -> !b.articles().isEmpty())
			.toList();
		blocks.forEach(b -> PageDependencies.add(request, PageDependencies.section(b.section().id())));
		Chrome c = chrome.chrome();
		model.addAttribute("chrome", c);
		model.addAttribute("meta", new Meta(c.siteName() + " — " + c.tagline(), c.tagline(), chrome.absolute("/"),
				"website", lead != null && lead.hero() != null ? chrome.absolute(lead.hero().urlAtLeast(1200)) : null,
				structuredData.website(), false));
		model.addAttribute("home", new Views.Home(lead, otherFeatured, more, picks, blocks));
		return "home";
	}

	@GetMapping("/page/{number}/")
	String latest(@PathVariable String number, HttpServletRequest request, Model model) {
		int n = PageNumbers.parse(number);
		if (n == 1) {
			return "redirect:/";
		}
		Page<ArticleSummary> page = catalog.latest(n, pageSize);
		if (n > page.totalPages()) {
			throw new NotFoundException("No page " + n);
		}
		PageDependencies.add(request, PageDependencies.LATEST, PageDependencies.TAXONOMY);
		Chrome c = chrome.chrome();
		model.addAttribute("chrome", c);
		model.addAttribute("meta", new Meta("Latest news, page " + n + " — " + c.siteName(), null,
				chrome.absolute("/page/" + n + "/"), "website", null, null, false));
		model.addAttribute("listing", new Views.Listing("Latest", "Latest news", null, null, page, "/"));
		return "listing";
	}

}
