package org.masthead.newsletter.issue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import org.masthead.content.ArticleCatalog;
import org.masthead.content.ArticleSummary;
import org.masthead.content.Page;
import org.masthead.platform.MastheadProperties;
import org.springframework.stereotype.Component;

/**
 * Renders an issue as email: HTML from {@code newsletter-mail/issue.jte} (table layout, styles
 * inline, a hidden preheader) and a plain-text part with the same stories and links.
 */
@Component
public class IssueRenderer {

	/** The most articles one issue carries; a digest of a busy week stops here. */
	static final int MAX_STORIES = 30;

	private final TemplateEngine templates;

	private final ArticleCatalog catalog;

	private final MastheadProperties.Site site;

	IssueRenderer(TemplateEngine templates, ArticleCatalog catalog, MastheadProperties properties) {
		this.templates = templates;
		this.catalog = catalog;
		this.site = properties.site();
	}

	/** The rendered email of an issue. */
	public record Rendered(String html, String text, int stories) {
	}

	public Rendered render(NewsletterRef newsletter, Issue issue) {
		List<ArticleSummary> articles = issue.isDigest() ? digest(issue.digestSince()) : chosen(issue.articleSlugs());
		List<MailView.Story> stories = articles.stream().map(this::story).toList();
		String archive = site.absolute(IssuePaths.archive(newsletter.slug(), issue.slug()));
		MailView view = new MailView(site.name(), site.absolute("/"), newsletter.name(), issue.subject(), issue.preheader(),
				archive, stories, Placeholders.UNSUBSCRIBE, Placeholders.MANAGE);
		StringOutput html = new StringOutput();
		templates.render("newsletter-mail/issue.jte", Map.of("mail", view), html);
		return new Rendered(html.toString(), text(view), stories.size());
	}

	/** Published articles for the chosen slugs, in the Editor's order; unknown slugs are left out. */
	List<ArticleSummary> chosen(List<String> slugs) {
		Map<String, ArticleSummary> bySlug = catalog.summaries(slugs).stream()
			.collect(Collectors.toMap(ArticleSummary::slug, a -> a, (a, b) -> a));
		return slugs.stream().map(bySlug::get).filter(a -> a != null).toList();
	}

	/** Articles published after {@code since} (all recent ones if null), newest first, at most {@link #MAX_STORIES}. */
	List<ArticleSummary> digest(Instant since) {
		List<ArticleSummary> found = new ArrayList<>();
		for (int number = 1; found.size() < MAX_STORIES; number++) {
			Page<ArticleSummary> page = catalog.latest(number, MAX_STORIES);
			for (ArticleSummary article : page.items()) {
				if (since != null && !article.publishedAt().isAfter(since)) {
					return found;
				}
				if (found.size() < MAX_STORIES) {
					found.add(article);
				}
			}
			if (!page.hasNext()) {
				break;
			}
		}
		return found;
	}

	private MailView.Story story(ArticleSummary a) {
		String byline = a.authors().isEmpty() ? null
				: a.authors().stream().map(author -> author.name()).collect(Collectors.joining(", "));
		String section = a.section() == null ? null : a.section().name();
		if (a.hero() == null) {
			return new MailView.Story(a.headline(), a.dek(), site.absolute(a.path()), byline, section, null, 0, 0, null);
		}
		String alt = a.hero().alt() == null ? "" : a.hero().alt();
		return new MailView.Story(a.headline(), a.dek(), site.absolute(a.path()), byline, section,
				absolute(a.hero().urlAtLeast(1120)), a.hero().width(), a.hero().height(), alt);
	}

	private String absolute(String url) {
		return url.startsWith("http://") || url.startsWith("https://") ? url : site.absolute(url);
	}

	private static String text(MailView view) {
		StringBuilder out = new StringBuilder();
		out.append(view.newsletterName()).append(" — ").append(view.siteName()).append("\n");
		out.append(view.preheader()).append("\n\n");
		out.append("Read this issue on the web: ").append(view.archiveUrl()).append("\n");
		for (MailView.Story story : view.stories()) {
			out.append("\n----------------------------------------\n\n");
			if (story.section() != null) {
				out.append(story.section().toUpperCase()).append("\n");
			}
			out.append(story.headline()).append("\n");
			if (story.dek() != null) {
				out.append("\n").append(story.dek()).append("\n");
			}
			if (story.byline() != null) {
				out.append("By ").append(story.byline()).append("\n");
			}
			out.append("\nRead the story: ").append(story.url()).append("\n");
		}
		out.append("\n----------------------------------------\n\n");
		out.append("You get ").append(view.newsletterName()).append(" because you signed up for it at ")
			.append(view.siteUrl()).append(" and confirmed your address.\n");
		out.append("Unsubscribe: ").append(view.unsubscribeUrl()).append("\n");
		out.append("Manage your newsletters: ").append(view.manageUrl()).append("\n");
		return out.toString();
	}

}
