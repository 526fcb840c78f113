package org.masthead.identity;

import java.util.List;
import java.util.Optional;

/** Read access to the newsroom's staff, for other modules (bylines, assignments, notifications). */
public interface StaffDirectory {

	/** The staff member with this id, active or disabled. */
	Optional<StaffMember> find(long id);

	/** Every staff member, active or disabled, by name. */
	List<StaffMember> all();

	/** Whether any staff account exists (false only before the owner is set up). */
	boolean hasAnyStaff();

}
