package org.masthead.newsletter.sending;

import java.util.Map;

import org.masthead.newsletter.issue.IssueTransitionException;
import org.masthead.platform.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The newsletter API's errors as RFC 7807 problems with a stable {@code code}: {@code bounce.invalid}
 * (with {@code errors} by field), {@code issue.illegal-transition} (409), {@code newsletter.not-found},
 * and what every API answers ({@link ApiProblems}: {@code auth.forbidden}, {@code request.*}).
 */
@RestControllerAdvice(assignableTypes = NewsletterApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class NewsletterApiErrors extends ApiProblems {

	@ExceptionHandler(Invalid.class)
	ProblemDetail invalid(Invalid ex) {
		return invalidFields(HttpStatus.UNPROCESSABLE_CONTENT, "bounce.invalid", "The report breaks a rule.", ex.errors);
	}

	@ExceptionHandler(org.masthead.newsletter.issue.InvalidIssueException.class)
	ProblemDetail invalidIssue(org.masthead.newsletter.issue.InvalidIssueException ex) {
		return invalidFields(HttpStatus.UNPROCESSABLE_CONTENT, "issue.invalid", "The issue breaks a rule.", ex.errors());
	}

	@ExceptionHandler(IssueTransitionException.class)
	ProblemDetail transition(IssueTransitionException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "issue.illegal-transition", ex.getMessage());
		problem.setProperty("issueStatus", ex.from().name());
		return problem;
	}

	@ExceptionHandler(NotFound.class)
	ProblemDetail notFound(NotFound ex) {
		return problem(HttpStatus.NOT_FOUND, "newsletter.not-found", ex.getMessage());
	}

	/** The request's fields break rules. */
	static class Invalid extends RuntimeException {

		final Map<String, String> errors;

		Invalid(Map<String, String> errors) {
			super("invalid", null, false, false);
			this.errors = errors;
		}

	}

	/** No such newsletter or issue. */
	static class NotFound extends RuntimeException {

		NotFound(String message) {
			super(message, null, false, false);
		}

	}

}
