package org.masthead.identity.signin;

import java.time.Clock;

import org.masthead.identity.account.StaffPrincipal;
import org.masthead.identity.account.StaffRepository;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Email and password sign-in with throttling: a locked email or client address is refused before
 * the password is even checked, every failure counts, and every failure reads the same to the
 * person signing in, whether the address exists, is disabled or the password is wrong. Staff with
 * two-factor sign-in get a {@link PendingTwoFactorAuthentication} instead of a session.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	/** Far beyond any allowed password; longer input is refused before any hashing. */
	private static final int MAX_INPUT = 1024;

	private final DaoAuthenticationProvider passwords;

	private final SignInThrottle throttle;

	private final StaffRepository staff;

	private final Clock clock;

	ThrottledAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, SignInThrottle throttle,
			StaffRepository staff, Clock clock) {
		this.passwords = new DaoAuthenticationProvider(users);
		this.passwords.setPasswordEncoder(encoder);
		this.throttle = throttle;
		this.staff = staff;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String email = authentication.getName() == null ? "" : authentication.getName();
		String address = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : null;
		if (email.length() > MAX_INPUT) {
			throw new BadCredentialsException("bad credentials");
		}
		if (throttle.isLocked(email, address)) {
			throw new SignInLockedException();
		}
		Object password = authentication.getCredentials();
		Authentication result;
		try {
			if (!(password instanceof String p) || p.isEmpty() || p.length() > MAX_INPUT) {
				throw new BadCredentialsException("bad credentials");
			}
			result = passwords.authenticate(authentication);
		}
		catch (AuthenticationException ex) {
			if (throttle.recordFailure(email, address)) {
				throw new SignInLockedException();
			}
			throw new BadCredentialsException("bad credentials");
		}
		StaffPrincipal principal = (StaffPrincipal) result.getPrincipal();
		boolean twoFactor = staff.findById(principal.staff().id()).map(a -> a.hasTwoFactor()).orElse(false);
		if (twoFactor) {
			return new PendingTwoFactorAuthentication(principal.staff().id(), principal.staff().email(), clock.instant());
		}
		throttle.recordSuccess(email);
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
