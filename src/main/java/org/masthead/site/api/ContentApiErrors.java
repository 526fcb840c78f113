package org.masthead.site.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every Content API error as problem JSON; never an HTML page, never a stack trace. */
@RestControllerAdvice(basePackageClasses = ContentApiErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ContentApiErrors {

	private static final Logger log = LoggerFactory.getLogger(ContentApiErrors.class);

	@ExceptionHandler(ContentApiProblem.class)
	ProblemDetail problem(ContentApiProblem ex) {
		return ex.toProblem();
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail mismatch(MethodArgumentTypeMismatchException ex) {
		return ContentApiProblem.problem(HttpStatus.BAD_REQUEST, "request.bad-parameter",
				"\"" + ex.getName() + "\" has the wrong type of value.");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ProblemDetail method(HttpRequestMethodNotSupportedException ex) {
		return ContentApiProblem.problem(HttpStatus.METHOD_NOT_ALLOWED, "request.method-not-allowed",
				"The Content API only reads: use GET.");
	}

	@ExceptionHandler(RuntimeException.class)
	ProblemDetail unexpected(RuntimeException ex) {
		log.error("Content API error", ex);
		return ContentApiProblem.problem(HttpStatus.INTERNAL_SERVER_ERROR, "server.error", "Something went wrong on our side.");
	}

}
