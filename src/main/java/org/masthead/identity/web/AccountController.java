package org.masthead.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.masthead.identity.CurrentStaff;
import org.masthead.identity.StaffMember;
import org.masthead.identity.account.FieldErrors;
import org.masthead.identity.account.IdentitySettings;
import org.masthead.identity.account.StaffAccount;
import org.masthead.identity.account.StaffAccounts;
import org.masthead.identity.account.StaffPrincipal;
import org.masthead.identity.account.StaffRepository;
import org.masthead.identity.account.StaffSessions;
import org.masthead.identity.account.TwoFactorCodes;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A staff member's own account: name, password, two-factor sign-in, and signing out everywhere.
 */
@Controller
class AccountController {

	private final StaffRepository staff;

	private final StaffAccounts accounts;

	private final StaffSessions sessions;

	private final TwoFactorCodes codes;

	private final IdentitySettings settings;

	private final SecurityContextRepository contexts;

	AccountController(StaffRepository staff, StaffAccounts accounts, StaffSessions sessions, TwoFactorCodes codes,
			IdentitySettings settings, SecurityContextRepository contexts) {
		this.staff = staff;
		this.accounts = accounts;
		this.sessions = sessions;
		this.codes = codes;
		this.settings = settings;
		this.contexts = contexts;
	}

	@GetMapping("/admin/account")
	String showAccountForm(HttpServletRequest request, CsrfToken csrf, Model model) {
		String notice = request.getParameter("password-changed") != null ? "Your password is changed. Other sessions were signed out."
				: request.getParameter("two-factor-on") != null ? "Two-factor sign-in is on."
				: request.getParameter("two-factor-off") != null ? "Two-factor sign-in is off."
				: request.getParameter("renamed") != null ? "Your name is changed." : null;
		return account(model, Frame.of("My account", "account", csrf).notice(notice), null);
	}

	@PostMapping("/admin/account/name")
	String processNameForm(@RequestParam(defaultValue = "") String name, HttpServletRequest request,
			HttpServletResponse response, CsrfToken csrf, Model model) {
		StaffMember me = me();
		FieldErrors errors = accounts.rename(me.id(), name);
		if (!errors.isEmpty()) {
			response.setStatus(422);
			return account(model, Frame.of("My account", "account", csrf).errors(errors), name);
		}
		refreshSession(request, response);
		return "redirect:/admin/account?renamed";
	}

	@PostMapping("/admin/account/password")
	String processPasswordForm(@RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword, HttpServletRequest request,
			HttpServletResponse response, CsrfToken csrf, Model model) {
		StaffMember me = me();
		FieldErrors errors = accounts.changePassword(me.id(), currentPassword, newPassword);
		if (!errors.isEmpty()) {
			response.setStatus(422);
			return account(model, Frame.of("My account", "account", csrf).errors(errors), null);
		}
		HttpSession session = request.getSession(false);
		sessions.endAllExcept(me.id(), session == null ? "" : session.getId());
		return "redirect:/admin/account?password-changed";
	}

	@PostMapping("/admin/account/sign-out-everywhere")
	String processSignOutEverywhere(HttpServletRequest request) {
		sessions.endAll(me().id());
		SecurityContextHolder.clearContext();
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		return "redirect:/admin/login?signed-out";
	}

	@GetMapping("/admin/account/two-factor")
	String showTwoFactorForm(HttpServletRequest request, CsrfToken csrf, Model model) {
		StaffAccount account = staff.findById(me().id()).orElseThrow();
		if (account.hasTwoFactor()) {
			return "redirect:/admin/account";
		}
		String notice = request.getParameter("required") != null
				? "Your newsroom requires two-factor sign-in. Set it up to continue." : null;
		return twoFactor(model, Frame.of("Set up two-factor sign-in", "account", csrf).notice(notice), account);
	}

	@PostMapping("/admin/account/two-factor")
	String processTwoFactorForm(@RequestParam(defaultValue = "") String code, HttpServletResponse response,
			CsrfToken csrf, Model model) {
		StaffMember me = me();
		if (!codes.confirmEnrolment(me.id(), code)) {
			response.setStatus(422);
			StaffAccount account = staff.findById(me.id()).orElseThrow();
			if (account.hasTwoFactor()) {
				return "redirect:/admin/account";
			}
			return twoFactor(model, Frame.of("Set up two-factor sign-in", "account", csrf)
				.errors(new FieldErrors().check("code", "That code is not right. Enter the code your app shows now.")),
					account);
		}
		return "redirect:/admin/account?two-factor-on";
	}

	@PostMapping("/admin/account/two-factor/disable")
	String processDisableTwoFactor(@RequestParam(name = "disableCode", defaultValue = "") String code, HttpServletResponse response,
			CsrfToken csrf, Model model) {
		StaffMember me = me();
		FieldErrors errors = new FieldErrors();
		if (settings.isTwoFactorRequired()) {
			errors.check("disableCode", "Your newsroom requires two-factor sign-in, so it cannot be turned off.");
		}
		else if (!codes.verify(me.id(), code)) {
			errors.check("disableCode", "That code is not right. Enter the code your app shows now.");
		}
		if (!errors.isEmpty()) {
			response.setStatus(422);
			return account(model, Frame.of("My account", "account", csrf).errors(errors), null);
		}
		codes.disable(me.id());
		return "redirect:/admin/account?two-factor-off";
	}

	private String account(Model model, Frame frame, String typedName) {
		StaffAccount account = staff.findById(me().id()).orElseThrow();
		model.addAttribute("frame", frame);
		model.addAttribute("account", account);
		model.addAttribute("name", typedName != null ? typedName : account.name());
		model.addAttribute("twoFactorRequired", settings.isTwoFactorRequired());
		model.addAttribute("sessionCount", sessions.count(account.id()));
		return "admin/account";
	}

	private String twoFactor(Model model, Frame frame, StaffAccount account) {
		model.addAttribute("frame", frame);
		model.addAttribute("enrolment", codes.startEnrolment(account));
		return "admin/two-factor";
	}

	/** Puts the renamed staff member into this session, so pages show the new name at once. */
	private void refreshSession(HttpServletRequest request, HttpServletResponse response) {
		StaffAccount account = staff.findById(me().id()).orElseThrow();
		StaffPrincipal principal = new StaffPrincipal(account.member(), true, null);
		SecurityContext context = new SecurityContextImpl(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}

	private static StaffMember me() {
		return CurrentStaff.get().orElseThrow();
	}

}
