package org.masthead.identity.account;

import java.util.List;
import java.util.Optional;

import org.masthead.identity.StaffDirectory;
import org.masthead.identity.StaffMember;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link StaffDirectory} over the {@code staff_member} table. */
@Service
@Transactional(readOnly = true)
class JdbcStaffDirectory implements StaffDirectory {

	private final StaffRepository staff;

	JdbcStaffDirectory(StaffRepository staff) {
		this.staff = staff;
	}

	@Override
	public Optional<StaffMember> find(long id) {
		return staff.findById(id).map(StaffAccount::member);
	}

	@Override
	public List<StaffMember> all() {
		return staff.all().stream().map(StaffAccount::member).toList();
	}

	@Override
	public boolean hasAnyStaff() {
		return staff.hasAny();
	}

}
