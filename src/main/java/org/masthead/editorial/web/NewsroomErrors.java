package org.masthead.editorial.web;

import jakarta.servlet.http.HttpServletResponse;

import org.masthead.content.WorkflowException;
import org.masthead.editorial.workflow.ArticleNotFoundException;
import org.masthead.editorial.web.NewsroomViews.Message;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The newsroom pages' answers when a step cannot be taken: a page in the newsroom's layout that
 * says why, with the right status, never a stack trace or a 500.
 */
@ControllerAdvice(basePackageClasses = NewsroomErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class NewsroomErrors {
	@ExceptionHandler(AccessDeniedException.class)
	String denied(AccessDeniedException ex, CsrfToken csrf, Model model, HttpServletResponse response) {
		return message(model, response, 403, AdminPage.of("Not allowed", null, csrf), ex.getMessage());
	}

	@ExceptionHandler({ ArticleNotFoundException.class, NotFound.class })
	String notFound(RuntimeException ex, CsrfToken csrf, Model model, HttpServletResponse response) {
		return message(model, response, 404, AdminPage.of("Not found", null, csrf), ex.getMessage());
	}

	@ExceptionHandler(WorkflowException.class)
	String workflow(WorkflowException ex, CsrfToken csrf, Model model, HttpServletResponse response) {
		return message(model, response, 409, AdminPage.of("Not possible now", null, csrf),
				ex.getMessage() + " Reload the article to see where it is now.");
	}

	@ExceptionHandler(IllegalArgumentException.class)
	String invalid(IllegalArgumentException ex, CsrfToken csrf, Model model, HttpServletResponse response) {
		return message(model, response, 400, AdminPage.of("Not possible", null, csrf), ex.getMessage());
	}

	static String message(Model model, HttpServletResponse response, int status, AdminPage page, String text) {
		response.setStatus(status);
		model.addAttribute("message", new Message(page, text, "/admin/articles", "Back to the articles"));
		return "admin/editorial/message";
	}

}
