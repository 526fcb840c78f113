package org.masthead.identity.signin;

import org.springframework.security.core.AuthenticationException;

/** Sign-in is locked for this email or client address after too many failures. */
class SignInLockedException extends AuthenticationException {

	SignInLockedException() {
		super("Too many failed sign-ins");
	}

}
