package org.masthead.editorial.api;

import java.net.URI;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.masthead.content.ConcurrentEditException;
import org.masthead.content.MediaLibrary.MediaRejectedException;
import org.masthead.content.SlugInUseException;
import org.masthead.content.WorkflowException;
import org.masthead.editorial.workflow.ArticleNotFoundException;
import org.masthead.editorial.workflow.PublishingBlockedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
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
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every Admin API error as RFC 7807 problem JSON with a stable {@code code}: clients and tests
 * rely on the code, never the wording. Nothing answers 500 with a stack trace.
 */
@RestControllerAdvice(basePackageClasses = AdminApiErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminApiErrors {

	private static final Logger log = LoggerFactory.getLogger(AdminApiErrors.class);

	@ExceptionHandler(ArticleNotFoundException.class)
	ProblemDetail notFound(ArticleNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "article.not-found", ex.getMessage());
	}

	@ExceptionHandler(NotFound.class)
	ProblemDetail notFound(NotFound ex) {
		return problem(HttpStatus.NOT_FOUND, ex.code, ex.getMessage());
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden(AccessDeniedException ex) {
		return problem(HttpStatus.FORBIDDEN, "auth.forbidden", ex.getMessage());
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

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalid(MethodArgumentNotValidException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "request.invalid", "Some fields are not valid.");
		problem.setProperty("errors", ex.getBindingResult().getFieldErrors().stream()
			.map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
			.toList());
		return problem;
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		String detail = "The request body is not valid JSON for this endpoint.";
		Throwable cause = ex.getMostSpecificCause();
		String text = cause.getMessage() == null ? "" : cause.getMessage();
		if (text.startsWith("Unrecognized property")) {
			detail = "The request has a field this endpoint does not know: " + between(text, "\"", "\"") + ".";
			return problem(HttpStatus.BAD_REQUEST, "request.unknown-field", detail);
		}
		if (text.contains("Cannot deserialize value") || text.contains("Cannot coerce") || text.contains("not a valid")) {
			return problem(HttpStatus.BAD_REQUEST, "request.wrong-type", "A field has the wrong type of value.");
		}
		return problem(HttpStatus.BAD_REQUEST, "request.malformed", detail);
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ProblemDetail badParameter(Exception ex) {
		return problem(HttpStatus.BAD_REQUEST, "request.bad-parameter", "A parameter is missing or has the wrong type.");
	}

	@ExceptionHandler(SlugInUseException.class)
	ProblemDetail slugInUse(SlugInUseException ex) {
		return problem(HttpStatus.CONFLICT, "article.slug-in-use", ex.getMessage());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail illegal(IllegalArgumentException ex) {
		return problem(HttpStatus.BAD_REQUEST, "request.invalid", ex.getMessage());
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ProblemDetail duplicate(DataIntegrityViolationException ex) {
		return problem(HttpStatus.CONFLICT, "request.duplicate",
				"This conflicts with something that already exists (a slug in use, or a reference to nothing).");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ProblemDetail method(HttpRequestMethodNotSupportedException ex) {
		return problem(HttpStatus.METHOD_NOT_ALLOWED, "request.method-not-allowed", ex.getMessage());
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ProblemDetail mediaType(HttpMediaTypeNotSupportedException ex) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "request.unsupported-media-type", "Send application/json.");
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ProblemDetail noResource(NoResourceFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "request.not-found", "There is nothing at this address.");
	}

	@ExceptionHandler(RuntimeException.class)
	ProblemDetail unexpected(RuntimeException ex) {
		log.error("Admin API error", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "server.error", "Something went wrong on our side.");
	}

	static ProblemDetail problem(HttpStatus status, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:masthead:problem:" + code));
		problem.setProperty("code", code);
		return problem;
	}

	private static String between(String text, String open, String close) {
		int start = text.indexOf(open);
		int end = start < 0 ? -1 : text.indexOf(close, start + 1);
		return start < 0 || end < 0 ? "?" : text.substring(start + 1, end);
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
