package org.masthead.identity.token;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.masthead.identity.StaffMember;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer mh_...} on Admin API requests. No header: the request goes on
 * unauthenticated (and is answered 401 {@code auth.missing-token} by the entry point); a header
 * that is not a live token: 401 {@code auth.invalid-token} at once.
 */
public class ApiTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;

	public ApiTokenFilter(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || header.isBlank()) {
			chain.doFilter(request, response);
			return;
		}
		Optional<StaffMember> token = header.regionMatches(true, 0, "Bearer ", 0, 7)
				? tokens.authenticate(header.substring(7).strip()) : Optional.empty();
		if (token.isEmpty()) {
			Problems.write(request, response, 401, Problems.INVALID_TOKEN, "Invalid API token",
					"The bearer token is unknown, malformed or revoked.");
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new ApiTokenAuthentication(token.get()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
