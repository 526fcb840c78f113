package org.masthead.identity.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Finds a staff account by the email address typed on the sign-in form. */
@Service
class StaffUserDetailsService implements UserDetailsService {

	private final StaffRepository staff;

	StaffUserDetailsService(StaffRepository staff) {
		this.staff = staff;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		if (EmailAddresses.problem(email) != null) {
			throw new UsernameNotFoundException("not an email address");
		}
		return staff.findByEmail(email).map(StaffPrincipal::of)
			.orElseThrow(() -> new UsernameNotFoundException("no such staff member"));
	}

}
