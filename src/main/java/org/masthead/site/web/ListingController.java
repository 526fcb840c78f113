package org.masthead.site.web;

import jakarta.servlet.http.HttpServletRequest;

import org.masthead.content.ArticleCatalog;
import org.masthead.content.ArticleSummary;
import org.masthead.content.AuthorProfile;
import org.masthead.content.Page;
import org.masthead.content.Section;
import org.masthead.content.Tag;
import org.masthead.platform.MastheadProperties;
import org.masthead.site.cache.PageDependencies;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Section fronts, tag pages and author pages, each paginated at {@code .../page/N/}. */
@Controller
class ListingController {

	private final ArticleCatalog catalog;

	private final ChromeFactory chrome;

	private final StructuredData structuredData;

	private final int pageSize;

	ListingController(ArticleCatalog catalog, ChromeFactory chrome, StructuredData structuredData,
			MastheadProperties properties) {
		this.catalog = catalog;
		this.chrome = chrome;
		this.structuredData = structuredData;
		this.pageSize = properties.site().pageSize();
	}

	@GetMapping({ "/section/{slug}/", "/section/{slug}/page/{number}/" })
	String section(@PathVariable String slug, @PathVariable(required = false) String number,
			HttpServletRequest request, Model model) {
		Section section = catalog.section(slug).orElseThrow(() -> new NotFoundException("No section " + slug));
		int n = number == null ? 1 : PageNumbers.parse(number);
		Page<ArticleSummary> page = catalog.inSection(section.id(), n, pageSize);
		PageDependencies.add(request, PageDependencies.section(section.id()));
		return render(request, model, new Views.Listing("Section", section.name(), section.description(), null, page,
				section.path()), number, section.slug());
	}

	@GetMapping({ "/tag/{slug}/", "/tag/{slug}/page/{number}/" })
	String tag(@PathVariable String slug, @PathVariable(required = false) String number, HttpServletRequest request,
			Model model) {
		Tag tag = catalog.tag(slug).orElseThrow(() -> new NotFoundException("No tag " + slug));
		int n = number == null ? 1 : PageNumbers.parse(number);
		Page<ArticleSummary> page = catalog.withTag(tag.id(), n, pageSize);
		PageDependencies.add(request, PageDependencies.tag(tag.id()));
		return render(request, model, new Views.Listing("Tag", tag.name(), tag.description(), null, page, tag.path()),
				number, null);
	}

	@GetMapping({ "/author/{slug}/", "/author/{slug}/page/{number}/" })
	String author(@PathVariable String slug, @PathVariable(required = false) String number,
			HttpServletRequest request, Model model) {
		AuthorProfile author = catalog.author(slug).orElseThrow(() -> new NotFoundException("No author " + slug));
		int n = number == null ? 1 : PageNumbers.parse(number);
		Page<ArticleSummary> page = catalog.byAuthor(author.id(), n, pageSize);
		PageDependencies.add(request, PageDependencies.author(author.id()));
		return render(request, model, new Views.Listing("Author", author.name(), author.bio(), author, page,
				author.path()), number, null);
	}

	private String render(HttpServletRequest request, Model model, Views.Listing listing, String number,
			String section) {
		Page<ArticleSummary> page = listing.page();
		if ("1".equals(number)) {
			return "redirect:" + listing.basePath();
		}
		if (page.number() > page.totalPages()) {
			throw new NotFoundException("No page " + page.number());
		}
		PageDependencies.add(request, PageDependencies.TAXONOMY);
		page.items().forEach(a -> PageDependencies.add(request, PageDependencies.article(a.id())));
		String path = listing.pagePath(page.number());
		Chrome c = chrome.chrome().inSection(section);
		String title = listing.heading() + (page.number() > 1 ? ", page " + page.number() : "") + " — " + c.siteName();
		String image = listing.author() != null && listing.author().photo() != null
				? chrome.absolute(listing.author().photo().url()) : null;
		model.addAttribute("chrome", c);
		model.addAttribute("meta", new Meta(title, listing.description(), chrome.absolute(path),
				listing.author() != null ? "profile" : "website", image,
				structuredData.listing(listing.heading(), listing.basePath()), false));
		model.addAttribute("listing", listing);
		return "listing";
	}

}
