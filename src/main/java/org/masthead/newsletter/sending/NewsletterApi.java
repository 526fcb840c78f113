package org.masthead.newsletter.sending;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import org.masthead.identity.CurrentStaff;
import org.masthead.identity.Role;
import org.masthead.newsletter.issue.Issue;
import org.masthead.newsletter.issue.IssueRepository;
import org.masthead.newsletter.issue.Issues;
import org.masthead.newsletter.issue.NewsletterRef;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Newsletter sending through the Admin API, for Editors' tokens: the bounce and complaint webhook a
 * relay (or a script reading its bounce mailbox) calls, and an issue's progress, pause, resume and
 * cancel. Errors are RFC 7807 problems with stable codes ({@link NewsletterApiErrors}).
 */
@RestController
class NewsletterApi {

	/** A new issue: a subject, an optional preheader, and article slugs in order or {@code digest: true}. */
	record IssueInput(String subject, String preheader, java.util.List<String> articles, Boolean digest) {
	}

	/** What a relay reports: {@code type} is {@code hard-bounce} or {@code complaint}. */
	record BounceReport(String address, String type, String detail) {
	}

	private final Sending sending;

	private final Issues issues;

	private final IssueRepository repository;

	NewsletterApi(Sending sending, Issues issues, IssueRepository repository) {
		this.sending = sending;
		this.issues = issues;
		this.repository = repository;
	}

	@PostMapping("/api/admin/newsletters/bounces")
	ResponseEntity<Map<String, Object>> bounce(@RequestBody BounceReport report) {
		editor();
		Map<String, String> errors = new LinkedHashMap<>();
		String address = report.address() == null ? "" : report.address().strip();
		if (address.isEmpty()) {
			errors.put("address", "Give the address that bounced or complained.");
		}
		else if (address.length() > 254) {
			errors.put("address", "An address has at most 254 characters.");
		}
		else if (address.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || !address.matches("[^@\\s]+@[^@\\s]+")) {
			errors.put("address", "This is not an email address.");
		}
		String type = report.type() == null ? "" : report.type().strip().toLowerCase(Locale.ROOT);
		if (!type.equals("hard-bounce") && !type.equals("complaint")) {
			errors.put("type", "Use 'hard-bounce' or 'complaint' (soft bounces are retried by the sender).");
		}
		if (report.detail() != null && report.detail().length() > 500) {
			errors.put("detail", "Keep the detail to 500 characters.");
		}
		if (!errors.isEmpty()) {
			throw new NewsletterApiErrors.Invalid(errors);
		}
		sending.suppress(address, type.equals("complaint"), report.detail());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("address", address);
		body.put("suppressed", true);
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
	}

	@PostMapping("/api/admin/newsletters/{slug}/issues")
	ResponseEntity<Map<String, Object>> compose(@PathVariable String slug, @RequestBody IssueInput input) {
		editor();
		NewsletterRef newsletter = repository.newsletter(slug)
			.orElseThrow(() -> new NewsletterApiErrors.NotFound("No newsletter '" + slug + "'."));
		boolean digest = Boolean.TRUE.equals(input.digest());
		Issue issue = issues.compose(newsletter, new org.masthead.newsletter.issue.IssueDraft(input.subject(),
				input.preheader(), digest, input.articles() == null ? java.util.List.of() : input.articles()),
				CurrentStaff.get().orElseThrow().name());
		return ResponseEntity.created(java.net.URI.create("/api/admin/newsletters/" + slug + "/issues/" + issue.id()))
			.body(progress(slug, issue.id()));
	}

	/** Starts sending a draft or scheduled issue at once. */
	@PostMapping("/api/admin/newsletters/{slug}/issues/{id}/send")
	Map<String, Object> send(@PathVariable String slug, @PathVariable long id) {
		editor();
		issue(slug, id);
		issues.sendNow(repository.newsletter(slug).orElseThrow(), id);
		return progress(slug, id);
	}

	@GetMapping("/api/admin/newsletters/{slug}/issues/{id}")
	Map<String, Object> progress(@PathVariable String slug, @PathVariable long id) {
		editor();
		Issue issue = issue(slug, id);
		Sending.Progress progress = sending.progress(id);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", issue.id());
		body.put("subject", issue.subject());
		body.put("status", issue.status().name());
		body.put("total", progress.total());
		body.put("queued", progress.queued());
		body.put("sent", progress.sent());
		body.put("failed", progress.failed());
		body.put("suppressed", progress.suppressed());
		body.put("percent", progress.percent());
		return body;
	}

	@PostMapping("/api/admin/newsletters/{slug}/issues/{id}/{action:pause|resume|cancel}")
	Map<String, Object> move(@PathVariable String slug, @PathVariable long id, @PathVariable String action) {
		editor();
		issue(slug, id);
		switch (action) {
			case "pause" -> issues.pause(id);
			case "resume" -> issues.resume(id);
			default -> issues.cancel(id);
		}
		return progress(slug, id);
	}

	private Issue issue(String slug, long id) {
		NewsletterRef newsletter = repository.newsletter(slug)
			.orElseThrow(() -> new NewsletterApiErrors.NotFound("No newsletter '" + slug + "'."));
		try {
			Issue issue = issues.issue(id);
			if (issue.newsletterId() != newsletter.id()) {
				throw new NoSuchElementException();
			}
			return issue;
		}
		catch (NoSuchElementException ex) {
			throw new NewsletterApiErrors.NotFound("No issue " + id + " of newsletter '" + slug + "'.");
		}
	}

	private static void editor() {
		if (CurrentStaff.get().filter(staff -> staff.may(Role.EDITOR)).isEmpty()) {
			throw new AccessDeniedException("Newsletters need an Editor's token.");
		}
	}

}
