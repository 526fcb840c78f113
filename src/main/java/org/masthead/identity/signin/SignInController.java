package org.masthead.identity.signin;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.masthead.identity.CurrentStaff;
import org.masthead.identity.IdentityProperties;
import org.masthead.identity.account.StaffAccount;
import org.masthead.identity.account.StaffPrincipal;
import org.masthead.identity.account.StaffRepository;
import org.masthead.identity.account.TwoFactorCodes;
import org.masthead.identity.account.FieldErrors;
import org.masthead.identity.web.Frame;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page (Spring Security processes its POST) and the second step for staff with
 * two-factor sign-in: the code from their authenticator app, within five minutes of the password.
 */
@Controller
class SignInController {

	static final Duration CODE_STEP_VALIDITY = Duration.ofMinutes(5);

	private final TwoFactorCodes codes;

	private final StaffRepository staff;

	private final SignInThrottle throttle;

	private final SecurityContextRepository contexts;

	private final Clock clock;

	private final IdentityProperties identity;

	private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();

	SignInController(TwoFactorCodes codes, StaffRepository staff, SignInThrottle throttle,
			SecurityContextRepository contexts, Clock clock, IdentityProperties identity) {
		this.codes = codes;
		this.staff = staff;
		this.throttle = throttle;
		this.contexts = contexts;
		this.clock = clock;
		this.identity = identity;
	}

	@GetMapping(SecurityConfiguration.LOGIN)
	String showSignInForm(HttpServletRequest request, CsrfToken csrf, Model model) {
		if (CurrentStaff.get().isPresent()) {
			return "redirect:/admin/";
		}
		Frame frame = Frame.of("Sign in", null, csrf);
		FieldErrors errors = new FieldErrors();
		if (request.getParameter("error") != null) {
			errors.check("email", "The email address or password is not right.");
		}
		else if (request.getParameter("locked") != null) {
			errors.check("email", "Too many failed attempts. Sign-in is paused for a while; try again later.");
		}
		else if (request.getParameter("expired") != null) {
			errors.check("email", "That took too long. Please sign in again.");
		}
		String notice = request.getParameter("signed-out") != null ? "You are signed out."
				: request.getParameter("welcome") != null ? "The owner account is ready. Sign in to start."
				: request.getParameter("joined") != null ? "Your account is ready. Sign in to start." : null;
		model.addAttribute("frame", frame.notice(notice).errors(errors));
		return "admin/login";
	}

	@GetMapping(SecurityConfiguration.CODE)
	String showCodeForm(CsrfToken csrf, Model model) {
		model.addAttribute("frame", Frame.of("Enter your code", null, csrf));
		return "admin/login-code";
	}

	@PostMapping(SecurityConfiguration.CODE)
	String processCodeForm(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, CsrfToken csrf, Model model) {
		PendingTwoFactorAuthentication pending = (PendingTwoFactorAuthentication) SecurityContextHolder.getContext()
			.getAuthentication();
		String address = request.getRemoteAddr();
		if (pending.passwordAcceptedAt().plus(CODE_STEP_VALIDITY).isBefore(clock.instant())) {
			return abandon(request, response, "expired");
		}
		if (throttle.isLocked(pending.email(), address)) {
			return abandon(request, response, "locked");
		}
		if (!codes.verify(pending.staffId(), code)) {
			if (throttle.recordFailure(pending.email(), address)) {
				return abandon(request, response, "locked");
			}
			response.setStatus(422);
			model.addAttribute("frame", Frame.of("Enter your code", null, csrf)
				.errors(new FieldErrors().check("code", "That code is not right. Enter the current code from your app.")));
			return "admin/login-code";
		}
		StaffAccount account = staff.findById(pending.staffId()).filter(StaffAccount::isActive).orElse(null);
		if (account == null) {
			return abandon(request, response, "error");
		}
		throttle.recordSuccess(pending.email());
		StaffPrincipal principal = new StaffPrincipal(account.member(), true, null);
		Authentication full = UsernamePasswordAuthenticationToken.authenticated(principal, null,
				principal.getAuthorities());
		SecurityContext context = new SecurityContextImpl(full);
		SecurityContextHolder.setContext(context);
		request.changeSessionId();
		request.getSession().setMaxInactiveInterval((int) identity.sessionTimeout().toSeconds());
		contexts.saveContext(context, request, response);
		SavedRequest saved = savedRequests.getRequest(request, response);
		if (saved != null) {
			savedRequests.removeRequest(request, response);
			return "redirect:" + saved.getRedirectUrl();
		}
		return "redirect:/admin/";
	}

	private String abandon(HttpServletRequest request, HttpServletResponse response, String reason) {
		SecurityContextHolder.clearContext();
		contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
		return "redirect:" + SecurityConfiguration.LOGIN + "?" + reason;
	}

}
