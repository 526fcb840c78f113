package org.masthead.identity.web;

import java.util.List;

import org.masthead.platform.AuditLog;
import org.masthead.platform.MastheadProperties;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log, newest first, for Administrators. */
@Controller
class AuditController {

	static final int PAGE_SIZE = 50;

	private final AuditLog audit;

	private final MastheadProperties properties;

	AuditController(AuditLog audit, MastheadProperties properties) {
		this.audit = audit;
		this.properties = properties;
	}

	@GetMapping("/admin/audit")
	String showAuditLog(@RequestParam(defaultValue = "1") String page, CsrfToken csrf, Model model) {
		int number = parsePage(page);
		List<AuditLog.Entry> entries = audit.recent(PAGE_SIZE + 1, (number - 1) * PAGE_SIZE);
		model.addAttribute("frame", Frame.of("Audit log", "audit", csrf));
		model.addAttribute("entries", entries.size() > PAGE_SIZE ? entries.subList(0, PAGE_SIZE) : entries);
		model.addAttribute("page", number);
		model.addAttribute("hasNext", entries.size() > PAGE_SIZE);
		model.addAttribute("zone", properties.site().timeZone());
		return "admin/audit";
	}

	static int parsePage(String page) {
		try {
			int n = Integer.parseInt(page);
			return n < 1 || n > 100_000 ? 1 : n;
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

}
