package org.masthead.newsletter.web;

import java.net.URI;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.masthead.newsletter.Newsletter;
import org.masthead.newsletter.Newsletters;
import org.masthead.newsletter.SignupOutcome;
import org.masthead.newsletter.signup.Signups;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The sign-up form of every block. Without JavaScript the answer is a redirect back to the page the
 * form was on, with the outcome in the address ({@code ?signup=SLUG&result=CODE#signup-SLUG}, never
 * cached) so the block shows its message in place; the block's script asks for JSON instead:
 * {@code {"result":"sent","message":...}}, or problem JSON with a stable {@code code}. No CSRF token:
 * the blocks sit in cached pages, and the form only ever leads to a confirmation email.
 */
@Controller
class SignupController {

	static final String PROBLEM = "urn:masthead:problem:newsletter.signup.";

	private final Newsletters newsletters;

	private final Signups signups;

	SignupController(Newsletters newsletters, Signups signups) {
		this.newsletters = newsletters;
		this.signups = signups;
	}

	@PostMapping(path = "/newsletters/{slug}/signup", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Object> processSignupInline(@PathVariable String slug, @RequestParam(required = false) String email,
			@RequestParam(required = false) String website, @RequestParam(required = false) String page,
			HttpServletRequest request) {
		SignupOutcome outcome = signUp(slug, email, website, page, request);
		if (!outcome.isError()) {
			return ResponseEntity.ok(Map.of("result", outcome.code(), "message", outcome.message()));
		}
		HttpStatus status = outcome == SignupOutcome.LIMITED ? HttpStatus.TOO_MANY_REQUESTS
				: outcome == SignupOutcome.CLOSED ? HttpStatus.CONFLICT : HttpStatus.valueOf(422);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, outcome.message());
		problem.setType(URI.create(PROBLEM + outcome.code()));
		problem.setTitle(outcome == SignupOutcome.LIMITED ? "Too many sign-ups" : "Sign-up refused");
		problem.setProperty("code", "newsletter.signup." + outcome.code());
		problem.setProperty("result", outcome.code());
		problem.setProperty("field", outcome == SignupOutcome.LIMITED || outcome == SignupOutcome.CLOSED ? null : "email");
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (outcome == SignupOutcome.LIMITED) {
			answer.header("Retry-After", "60");
		}
		return answer.body(problem);
	}

	@PostMapping("/newsletters/{slug}/signup")
	RedirectView processSignup(@PathVariable String slug, @RequestParam(required = false) String email,
			@RequestParam(required = false) String website, @RequestParam(required = false) String page,
			HttpServletRequest request) {
		SignupOutcome outcome = signUp(slug, email, website, page, request);
		String back = Signups.safePage(page);
		if (back == null) {
			back = "/newsletters/" + slug + "/";
		}
		// 303 See Other: the browser follows with a GET, never re-posting the address (POST/redirect/GET).
		RedirectView redirect = new RedirectView(back + "?signup=" + slug + "&result=" + outcome.code() + "#signup-" + slug, true);
		redirect.setStatusCode(HttpStatus.SEE_OTHER);
		return redirect;
	}

	private SignupOutcome signUp(String slug, String email, String website, String page, HttpServletRequest request) {
		Newsletter newsletter = newsletters.bySlug(slug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such newsletter"));
		return signups.signUp(new Signups.Request(newsletter, email, website, page, request.getRemoteAddr()));
	}

}
