package org.masthead.editorial.api;

import org.masthead.content.ConcurrentEditException;
import org.masthead.content.MediaLibrary.MediaRejectedException;
import org.masthead.content.SlugInUseException;
import org.masthead.content.WorkflowException;
import org.masthead.editorial.workflow.ArticleNotFoundException;
import org.masthead.editorial.workflow.PublishingBlockedException;
import org.masthead.platform.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Every Admin API error as RFC 7807 problem JSON with a stable {@code code}: clients and tests
 * rely on the code, never the wording. Nothing answers 500 with a stack trace.
 */
@RestControllerAdvice(basePackageClasses = AdminApiErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminApiErrors extends ApiProblems {

	@ExceptionHandler(ArticleNotFoundException.class)
	ProblemDetail notFound(ArticleNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "article.not-found", ex.getMessage());
	}

	@ExceptionHandler(NotFound.class)
	ProblemDetail notFound(NotFound ex) {
		return problem(HttpStatus.NOT_FOUND, ex.code, ex.getMessage());
	}

	@ExceptionHandler(PublishingBlockedException.class)
	ProblemDetail blocked(PublishingBlockedException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "article.publishing-blocked", ex.getMessage());
		problem.setProperty("problems", ex.problems());
		return problem;
	}

	@ExceptionHandler(WorkflowException.class)
	ProblemDetail workflow(WorkflowException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "article.illegal-transition", ex.getMessage());
		problem.setProperty("from", ex.from());
		problem.setProperty("to", ex.to());
		return problem;
	}

	@ExceptionHandler(ConcurrentEditException.class)
	ProblemDetail conflict(ConcurrentEditException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "article.edit-conflict", ex.getMessage());
		problem.setProperty("currentRevision", ex.currentRevision());
		return problem;
	}

	@ExceptionHandler(MediaRejectedException.class)
	ProblemDetail media(MediaRejectedException ex) {
		HttpStatus status = switch (ex.code()) {
			case "media.too-large" -> HttpStatus.PAYLOAD_TOO_LARGE;
			case "media.storage-unavailable" -> HttpStatus.SERVICE_UNAVAILABLE;
			default -> HttpStatus.UNPROCESSABLE_CONTENT;
		};
		return problem(status, ex.code(), ex.getMessage());
	}

	@ExceptionHandler({ MaxUploadSizeExceededException.class })
	ProblemDetail uploadTooLarge(Exception ex) {
		return problem(HttpStatus.PAYLOAD_TOO_LARGE, "media.too-large", "The file is larger than 20 MB.");
	}

	@ExceptionHandler(MultipartException.class)
	ProblemDetail multipart(MultipartException ex) {
		return problem(HttpStatus.BAD_REQUEST, "request.malformed-upload", "Send the file as multipart/form-data in a part named \"file\".");
	}

	@ExceptionHandler(SlugInUseException.class)
	ProblemDetail slugInUse(SlugInUseException ex) {
		return problem(HttpStatus.CONFLICT, "article.slug-in-use", ex.getMessage());
	}

	/** Something named in the path does not exist. */
	static class NotFound extends RuntimeException {

		final String code;

		NotFound(String code, String message) {
			super(message, null, false, false);
			this.code = code;
		}

	}

}
