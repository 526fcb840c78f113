package org.masthead.identity.web;

import jakarta.servlet.http.HttpServletResponse;

import org.masthead.identity.account.StaffAccounts;
import org.masthead.identity.account.StaffRepository;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * First start: the owner account (an Administrator) is created here, and only while the database
 * has no staff at all; afterwards the page does not exist (404). The CLI does the same:
 * {@code java -jar masthead.jar admin create-owner}.
 */
@Controller
class SetupController {

	private final StaffAccounts accounts;

	private final StaffRepository staff;

	SetupController(StaffAccounts accounts, StaffRepository staff) {
		this.accounts = accounts;
		this.staff = staff;
	}

	@GetMapping("/admin/setup")
	String showSetupForm(CsrfToken csrf, Model model) {
		requireEmptyNewsroom();
		return render(model, Frame.of("Set up your newsroom", null, csrf), "", "");
	}

	@PostMapping("/admin/setup")
	String processSetupForm(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String password, CsrfToken csrf, Model model,
			HttpServletResponse response) {
		requireEmptyNewsroom();
		StaffAccounts.Result result = accounts.createOwner(email, name, password);
		if (!result.isOk()) {
			response.setStatus(422);
			return render(model, Frame.of("Set up your newsroom", null, csrf).errors(result.errors()), email, name);
		}
		return "redirect:/admin/login?welcome";
	}

	private void requireEmptyNewsroom() {
		if (staff.hasAny()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	private static String render(Model model, Frame frame, String email, String name) {
		model.addAttribute("frame", frame);
		model.addAttribute("email", email);
		model.addAttribute("name", name);
		return "admin/setup";
	}

}
