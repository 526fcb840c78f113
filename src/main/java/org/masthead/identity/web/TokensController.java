package org.masthead.identity.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.masthead.identity.CurrentStaff;
import org.masthead.identity.Role;
import org.masthead.identity.token.ApiTokens;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** API tokens, for Administrators: create one (its secret is shown once), list, revoke. */
@Controller
class TokensController {

	private final ApiTokens tokens;

	TokensController(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping("/admin/tokens")
	String showTokenForm(CsrfToken csrf, Model model) {
		return render(model, Frame.of("API tokens", "tokens", csrf), "", Role.EDITOR.name(), null);
	}

	@PostMapping("/admin/tokens")
	String processTokenForm(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String role,
			HttpServletResponse response, CsrfToken csrf, Model model) {
		ApiTokens.Created created = tokens.create(name, role, CurrentStaff.get().orElseThrow());
		if (!created.isOk()) {
			response.setStatus(422);
			return render(model, Frame.of("API tokens", "tokens", csrf).errors(created.errors()), name, role, null);
		}
		return render(model, Frame.of("API tokens", "tokens", csrf)
			.notice("Token created. Copy it now: it is shown only this once."), "", Role.EDITOR.name(), created.secret());
	}

	@PostMapping("/admin/tokens/{id}/revoke")
	String processRevoke(@PathVariable long id, RedirectAttributes redirect) {
		boolean revoked = tokens.revoke(id, CurrentStaff.get().orElseThrow());
		redirect.addFlashAttribute("notice", revoked ? "Token revoked." : "That token was revoked already.");
		return "redirect:/admin/tokens";
	}

	private String render(Model model, Frame frame, String name, String role, String secret) {
		Object flash = model.getAttribute("notice");
		model.addAttribute("frame", flash instanceof String notice && frame.notice() == null ? frame.notice(notice) : frame);
		model.addAttribute("tokens", tokens.list());
		model.addAttribute("roles", List.of(Role.values()));
		model.addAttribute("name", name);
		model.addAttribute("role", role);
		model.addAttribute("secret", secret);
		return "admin/tokens";
	}

}
