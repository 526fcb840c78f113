package org.masthead.identity.web;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.masthead.identity.CurrentStaff;
import org.masthead.identity.Role;
import org.masthead.identity.StaffMember;
import org.masthead.identity.account.FieldErrors;
import org.masthead.identity.account.IdentitySettings;
import org.masthead.identity.account.StaffAccounts;
import org.masthead.identity.account.StaffRepository;
import org.masthead.identity.invitation.Invitations;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff page, for Administrators: who is in the newsroom with which role, invitations, and the
 * newsroom-wide two-factor requirement.
 */
@Controller
class StaffController {

	private final StaffRepository staff;

	private final StaffAccounts accounts;

	private final Invitations invitations;

	private final IdentitySettings settings;

	private final Clock clock;

	StaffController(StaffRepository staff, StaffAccounts accounts, Invitations invitations, IdentitySettings settings,
			Clock clock) {
		this.staff = staff;
		this.accounts = accounts;
		this.invitations = invitations;
		this.settings = settings;
		this.clock = clock;
	}

	@GetMapping("/admin/staff")
	String showStaffPage(HttpServletRequest request, CsrfToken csrf, Model model) {
		return render(model, Frame.of("Staff", "staff", csrf), "", Role.CONTRIBUTOR.name(), null);
	}

	@PostMapping("/admin/staff/invitations")
	String processInvitationForm(@RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String role, HttpServletResponse response, CsrfToken csrf, Model model,
			RedirectAttributes redirect) {
		Invitations.Sent sent = invitations.invite(me(), email, role);
		if (!sent.isOk()) {
			response.setStatus(422);
			return render(model, Frame.of("Staff", "staff", csrf).errors(sent.errors()), email, role, null);
		}
		if (!sent.mailed()) {
			return render(model, Frame.of("Staff", "staff", csrf).notice(
					"The invitation is saved, but the email could not be sent. Pass this link on yourself; it works once."),
					"", Role.CONTRIBUTOR.name(), sent.link());
		}
		redirect.addFlashAttribute("notice", "Invitation sent to " + email.strip() + ".");
		return "redirect:/admin/staff";
	}

	@PostMapping("/admin/staff/{id}/role")
	String processRoleForm(@PathVariable long id, @RequestParam(defaultValue = "") String role,
			RedirectAttributes redirect) {
		Role newRole = Role.parse(role);
		Optional<String> problem = newRole == null ? Optional.of("Choose a role.")
				: accounts.changeRole(me(), id, newRole);
		redirect.addFlashAttribute("notice", problem.orElse("Role changed. Their sessions have ended."));
		return "redirect:/admin/staff";
	}

	@PostMapping("/admin/staff/{id}/disable")
	String processDisable(@PathVariable long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", accounts.disable(me(), id).orElse("Account disabled. Its sessions have ended."));
		return "redirect:/admin/staff";
	}

	@PostMapping("/admin/staff/{id}/enable")
	String processEnable(@PathVariable long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", accounts.enable(me(), id).orElse("Account enabled."));
		return "redirect:/admin/staff";
	}

	@PostMapping("/admin/staff/{id}/two-factor/reset")
	String processTwoFactorReset(@PathVariable long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", accounts.resetTwoFactor(me(), id)
			.orElse("Two-factor sign-in is reset. They sign in with their password and set it up again."));
		return "redirect:/admin/staff";
	}

	@PostMapping("/admin/settings/two-factor")
	String processTwoFactorSetting(@RequestParam(defaultValue = "") String required, RedirectAttributes redirect) {
		boolean require = "1".equals(required) || "on".equals(required) || "true".equals(required);
		settings.requireTwoFactor(me(), require);
		redirect.addFlashAttribute("notice", require
				? "Two-factor sign-in is now required: staff without it set it up when they next open a newsroom page."
				: "Two-factor sign-in is now optional.");
		return "redirect:/admin/staff";
	}

	private String render(Model model, Frame frame, String email, String role, String link) {
		Object flash = model.getAttribute("notice");
		model.addAttribute("frame", flash instanceof String notice && frame.notice() == null ? frame.notice(notice) : frame);
		model.addAttribute("members", staff.all());
		model.addAttribute("invitations", invitations.recent());
		model.addAttribute("now", clock.instant());
		model.addAttribute("roles", List.of(Role.values()));
		model.addAttribute("email", email);
		model.addAttribute("role", role);
		model.addAttribute("link", link);
		model.addAttribute("twoFactorRequired", settings.isTwoFactorRequired());
		return "admin/staff";
	}

	private static StaffMember me() {
		return CurrentStaff.get().orElseThrow();
	}

}
