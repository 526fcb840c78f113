package org.masthead.site.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.masthead.content.Article;
import org.masthead.content.ArticleCatalog;
import org.masthead.content.ArticleSummary;
import org.masthead.content.CuratedList;
import org.masthead.content.Refs.TagRef;
import org.masthead.site.cache.PageDependencies;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.view.RedirectView;

/** The article page at {@code /{slug}/}; an old slug answers with a 301 to the current one. */
@Controller
class ArticleController {

	private final ArticleCatalog catalog;

	private final ChromeFactory chrome;

	private final RelatedCards relatedCards;

	private final StructuredData structuredData;

	ArticleController(ArticleCatalog catalog, ChromeFactory chrome, RelatedCards relatedCards,
			StructuredData structuredData) {
		this.catalog = catalog;
		this.chrome = chrome;
		this.relatedCards = relatedCards;
		this.structuredData = structuredData;
	}

	@GetMapping("/{slug:[a-z0-9-]{1,200}}/")
	Object article(@PathVariable String slug, HttpServletRequest request, Model model) {
		Article article = catalog.article(slug).orElse(null);
		if (article == null) {
			return catalog.currentSlugFor(slug).map(ArticleController::movedTo)
				.orElseThrow(() -> new NotFoundException("No article " + slug));
		}
		ArticleSummary s = article.summary();
		RelatedCards.Filled body = relatedCards.fill(article.bodyHtml());
		List<ArticleSummary> more = catalog.latest(1, 6).items().stream().filter(a -> a.id() != s.id()).limit(5).toList();
		List<ArticleSummary> picks = catalog.curated(CuratedList.EDITORS_PICKS, 6).stream().filter(a -> a.id() != s.id()).toList();

		PageDependencies.add(request, PageDependencies.article(s.id()), PageDependencies.LATEST,
				PageDependencies.TAXONOMY, PageDependencies.list(CuratedList.EDITORS_PICKS.slug()));
		s.authors().forEach(a -> PageDependencies.add(request, PageDependencies.author(a.id())));
		article.tags().stream().map(TagRef::id).forEach(id -> PageDependencies.add(request, PageDependencies.tag(id)));
		body.related().values().forEach(r -> PageDependencies.add(request, PageDependencies.article(r.id())));
		picks.forEach(p -> PageDependencies.add(request, PageDependencies.article(p.id())));

		String canonical = chrome.absolute(s.path());
		Chrome c = chrome.chrome().inSection(s.section() != null ? s.section().slug() : null);
		model.addAttribute("chrome", c);
		model.addAttribute("meta", new Meta(s.headline() + " — " + c.siteName(), s.dek(), canonical, "article",
				s.hero() != null ? chrome.absolute(s.hero().urlAtLeast(1200)) : null, structuredData.article(article),
				false));
		model.addAttribute("page", new Views.ArticlePage(article, body.html(), more, picks, canonical));
		return "article";
	}

	@GetMapping("/{slug:[a-z0-9-]{1,200}}")
	RedirectView withoutSlash(@PathVariable String slug) {
		return movedTo(slug);
	}

	private static RedirectView movedTo(String slug) {
		RedirectView redirect = new RedirectView("/" + slug + "/");
		redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
		redirect.setExposeModelAttributes(false);
		return redirect;
	}

}
