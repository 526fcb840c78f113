package org.masthead.identity.account;

/** Whether a staff account may sign in. */
public enum StaffStatus {
	ACTIVE, DISABLED
}
