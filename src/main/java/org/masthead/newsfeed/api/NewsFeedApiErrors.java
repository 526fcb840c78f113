package org.masthead.newsfeed.api;

import org.masthead.newsfeed.InvalidNewsFeedItemException;
import org.masthead.platform.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The news feed API's errors as RFC 7807 problem JSON with a stable {@code code}, the same codes
 * the rest of the Admin API uses ({@link ApiProblems}) plus {@code news-feed.invalid} (with
 * {@code errors} by field) and {@code news-feed.not-found}.
 */
@RestControllerAdvice(basePackageClasses = NewsFeedApiErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class NewsFeedApiErrors extends ApiProblems {

	@ExceptionHandler(InvalidNewsFeedItemException.class)
	ProblemDetail invalid(InvalidNewsFeedItemException ex) {
		return invalidFields(HttpStatus.UNPROCESSABLE_CONTENT, "news-feed.invalid", "The item breaks a rule.", ex.errors());
	}

	@ExceptionHandler(NotFound.class)
	ProblemDetail notFound(NotFound ex) {
		return problem(HttpStatus.NOT_FOUND, "news-feed.not-found", ex.getMessage());
	}

	/** No news feed item has this id. */
	static class NotFound extends RuntimeException {

		NotFound(long id) {
			super("No news feed item " + id + ".", null, false, false);
		}

	}

}
