package org.masthead.editorial.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload larger than the container accepts ({@code spring.servlet.multipart.max-request-size})
 * is refused before any controller runs, so this advice is not limited to a package: the newsroom
 * gets a page that says so, the Admin API a problem document, never a 500.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimit {

	static final String MESSAGE = "The file is too large: pictures can be at most 20 MB.";

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(HttpServletRequest request, HttpServletResponse response, Model model) {
		if (request.getRequestURI().startsWith("/admin/")) {
			CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
			if (csrf != null) {
				response.setStatus(413);
				model.addAttribute("message", new NewsroomViews.Message(AdminPage.of("File too large", "media", csrf),
						MESSAGE + " Make it smaller and upload it again.", "/admin/media", "Back to the media library"));
				return new ModelAndView("admin/editorial/message", model.asMap(), HttpStatus.PAYLOAD_TOO_LARGE);
			}
		}
		// the Admin API's problem shape (editorial.api's AdminApiErrors), whose package-bound advice
		// cannot see an upload refused before any controller was chosen
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, MESSAGE);
		problem.setType(URI.create("urn:masthead:problem:media.too-large"));
		problem.setTitle("File too large");
		problem.setProperty("code", "media.too-large");
		return ResponseEntity.status(413).body(problem);
	}

}
