package org.masthead.newsletter.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

import jakarta.servlet.http.HttpServletResponse;

import org.masthead.identity.CurrentStaff;
import org.masthead.identity.StaffMember;
import org.masthead.newsletter.issue.InvalidIssueException;
import org.masthead.newsletter.issue.Issue;
import org.masthead.newsletter.issue.IssuePaths;
import org.masthead.newsletter.issue.IssueRepository;
import org.masthead.newsletter.issue.IssueTransitionException;
import org.masthead.newsletter.issue.Issues;
import org.masthead.newsletter.issue.NewsletterRef;
import org.masthead.newsletter.sending.Sending;
import org.masthead.platform.MastheadProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The newsroom's issue pages, for Editors: compose, preview, test send, send now or schedule, and
 * follow a send with its progress (pause, resume, cancel). Every action is a plain form POST, so the
 * pages work without JavaScript; a small module refreshes the progress bar when it is on.
 */
@Controller
// Editors only: a path rule of the newsroom filter chain (identity, SecurityConfiguration.EDITOR_PAGES).
class IssueAdminController {

	private final IssueRepository repository;

	private final Issues issues;

	private final Sending sending;

	private final ZoneId zone;

	IssueAdminController(IssueRepository repository, Issues issues, Sending sending, MastheadProperties properties) {
		this.repository = repository;
		this.issues = issues;
		this.sending = sending;
		this.zone = properties.site().timeZone();
	}

	@GetMapping("/admin/newsletters/{slug}/issues")
	String showIssues(@PathVariable String slug, CsrfToken csrf, Model model) {
		return list(model, csrf, newsletter(slug), IssueForm.empty(), Map.of());
	}

	@PostMapping("/admin/newsletters/{slug}/issues")
	String processNewIssue(@PathVariable String slug, IssueForm form, CsrfToken csrf, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		NewsletterRef newsletter = newsletter(slug);
		try {
			Issue issue = issues.compose(newsletter, form.draft(), staff().name());
			redirect.addFlashAttribute("notice", "Draft saved. Preview it, send yourself a test, then send or schedule it.");
			return "redirect:" + IssuePaths.admin(slug, issue.id());
		}
		catch (InvalidIssueException ex) {
			response.setStatus(422);
			return list(model, csrf, newsletter, form, ex.errors());
		}
	}

	@GetMapping("/admin/newsletters/{slug}/issues/{id}")
	String showIssue(@PathVariable String slug, @PathVariable long id, CsrfToken csrf, Model model) {
		NewsletterRef newsletter = newsletter(slug);
		Issue issue = issue(newsletter, id);
		return show(model, csrf, newsletter, issue, IssueForm.of(issue, zone), Map.of());
	}

	@PostMapping("/admin/newsletters/{slug}/issues/{id}")
	String processIssue(@PathVariable String slug, @PathVariable long id, IssueForm form, CsrfToken csrf,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		NewsletterRef newsletter = newsletter(slug);
		Issue issue = issue(newsletter, id);
		return act(model, csrf, response, newsletter, issue, form, redirect, () -> {
			issues.update(id, form.draft());
			return "Draft saved.";
		});
	}

	@GetMapping(value = "/admin/newsletters/{slug}/issues/{id}/preview", produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String preview(@PathVariable String slug, @PathVariable long id) {
		NewsletterRef newsletter = newsletter(slug);
		Issue issue = issue(newsletter, id);
		String page = "/newsletters/" + slug + "/";
		String html = issue.html() != null ? issue.html() : issues.preview(newsletter, issue).html();
		return html.replace(org.masthead.newsletter.issue.Placeholders.UNSUBSCRIBE, page)
			.replace(org.masthead.newsletter.issue.Placeholders.MANAGE, page)
			.replace(org.masthead.newsletter.issue.Placeholders.PIXEL, "");
	}

	@PostMapping("/admin/newsletters/{slug}/issues/{id}/test")
	String processTestSend(@PathVariable String slug, @PathVariable long id, CsrfToken csrf, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		NewsletterRef newsletter = newsletter(slug);
		Issue issue = issue(newsletter, id);
		StaffMember staff = staff();
		if (staff.email() == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "An API token has no address to send a test to.");
		}
		return act(model, csrf, response, newsletter, issue, IssueForm.of(issue, zone), redirect, () -> {
			try {
				sending.testSend(newsletter, issue, issues.preview(newsletter, issue), staff.email());
			}
			catch (IllegalStateException ex) {
				throw new InvalidIssueException(Map.of("test", ex.getMessage()));
			}
			return "Test sent to " + staff.email() + ".";
		});
	}

	@PostMapping("/admin/newsletters/{slug}/issues/{id}/send")
	String processSend(@PathVariable String slug, @PathVariable long id, CsrfToken csrf, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		NewsletterRef newsletter = newsletter(slug);
		Issue issue = issue(newsletter, id);
		return act(model, csrf, response, newsletter, issue, IssueForm.of(issue, zone), redirect, () -> {
			issues.sendNow(newsletter, id);
			return "Sending started. This page shows the progress.";
		});
	}

	@PostMapping("/admin/newsletters/{slug}/issues/{id}/schedule")
	String processSchedule(@PathVariable String slug, @PathVariable long id, IssueForm form, CsrfToken csrf,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		NewsletterRef newsletter = newsletter(slug);
		Issue issue = issue(newsletter, id);
		IssueForm shown = new IssueForm(issue.subject(), issue.preheader(), issue.isDigest() ? "DIGEST" : "CHOSEN",
				String.join("\n", issue.articleSlugs()), form.scheduledAt());
		return act(model, csrf, response, newsletter, issue, shown, redirect, () -> {
			Map<String, String> errors = new LinkedHashMap<>();
			Instant at = form.scheduledAt(zone, errors);
			if (at == null) {
				throw new InvalidIssueException(errors);
			}
			issues.schedule(id, at);
			return "Scheduled for " + IssueForm.LOCAL.format(at.atZone(zone)).replace('T', ' ') + " newsroom time.";
		});
	}

	@PostMapping("/admin/newsletters/{slug}/issues/{id}/{action:unschedule|pause|resume|cancel}")
	String processMove(@PathVariable String slug, @PathVariable long id, @PathVariable String action, CsrfToken csrf,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		NewsletterRef newsletter = newsletter(slug);
		Issue issue = issue(newsletter, id);
		return act(model, csrf, response, newsletter, issue, IssueForm.of(issue, zone), redirect, () -> switch (action) {
			case "unschedule" -> {
				issues.unschedule(id);
				yield "Back to draft: the issue will not go out until you send or schedule it again.";
			}
			case "pause" -> {
				issues.pause(id);
				yield "Paused. Messages already handed to the relay still arrive; the rest wait.";
			}
			case "resume" -> {
				issues.resume(id);
				yield "Sending again.";
			}
			default -> {
				issues.cancel(id);
				yield "Cancelled. Subscribers not reached yet get nothing.";
			}
		});
	}

	/** Progress for the page's script: counts, percent and status. */
	@GetMapping(value = "/admin/newsletters/{slug}/issues/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> progress(@PathVariable String slug, @PathVariable long id) {
		NewsletterRef newsletter = newsletter(slug);
		Issue issue = issue(newsletter, id);
		Sending.Progress progress = sending.progress(id);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", issue.status().name());
		body.put("statusLabel", issue.status().label());
		body.put("total", progress.total());
		body.put("queued", progress.queued());
		body.put("sent", progress.sent());
		body.put("failed", progress.failed());
		body.put("suppressed", progress.suppressed());
		body.put("percent", progress.percent());
		return ResponseEntity.ok().header("Cache-Control", "no-store").body(body);
	}

	private interface Action {

		String run();

	}

	private String act(Model model, CsrfToken csrf, HttpServletResponse response, NewsletterRef newsletter, Issue issue,
			IssueForm form, RedirectAttributes redirect, Action action) {
		try {
			redirect.addFlashAttribute("notice", action.run());
			return "redirect:" + IssuePaths.admin(newsletter.slug(), issue.id());
		}
		catch (InvalidIssueException ex) {
			response.setStatus(422);
			return show(model, csrf, newsletter, issues.issue(issue.id()), form, ex.errors());
		}
		catch (IssueTransitionException ex) {
			response.setStatus(409);
			return show(model, csrf, newsletter, issues.issue(issue.id()), form, Map.of("status", ex.getMessage()));
		}
	}

	private String list(Model model, CsrfToken csrf, NewsletterRef newsletter, IssueForm form, Map<String, String> errors) {
		model.addAttribute("frame", frame(newsletter.name() + ": issues", csrf, model, errors));
		model.addAttribute("newsletter", newsletter);
		model.addAttribute("issues", repository.list(newsletter.id(), 50));
		model.addAttribute("form", form);
		model.addAttribute("relay", sending.relay());
		model.addAttribute("zone", zone);
		return "admin/newsletter-issues/list";
	}

	private String show(Model model, CsrfToken csrf, NewsletterRef newsletter, Issue issue, IssueForm form,
			Map<String, String> errors) {
		model.addAttribute("frame", frame(issue.subject(), csrf, model, errors));
		model.addAttribute("newsletter", newsletter);
		model.addAttribute("issue", issue);
		model.addAttribute("form", form);
		model.addAttribute("progress", sending.progress(issue.id()));
		model.addAttribute("stats", sending.stats(newsletter, issue));
		model.addAttribute("relay", sending.relay());
		model.addAttribute("archiveUrl", sending.archiveUrl(newsletter, issue));
		model.addAttribute("zone", zone);
		return "admin/newsletter-issues/issue";
	}

	private IssueFrame frame(String title, CsrfToken csrf, Model model, Map<String, String> errors) {
		Object notice = model.getAttribute("notice");
		return new IssueFrame(title, staff(), csrf.getParameterName(), csrf.getToken(),
				notice instanceof String text ? text : null, errors);
	}

	private NewsletterRef newsletter(String slug) {
		return repository.newsletter(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private Issue issue(NewsletterRef newsletter, long id) {
		try {
			Issue issue = issues.issue(id);
			if (issue.newsletterId() != newsletter.id()) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			return issue;
		}
		catch (NoSuchElementException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	private static StaffMember staff() {
		return CurrentStaff.get().orElseThrow();
	}

}
