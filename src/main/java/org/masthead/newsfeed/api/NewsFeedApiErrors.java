package org.masthead.newsfeed.api;

import java.net.URI;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.masthead.newsfeed.InvalidNewsFeedItemException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The news feed API's errors as RFC 7807 problem JSON with a stable {@code code}, the same codes
 * the rest of the Admin API uses: {@code news-feed.invalid} (with {@code errors} by field),
 * {@code news-feed.not-found}, {@code auth.forbidden}, {@code request.*}.
 */
@RestControllerAdvice(basePackageClasses = NewsFeedApiErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class NewsFeedApiErrors {

	private static final Logger log = LoggerFactory.getLogger(NewsFeedApiErrors.class);

	@ExceptionHandler(InvalidNewsFeedItemException.class)
	ProblemDetail invalid(InvalidNewsFeedItemException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "news-feed.invalid", "The item breaks a rule.");
		problem.setProperty("errors", ex.errors().entrySet().stream()
			.map(e -> Map.of("field", e.getKey(), "message", e.getValue()))
			.toList());
		return problem;
	}

	@ExceptionHandler(NotFound.class)
	ProblemDetail notFound(NotFound ex) {
		return problem(HttpStatus.NOT_FOUND, "news-feed.not-found", ex.getMessage());
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden(AccessDeniedException ex) {
		return problem(HttpStatus.FORBIDDEN, "auth.forbidden", ex.getMessage());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail notValid(MethodArgumentNotValidException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "request.invalid", "Some fields are not valid.");
		problem.setProperty("errors", ex.getBindingResult().getFieldErrors().stream()
			.map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
			.toList());
		return problem;
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

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ProblemDetail badParameter(Exception ex) {
		return problem(HttpStatus.BAD_REQUEST, "request.bad-parameter", "A parameter is missing or has the wrong type.");
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail illegal(IllegalArgumentException ex) {
		return problem(HttpStatus.BAD_REQUEST, "request.invalid", ex.getMessage());
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
		log.error("News feed API error", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "server.error", "Something went wrong on our side.");
	}

	static ProblemDetail problem(HttpStatus status, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:masthead:problem:" + code));
		problem.setProperty("code", code);
		return problem;
	}

	/** No news feed item has this id. */
	static class NotFound extends RuntimeException {

		NotFound(long id) {
			super("No news feed item " + id + ".", null, false, false);
		}

	}

}
