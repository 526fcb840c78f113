package org.masthead.newsletter.issue;

import java.util.Optional;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.masthead.platform.MastheadProperties;

/**
 * The web copy of a sent issue at {@code /newsletters/{newsletter}/issues/{id-or-slug}/}: the email as
 * subscribers got it, with the personal links pointing to the newsletter's public page. Issues that
 * were not sent (drafts, cancelled) are not found.
 */
@Controller
class ArchiveController {

	private final IssueRepository issues;

	private final MastheadProperties.Site site;

	ArchiveController(IssueRepository issues, MastheadProperties properties) {
		this.issues = issues;
		this.site = properties.site();
	}

	@GetMapping("/newsletters/{newsletter}/issues/{issue}/")
	ResponseEntity<String> show(@PathVariable String newsletter, @PathVariable String issue) {
		Optional<NewsletterRef> ref = issues.newsletter(newsletter);
		Optional<Issue> found = ref.flatMap(n -> issue.matches("[0-9]{1,19}")
				? issues.find(Long.parseLong(issue)).filter(i -> i.newsletterId() == n.id())
				: issues.find(n.id(), issue));
		if (found.isEmpty() || found.get().status() != IssueStatus.SENT || found.get().html() == null) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML)
				.body("<!DOCTYPE html><html lang=\"en\"><meta charset=\"utf-8\"><title>Issue not found</title>"
						+ "<p>There is no sent issue at this address. <a href=\"/newsletters/\">See all newsletters</a>.</p></html>");
		}
		String page = site.absolute("/newsletters/" + ref.get().slug() + "/");
		String html = found.get().html()
			.replace(Placeholders.UNSUBSCRIBE, page)
			.replace(Placeholders.MANAGE, page)
			.replace(Placeholders.PIXEL, "");
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
			.body(html);
	}

}
