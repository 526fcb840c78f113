package org.masthead.platform;

import java.net.URI;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * What every JSON API of Masthead answers to a request it cannot take, as RFC 7807 problem JSON with
 * a stable {@code code} (clients rely on the code, never the wording): {@code request.invalid} (with
 * {@code errors} by field), {@code request.unknown-field}, {@code request.wrong-type},
 * {@code request.malformed}, {@code request.bad-parameter}, {@code request.duplicate},
 * {@code request.method-not-allowed}, {@code request.unsupported-media-type}, {@code request.not-found},
 * {@code auth.forbidden}, and {@code server.error} without a stack trace. A module's API extends it in
 * a {@code @RestControllerAdvice} limited to its own controllers and adds the problems of its domain.
 */
public abstract class ApiProblems {

	private final Logger log = LoggerFactory.getLogger(getClass());

	/** A problem with its type {@code urn:masthead:problem:CODE} and the code as a property. */
	public static ProblemDetail problem(HttpStatus status, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:masthead:problem:" + code));
		problem.setProperty("code", code);
		return problem;
	}

	/** A problem that lists what is wrong, one {@code {field, message}} per field under {@code errors}. */
	public static ProblemDetail invalidFields(HttpStatus status, String code, String detail, Map<String, String> errors) {
		ProblemDetail problem = problem(status, code, detail);
		problem.setProperty("errors", errors.entrySet().stream()
			.map(e -> Map.of("field", e.getKey(), "message", e.getValue()))
			.toList());
		return problem;
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
			return problem(HttpStatus.BAD_REQUEST, "request.unknown-field",
					"The request has a field this endpoint does not know: " + quoted(text) + ".");
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
		log.error("API request failed", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "server.error", "Something went wrong on our side.");
	}

	/** The first double-quoted word of a parser's message (the unknown field's name), or "?". */
	private static String quoted(String text) {
		int start = text.indexOf('"');
		int end = start < 0 ? -1 : text.indexOf('"', start + 1);
		return start < 0 || end < 0 ? "?" : text.substring(start + 1, end);
	}

}
