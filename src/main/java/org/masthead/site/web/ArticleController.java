package org.masthead.site.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.masthead.audio.Narration;
import org.masthead.audio.Narrations;
import org.masthead.content.Article;
import org.masthead.content.ArticleCatalog;
import org.masthead.content.ArticleSummary;
import org.masthead.content.CuratedList;
import org.masthead.content.Refs.TagRef;
import org.masthead.identity.CurrentStaff;
import org.masthead.site.EditLinks;
import org.masthead.site.cache.PageDependencies;
import org.masthead.site.cache.SiteFurniture;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.ui.Model;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
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

	private final ObjectProvider<EditLinks> editLinks;

	private final ObjectProvider<Narrations> narrations;

	private final SiteFurniture furniture;

	ArticleController(ArticleCatalog catalog, ChromeFactory chrome, RelatedCards relatedCards,
			StructuredData structuredData, ObjectProvider<EditLinks> editLinks, ObjectProvider<Narrations> narrations,
			SiteFurniture furniture) {
		this.catalog = catalog;
		this.furniture = furniture;
		this.chrome = chrome;
		this.relatedCards = relatedCards;
		this.structuredData = structuredData;
		this.editLinks = editLinks;
		this.narrations = narrations;
	}

	@GetMapping("/{slug:[a-z0-9-]{1,200}}/")
	Object article(@PathVariable String slug, HttpServletRequest request, Model model) {
		Article article = catalog.article(slug).orElse(null);
		if (article == null) {
			return catalog.currentSlugFor(slug).map(ArticleController::movedTo)
				.orElseThrow(() -> new NotFoundException("No article " + slug));
		}
		ArticleSummary s = article.summary();
		ArticleModel m = model(article, false);
		Views.ArticlePage page = m.page();

		PageDependencies.add(request, PageDependencies.article(s.id()), PageDependencies.LATEST,
				PageDependencies.TAXONOMY, PageDependencies.list(CuratedList.EDITORS_PICKS.slug()));
		s.authors().forEach(a -> PageDependencies.add(request, PageDependencies.author(a.id())));
		article.tags().stream().map(TagRef::id).forEach(id -> PageDependencies.add(request, PageDependencies.tag(id)));
		m.related().forEach(r -> PageDependencies.add(request, PageDependencies.article(r.id())));
		page.picks().forEach(p -> PageDependencies.add(request, PageDependencies.article(p.id())));

		model.addAttribute("chrome", m.chrome());
		model.addAttribute("meta", m.meta());
		model.addAttribute("page", page);
		if (m.narration() != null) {
			model.addAttribute("narration", m.narration());
		}
		// Only for staff signed in with a session: their requests carry the session cookie, which the
		// page cache never answers from nor stores, so the link cannot reach a reader.
		CurrentStaff.get().filter(staff -> !staff.isApiToken())
			.flatMap(staff -> editLinks.stream().findFirst().flatMap(links -> links.editUrl(staff, s.id())))
			.ifPresent(url -> model.addAttribute("editUrl", url));
		return "article";
	}

	/** What the article template needs, for a live article or the newsroom's preview ({@code noindex}). */
	ArticleModel model(Article article, boolean preview) {
		ArticleSummary s = article.summary();
		RelatedCards.Filled body = relatedCards.fill(article.bodyHtml());
		List<ArticleSummary> more = furniture.latest().stream().filter(a -> a.id() != s.id()).limit(5).toList();
		List<ArticleSummary> picks = furniture.editorsPicks().stream().filter(a -> a.id() != s.id()).toList();
		String canonical = chrome.absolute(s.path());
		Chrome c = chrome.chrome().inSection(s.section() != null ? s.section().slug() : null);
		String title = article.seoTitle() != null ? article.seoTitle() : s.headline() + " — " + c.siteName();
		String description = article.seoDescription() != null ? article.seoDescription() : s.dek();
		// The narration's player, when audio has one (a preview of a working copy has none of its own).
		Narration narration = preview ? null
				: narrations.stream().findFirst().flatMap(n -> n.readyFor(s.id())).orElse(null);
		Meta meta = new Meta(title, description, canonical, "article",
				s.hero() != null ? chrome.absolute(s.hero().urlAtLeast(1200)) : null,
				structuredData.article(article, narration), preview);
		return new ArticleModel(c, meta, new Views.ArticlePage(article, body.html(), more, picks, canonical),
				List.copyOf(body.related().values()), narration);
	}

	/** The template's parameters, the related articles the body shows, and the narration (or null). */
	record ArticleModel(Chrome chrome, Meta meta, Views.ArticlePage page, List<ArticleSummary> related,
			Narration narration) {
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
