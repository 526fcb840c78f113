package org.masthead.identity.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.masthead.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code staff_member} table. */
@Repository
public class StaffRepository {

	private static final String COLUMNS = "id, email, name, role, status, password_hash, totp_secret, totp_enabled_at,"
			+ " totp_last_step, created_at";

	private final JdbcClient jdbc;

	StaffRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<StaffAccount> findById(long id) {
		return jdbc.sql("select " + COLUMNS + " from staff_member where id = :id").param("id", id)
			.query(StaffRepository::map).optional();
	}

	public Optional<StaffAccount> findByEmail(String email) {
		return jdbc.sql("select " + COLUMNS + " from staff_member where email = :email")
			.param("email", EmailAddresses.normalise(email))
			.query(StaffRepository::map).optional();
	}

	public List<StaffAccount> all() {
		return jdbc.sql("select " + COLUMNS + " from staff_member order by name, id").query(StaffRepository::map).list();
	}

	public boolean hasAny() {
		return jdbc.sql("select count(*) from staff_member").query(Long.class).single() > 0;
	}

	public long countActive(Role role) {
		return jdbc.sql("select count(*) from staff_member where role = :role and status = 'ACTIVE'")
			.param("role", role.name()).query(Long.class).single();
	}

	public void insert(long id, String email, String name, Role role, String passwordHash, Instant now) {
		jdbc.sql("""
				insert into staff_member (id, email, name, role, status, password_hash, created_at, updated_at)
				values (:id, :email, :name, :role, 'ACTIVE', :hash, :now, :now)""")
			.param("id", id)
			.param("email", EmailAddresses.normalise(email))
			.param("name", name.strip())
			.param("role", role.name())
			.param("hash", passwordHash)
			.param("now", Timestamp.from(now))
			.update();
	}

	public void updateRole(long id, Role role, Instant now) {
		set(id, "role = :value", role.name(), now);
	}

	public void updateStatus(long id, StaffStatus status, Instant now) {
		set(id, "status = :value", status.name(), now);
	}

	public void updatePassword(long id, String hash, Instant now) {
		set(id, "password_hash = :value", hash, now);
	}

	public void updateName(long id, String name, Instant now) {
		set(id, "name = :value", name.strip(), now);
	}

	/** Keeps a secret being enrolled; two-factor sign-in stays off until a code confirms it. */
	public void storePendingTotpSecret(long id, String secret, Instant now) {
		jdbc.sql("update staff_member set totp_secret = :secret, updated_at = :now where id = :id and totp_enabled_at is null")
			.param("secret", secret).param("now", Timestamp.from(now)).param("id", id).update();
	}

	public void enableTotp(long id, long step, Instant now) {
		jdbc.sql("update staff_member set totp_enabled_at = :now, totp_last_step = :step, updated_at = :now where id = :id")
			.param("now", Timestamp.from(now)).param("step", step).param("id", id).update();
	}

	public void disableTotp(long id, Instant now) {
		jdbc.sql("""
				update staff_member set totp_secret = null, totp_enabled_at = null, totp_last_step = null,
				updated_at = :now where id = :id""")
			.param("now", Timestamp.from(now)).param("id", id).update();
	}

	/**
	 * Marks a time step as used, atomically: false if it (or a later one) was used already, so a
	 * code seen over someone's shoulder cannot be replayed within its 30 seconds.
	 */
	public boolean claimTotpStep(long id, long step) {
		return jdbc.sql("update staff_member set totp_last_step = :step where id = :id"
				+ " and (totp_last_step is null or totp_last_step < :step)")
			.param("step", step).param("id", id).update() == 1;
	}

	private void set(long id, String assignment, Object value, Instant now) {
		jdbc.sql("update staff_member set " + assignment + ", updated_at = :now where id = :id")
			.param("value", value).param("now", Timestamp.from(now)).param("id", id).update();
	}

	private static StaffAccount map(ResultSet rs, int row) throws SQLException {
		Timestamp enabled = rs.getTimestamp("totp_enabled_at");
		long lastStep = rs.getLong("totp_last_step");
		Long step = rs.wasNull() ? null : lastStep;
		return new StaffAccount(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
				Role.valueOf(rs.getString("role")), StaffStatus.valueOf(rs.getString("status")),
				rs.getString("password_hash"), rs.getString("totp_secret"), enabled == null ? null : enabled.toInstant(),
				step, rs.getTimestamp("created_at").toInstant());
	}

}
