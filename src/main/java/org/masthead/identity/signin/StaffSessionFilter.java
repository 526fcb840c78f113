package org.masthead.identity.signin;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.masthead.identity.account.IdentitySettings;
import org.masthead.identity.account.StaffAccount;
import org.masthead.identity.account.StaffPrincipal;
import org.masthead.identity.account.StaffRepository;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks a signed-in staff member's account on every newsroom request: a disabled or deleted
 * account loses its session at once, and while the newsroom requires two-factor sign-in, staff
 * without it can only reach the enrolment page (and sign out).
 */
class StaffSessionFilter extends OncePerRequestFilter {

	static final String ENROL = "/admin/account/two-factor";

	private static final Set<String> ALLOWED_WITHOUT_TWO_FACTOR = Set.of(ENROL, "/admin/logout");

	private final StaffRepository staff;

	private final IdentitySettings settings;

	private final SecurityContextRepository contexts;

	StaffSessionFilter(StaffRepository staff, IdentitySettings settings, SecurityContextRepository contexts) {
		this.staff = staff;
		this.settings = settings;
		this.contexts = contexts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal) {
			StaffAccount account = staff.findById(principal.staff().id()).orElse(null);
			if (account == null || !account.isActive()) {
				SecurityContextHolder.clearContext();
				contexts.saveContext(new SecurityContextImpl(), request, response);
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
				response.sendRedirect(SecurityConfiguration.LOGIN + "?signed-out");
				return;
			}
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (!account.hasTwoFactor() && !ALLOWED_WITHOUT_TWO_FACTOR.contains(path) && settings.isTwoFactorRequired()) {
				response.sendRedirect(ENROL + "?required");
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
