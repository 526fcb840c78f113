package org.masthead.site.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every error a reader can meet, as a page in the site's layout: never a stack trace, never the
 * container's own error page.
 */
@Controller
@ControllerAdvice(basePackages = "org.masthead.site")
class SiteErrorController implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(SiteErrorController.class);

	private final ChromeFactory chrome;

	SiteErrorController(ChromeFactory chrome) {
		this.chrome = chrome;
	}

	@ExceptionHandler(NotFoundException.class)
	String notFound(HttpServletResponse response, Model model) {
		return render(404, response, model);
	}

	@RequestMapping("/error")
	String error(HttpServletRequest request, HttpServletResponse response, Model model) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer i ? i : 500;
		if (status >= 500) {
			log.error("Error page {} for {}", status, request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
					(Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
		}
		return render(status, response, model);
	}

	private String render(int status, HttpServletResponse response, Model model) {
		response.setStatus(status);
		ErrorText text = text(status);
		Chrome c;
		try {
			c = chrome.chrome();
		}
		catch (RuntimeException ex) {
			c = chrome.chromeWithoutSections();
		}
		model.addAttribute("chrome", c);
		model.addAttribute("meta", Meta.error(text.title() + " — " + c.siteName()));
		model.addAttribute("status", status);
		model.addAttribute("title", text.title());
		model.addAttribute("message", text.message());
		return "error";
	}

	static ErrorText text(int status) {
		return switch (status) {
			case 404 -> new ErrorText("Page not found",
					"We could not find that page. It may have moved, or the address may be mistyped.");
			case 400 -> new ErrorText("Bad request", "Your browser sent a request we could not understand.");
			case 405 -> new ErrorText("Not allowed", "That kind of request is not allowed at this address.");
			case 414 -> new ErrorText("Address too long", "The address you followed is too long for us to read.");
			case 401, 403 -> new ErrorText("Not available", "You do not have access to this page.");
			case 503 -> new ErrorText("Temporarily unavailable",
					"We are busy or under maintenance. Please try again in a moment.");
			default -> status >= 500
					? new ErrorText("Something went wrong", "We could not show this page just now. Please try again in a moment.")
					: new ErrorText("Request not possible", "We could not complete this request.");
		};
	}

	record ErrorText(String title, String message) {
	}

}
