package org.masthead.newsletter.sending;

import java.net.URI;
import java.util.Map;

import org.masthead.newsletter.issue.IssueTransitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The newsletter API's errors as RFC 7807 problems with a stable {@code code}: {@code bounce.invalid}
 * (with {@code errors} by field), {@code issue.illegal-transition} (409), {@code newsletter.not-found},
 * {@code auth.forbidden}, {@code request.*}.
 */
@RestControllerAdvice(assignableTypes = NewsletterApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class NewsletterApiErrors {

	private static final Logger log = LoggerFactory.getLogger(NewsletterApiErrors.class);

	@ExceptionHandler(Invalid.class)
	ProblemDetail invalid(Invalid ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "bounce.invalid", "The report breaks a rule.");
		problem.setProperty("errors", ex.errors.entrySet().stream()
			.map(e -> Map.of("field", e.getKey(), "message", e.getValue()))
			.toList());
		return problem;
	}

	@ExceptionHandler(org.masthead.newsletter.issue.InvalidIssueException.class)
	ProblemDetail invalidIssue(org.masthead.newsletter.issue.InvalidIssueException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "issue.invalid", "The issue breaks a rule.");
		problem.setProperty("errors", ex.errors().entrySet().stream()
			.map(e -> Map.of("field", e.getKey(), "message", e.getValue()))
			.toList());
		return problem;
	}

	@ExceptionHandler(IssueTransitionException.class)
	ProblemDetail transition(IssueTransitionException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "issue.illegal-transition", ex.getMessage());
		problem.setProperty("status", ex.from().name());
		return problem;
	}

	@ExceptionHandler(NotFound.class)
	ProblemDetail notFound(NotFound ex) {
		return problem(HttpStatus.NOT_FOUND, "newsletter.not-found", ex.getMessage());
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden(AccessDeniedException ex) {
		return problem(HttpStatus.FORBIDDEN, "auth.forbidden", ex.getMessage());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		String text = String.valueOf(ex.getMostSpecificCause().getMessage());
		if (text.startsWith("Unrecognized property")) {
			return problem(HttpStatus.BAD_REQUEST, "request.unknown-field", "The request has a field this endpoint does not know.");
		}
		if (text.contains("Cannot deserialize value") || text.contains("Cannot coerce") || text.contains("not a valid")) {
			return problem(HttpStatus.BAD_REQUEST, "request.wrong-type", "A field has the wrong type of value.");
		}
		return problem(HttpStatus.BAD_REQUEST, "request.malformed", "The request body is not valid JSON for this endpoint.");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail badParameter(Exception ex) {
		return problem(HttpStatus.BAD_REQUEST, "request.bad-parameter", "A parameter has the wrong type.");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ProblemDetail method(HttpRequestMethodNotSupportedException ex) {
		return problem(HttpStatus.METHOD_NOT_ALLOWED, "request.method-not-allowed", ex.getMessage());
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ProblemDetail mediaType(HttpMediaTypeNotSupportedException ex) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "request.unsupported-media-type", "Send application/json.");
	}

	@ExceptionHandler(RuntimeException.class)
	ProblemDetail unexpected(RuntimeException ex) {
		log.error("Newsletter API error", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "server.error", "Something went wrong on our side.");
	}

	static ProblemDetail problem(HttpStatus status, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:masthead:problem:" + code));
		problem.setProperty("code", code);
		return problem;
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
