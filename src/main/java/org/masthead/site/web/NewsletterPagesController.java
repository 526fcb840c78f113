package org.masthead.site.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.masthead.newsletter.IssueArchive;
import org.masthead.newsletter.Newsletter;
import org.masthead.newsletter.NewsletterStatus;
import org.masthead.newsletter.Newsletters;
import org.masthead.site.cache.PageDependencies;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public newsletter pages in the site's frame: {@code /newsletters/} lists the open ones with a
 * sign-up block each, {@code /newsletters/{slug}/} shows one with its sign-up form and the web
 * archive of its sent issues (when sending provides an {@link IssueArchive}).
 */
@Controller
public class NewsletterPagesController {

	static final int ARCHIVE_SIZE = 50;

	private final Newsletters newsletters;

	private final ObjectProvider<IssueArchive> archive;

	private final ChromeFactory chrome;

	private final SignupBlocks blocks;

	NewsletterPagesController(Newsletters newsletters, ObjectProvider<IssueArchive> archive, ChromeFactory chrome,
			SignupBlocks blocks) {
		this.newsletters = newsletters;
		this.archive = archive;
		this.chrome = chrome;
		this.blocks = blocks;
	}

	/** One newsletter's page. */
	public record NewsletterPage(Newsletter newsletter, SignupBlocks.View signup, List<IssueArchive.ArchivedIssue> issues) {
	}

	@GetMapping("/newsletters/")
	String index(HttpServletRequest request, Model model) {
		Chrome c = chrome.chrome();
		model.addAttribute("chrome", c);
		model.addAttribute("meta", new Meta("Newsletters — " + c.siteName(),
				"The newsletters of " + c.siteName() + ": sign up to get them by email.", chrome.absolute("/newsletters/"),
				"website", null, null, false));
		PageDependencies.add(request, PageDependencies.NEWSLETTERS);
		model.addAttribute("signup", blocks.view(request, newsletters.active()));
		return "newsletter/index";
	}

	@GetMapping("/newsletters/{slug:[a-z0-9-]{1,100}}/")
	String newsletter(@PathVariable String slug, HttpServletRequest request, Model model) {
		Newsletter newsletter = newsletters.bySlug(slug)
			.filter(n -> n.status() != NewsletterStatus.PAUSED)
			.orElseThrow(() -> new NotFoundException("No newsletter " + slug));
		List<IssueArchive.ArchivedIssue> issues = archive.stream().findFirst()
			.map(a -> a.sent(newsletter.id(), 0, ARCHIVE_SIZE))
			.orElse(List.of());
		// The archive changes when an issue is sent, and sending announces no event the cache hears:
		// with an archive the page declares no dependencies, so it is rendered fresh every time
		// rather than show a stale list.
		if (archive.getIfAvailable() == null) {
			PageDependencies.add(request, PageDependencies.NEWSLETTERS);
		}
		SignupBlocks.View signup = blocks.view(request, newsletter.isOpen() ? List.of(newsletter) : List.of());
		Chrome c = chrome.chrome();
		model.addAttribute("chrome", c);
		model.addAttribute("meta", new Meta(newsletter.name() + " — " + c.siteName(), newsletter.description(),
				chrome.absolute(newsletter.path()), "website", null, null, false));
		model.addAttribute("page", new NewsletterPage(newsletter, signup, issues));
		return "newsletter/newsletter";
	}

}
