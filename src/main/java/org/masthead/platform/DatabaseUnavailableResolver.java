package org.masthead.platform;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * While the database cannot be reached (PostgreSQL restarting, a network blip, the pool waiting in
 * vain for a connection), requests that need it are answered 503 with {@code Retry-After}, never
 * 500: the API gets problem JSON ({@code urn:masthead:problem:service.unavailable}), a browser the
 * site's error page. Runs before every module's own exception handlers. Pages in the page cache keep
 * being served, since they never reach the database.
 */
@Component
class DatabaseUnavailableResolver implements HandlerExceptionResolver, Ordered {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableResolver.class);

	static final String RETRY_AFTER_SECONDS = "5";

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!isDatabaseUnavailable(ex) || response.isCommitted()) {
			return null;
		}
		respond(request, response, ex);
		return new ModelAndView();
	}

	/** Answers 503: problem JSON for the API and JSON clients, the site's error page for browsers. */
	static void respond(HttpServletRequest request, HttpServletResponse response, Throwable ex) {
		log.warn("Database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(), rootMessage(ex));
		try {
			response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
			if (wantsJson(request)) {
				response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
				response.setContentType("application/problem+json");
				response.setCharacterEncoding("UTF-8");
				response.getWriter().write("""
						{"type":"urn:masthead:problem:service.unavailable","title":"Service Unavailable","status":503,\
						"detail":"The service cannot reach its database just now. Try again in a few seconds.",\
						"code":"service.unavailable"}""");
			}
			else {
				response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			}
		}
		catch (IOException io) {
			log.debug("Could not answer 503: {}", io.toString());
		}
	}

	/** Whether anything in the cause chain says the database cannot be reached, as opposed to a bad query. */
	static boolean isDatabaseUnavailable(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
					|| t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
				return true;
			}
			if (t instanceof TransactionSystemException failed && (failed.getApplicationException() != null
					? isDatabaseUnavailable(failed.getApplicationException()) : failed.getCause() instanceof SQLException)) {
				return true; // the rollback failed on a dead connection and hid why the work failed
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true; // connection exception; admin shutdown, crash shutdown, cannot connect now
			}
		}
		return false;
	}

	private static boolean wantsJson(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		return request.getRequestURI().startsWith("/api/") || (accept != null && accept.contains("json"));
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.toString();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
