package org.masthead.testing;

import org.masthead.identity.Role;
import org.masthead.identity.account.StaffAccounts;

/** Staff accounts for tests, with unique email addresses and {@link StaffBrowser#PASSWORD}. */
public final class TestStaff {

	private TestStaff() {
	}

	/** A staff member as a test knows them. */
	public record Credentials(long id, String email, String name, Role role) {
	}

	public static Credentials create(StaffAccounts accounts, Role role) {
		String email = TestContent.unique(role.name().toLowerCase()) + "@newsroom.test";
		String name = role.label() + " " + email.substring(0, email.indexOf('@'));
		long id = accounts.create(email, name, StaffBrowser.PASSWORD, role, null);
		return new Credentials(id, email, name, role);
	}

}
