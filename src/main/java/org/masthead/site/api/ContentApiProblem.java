package org.masthead.site.api;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A request the Content API cannot answer, as RFC 7807 problem JSON with a stable {@code code}. */
class ContentApiProblem extends RuntimeException {

	final HttpStatus status;

	final String code;

	ContentApiProblem(HttpStatus status, String code, String detail) {
		super(detail, null, false, false);
		this.status = status;
		this.code = code;
	}

	static ContentApiProblem badParameter(String detail) {
		return new ContentApiProblem(HttpStatus.BAD_REQUEST, "request.bad-parameter", detail);
	}

	static ContentApiProblem notFound(String what) {
		return new ContentApiProblem(HttpStatus.NOT_FOUND, "content.not-found", what);
	}

	ProblemDetail toProblem() {
		return problem(status, code, getMessage());
	}

	static ProblemDetail problem(HttpStatus status, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:masthead:problem:" + code));
		problem.setProperty("code", code);
		return problem;
	}

}
