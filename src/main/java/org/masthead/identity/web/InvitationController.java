package org.masthead.identity.web;

import jakarta.servlet.http.HttpServletResponse;

import org.masthead.identity.account.FieldErrors;
import org.masthead.identity.invitation.Invitations;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Where an invitation link leads: the invitee chooses a name and password, once. */
@Controller
class InvitationController {

	private final Invitations invitations;

	InvitationController(Invitations invitations) {
		this.invitations = invitations;
	}

	@GetMapping("/admin/invite/accept")
	String showAcceptForm(@RequestParam(defaultValue = "") String token, HttpServletResponse response, CsrfToken csrf,
			Model model) {
		Invitations.LinkState state = invitations.state(token);
		FieldErrors errors = new FieldErrors().check("token", Invitations.message(state));
		if (state != Invitations.LinkState.VALID) {
			response.setStatus(state == Invitations.LinkState.UNKNOWN ? 404 : 410);
		}
		return render(model, Frame.of("Join the newsroom", null, csrf).errors(errors), token, "");
	}

	@PostMapping("/admin/invite/accept")
	String processAcceptForm(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String password, HttpServletResponse response, CsrfToken csrf,
			Model model) {
		FieldErrors errors = invitations.accept(token, name, password);
		if (!errors.isEmpty()) {
			response.setStatus(errors.get("token") != null ? 410 : 422);
			return render(model, Frame.of("Join the newsroom", null, csrf).errors(errors), token, name);
		}
		return "redirect:/admin/login?joined";
	}

	private String render(Model model, Frame frame, String token, String name) {
		model.addAttribute("frame", frame);
		model.addAttribute("token", token);
		model.addAttribute("name", name);
		model.addAttribute("invitation", invitations.pending(token).orElse(null));
		return "admin/invite-accept";
	}

}
