package org.masthead.identity.signin;

import java.time.Duration;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfException;

/** Where the sign-in form leads: the code step, the page first asked for, or back with a message. */
final class SignInHandlers {

	private SignInHandlers() {
	}

	/**
	 * Signed-in sessions last {@code staffSessionTimeout}; the session of the sign-in form (and of
	 * the code step) keeps the short default, so visits to the form leave little behind.
	 */
	static AuthenticationSuccessHandler success(Duration staffSessionTimeout) {
		SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler();
		saved.setDefaultTargetUrl("/admin/");
		return (request, response, authentication) -> {
			if (authentication instanceof PendingTwoFactorAuthentication) {
				response.sendRedirect(SecurityConfiguration.CODE);
			}
			else {
				request.getSession().setMaxInactiveInterval((int) staffSessionTimeout.toSeconds());
				saved.onAuthenticationSuccess(request, response, authentication);
			}
		};
	}

	/** One message for every failure but a lock, so nobody learns which email addresses exist. */
	static AuthenticationFailureHandler failure() {
		return (request, response, exception) -> response.sendRedirect(
				SecurityConfiguration.LOGIN + (exception instanceof SignInLockedException ? "?locked" : "?error"));
	}

	/** Someone between password and code is sent to the code page; anyone else gets a 403 page. */
	static AccessDeniedHandler accessDenied() {
		AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
		return (request, response, exception) -> {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication instanceof PendingTwoFactorAuthentication && !(exception instanceof CsrfException)
					&& "GET".equals(request.getMethod())) {
				response.sendRedirect(SecurityConfiguration.CODE);
			}
			else {
				forbidden.handle(request, response, exception);
			}
		};
	}

}
