package org.masthead.identity.account;

import java.sql.Timestamp;
import java.time.Clock;

import org.masthead.identity.StaffMember;
import org.masthead.platform.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Newsroom-wide sign-in settings, kept in the database so every node sees the same. */
@Service
public class IdentitySettings {

	static final String TWO_FACTOR_REQUIRED = "two-factor.required";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	IdentitySettings(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether every staff member must use two-factor sign-in. */
	@Transactional(readOnly = true)
	public boolean isTwoFactorRequired() {
		return jdbc.sql("select setting_value from identity_setting where name = :name")
			.param("name", TWO_FACTOR_REQUIRED).query(String.class).optional().map("1"::equals).orElse(false);
	}

	@Transactional
	public void requireTwoFactor(StaffMember actor, boolean required) {
		if (required == isTwoFactorRequired()) {
			return;
		}
		Timestamp now = Timestamp.from(clock.instant());
		int updated = jdbc.sql("update identity_setting set setting_value = :value, updated_at = :now where name = :name")
			.param("value", required ? "1" : "0").param("now", now).param("name", TWO_FACTOR_REQUIRED).update();
		if (updated == 0) {
			jdbc.sql("insert into identity_setting (name, setting_value, updated_at) values (:name, :value, :now)")
				.param("value", required ? "1" : "0").param("now", now).param("name", TWO_FACTOR_REQUIRED).update();
		}
		audit.record(actor.id(), actor.name(), "settings.changed", "setting:" + TWO_FACTOR_REQUIRED,
				required ? "Two-factor sign-in required for all staff" : "Two-factor sign-in optional");
	}

}
