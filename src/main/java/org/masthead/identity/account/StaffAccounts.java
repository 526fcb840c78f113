package org.masthead.identity.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.masthead.identity.Role;
import org.masthead.identity.StaffDisabled;
import org.masthead.identity.StaffMember;
import org.masthead.identity.StaffRoleChanged;
import org.masthead.platform.AuditLog;
import org.masthead.platform.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and changing staff accounts. Every role change, disabling and re-enabling is written to
 * the audit log in the same transaction, and ends the staff member's sessions.
 */
@Service
public class StaffAccounts {

	private static final String SETUP_MARKER = "setup.owner-created";

	private final StaffRepository staff;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final StaffSessions sessions;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	StaffAccounts(StaffRepository staff, PasswordEncoder passwords, AuditLog audit, StaffSessions sessions,
			ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
		this.staff = staff;
		this.passwords = passwords;
		this.audit = audit;
		this.sessions = sessions;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The outcome of a form: the new or changed account, or what was wrong, field by field. */
	public record Result(Long id, FieldErrors errors) {

		public static Result ok(long id) {
			return new Result(id, new FieldErrors());
		}

		public static Result failed(FieldErrors errors) {
			return new Result(null, errors);
		}

		public boolean isOk() {
			return errors.isEmpty();
		}
	}

	/** What is wrong with a new account's fields, field by field. */
	public FieldErrors validateNew(String email, String name, String password) {
		FieldErrors errors = new FieldErrors().check("email", EmailAddresses.problem(email))
			.check("name", StaffNames.problem(name))
			.check("password", PasswordPolicy.problem(password, email));
		if (errors.get("email") == null && staff.findByEmail(email).isPresent()) {
			errors.check("email", "A staff account with this email address exists already.");
		}
		return errors;
	}

	/**
	 * Creates the owner, an Administrator, on an empty database (the setup page and the CLI). The
	 * setup marker's primary key makes a second owner impossible even when two requests race.
	 */
	@Transactional
	public Result createOwner(String email, String name, String password) {
		if (staff.hasAny()) {
			return Result.failed(new FieldErrors().check("email", "The owner account exists already."));
		}
		FieldErrors errors = validateNew(email, name, password);
		if (!errors.isEmpty()) {
			return Result.failed(errors);
		}
		long id = Ids.next();
		try {
			jdbc.sql("insert into identity_setting (name, setting_value, updated_at) values (:name, :value, :now)")
				.param("name", SETUP_MARKER).param("value", String.valueOf(id))
				.param("now", Timestamp.from(clock.instant())).update();
		}
		catch (DuplicateKeyException ex) {
			return Result.failed(new FieldErrors().check("email", "The owner account exists already."));
		}
		staff.insert(id, email, name, Role.ADMINISTRATOR, passwords.encode(password), clock.instant());
		audit.record(id, name.strip(), "staff.owner-created", subject(id, name), "Administrator");
		return Result.ok(id);
	}

	/** Creates an account for an accepted invitation; the caller has validated the fields. */
	@Transactional
	public long create(String email, String name, String password, Role role, Long invitedBy) {
		long id = Ids.next();
		staff.insert(id, email, name, role, passwords.encode(password), clock.instant());
		audit.record(id, name.strip(), "staff.joined", subject(id, name),
				role.label() + (invitedBy == null ? "" : ", invited by staff " + invitedBy));
		return id;
	}

	/** Changes a staff member's role. Administrators cannot change their own role. */
	@Transactional
	public Optional<String> changeRole(StaffMember actor, long staffId, Role role) {
		StaffAccount account = staff.findById(staffId).orElse(null);
		if (account == null) {
			return Optional.of("There is no such staff member.");
		}
		if (actor != null && actor.id() == staffId) {
			return Optional.of("You cannot change your own role.");
		}
		if (account.role() == role) {
			return Optional.empty();
		}
		staff.updateRole(staffId, role, clock.instant());
		audit.record(actor == null ? null : actor.id(), actor == null ? null : actor.name(), "staff.role-changed",
				subject(staffId, account.name()), account.role().label() + " → " + role.label());
		events.publishEvent(new StaffRoleChanged(staffId, account.role(), role, actor == null ? null : actor.id()));
		sessions.endAllAfterCommit(staffId);
		return Optional.empty();
	}

	/** Disables an account: it can no longer sign in, and its sessions end now. */
	@Transactional
	public Optional<String> disable(StaffMember actor, long staffId) {
		StaffAccount account = staff.findById(staffId).orElse(null);
		if (account == null) {
			return Optional.of("There is no such staff member.");
		}
		if (actor.id() == staffId) {
			return Optional.of("You cannot disable your own account.");
		}
		if (!account.isActive()) {
			return Optional.empty();
		}
		staff.updateStatus(staffId, StaffStatus.DISABLED, clock.instant());
		audit.record(actor.id(), actor.name(), "staff.disabled", subject(staffId, account.name()), null);
		events.publishEvent(new StaffDisabled(staffId, actor.id()));
		sessions.endAllAfterCommit(staffId);
		return Optional.empty();
	}

	/** Lets a disabled account sign in again. */
	@Transactional
	public Optional<String> enable(StaffMember actor, long staffId) {
		StaffAccount account = staff.findById(staffId).orElse(null);
		if (account == null) {
			return Optional.of("There is no such staff member.");
		}
		if (!account.isActive()) {
			staff.updateStatus(staffId, StaffStatus.ACTIVE, clock.instant());
			audit.record(actor.id(), actor.name(), "staff.enabled", subject(staffId, account.name()), null);
		}
		return Optional.empty();
	}

	/**
	 * Turns off someone's two-factor sign-in (a lost phone): they sign in with their password and,
	 * if the newsroom requires it, enrol again. Their sessions end.
	 */
	@Transactional
	public Optional<String> resetTwoFactor(StaffMember actor, long staffId) {
		StaffAccount account = staff.findById(staffId).orElse(null);
		if (account == null) {
			return Optional.of("There is no such staff member.");
		}
		if (actor.id() == staffId) {
			return Optional.of("Turn off your own two-factor sign-in on your account page.");
		}
		if (!account.hasTwoFactor()) {
			return Optional.empty();
		}
		staff.disableTotp(staffId, clock.instant());
		audit.record(actor.id(), actor.name(), "staff.two-factor-reset", subject(staffId, account.name()), null);
		sessions.endAllAfterCommit(staffId);
		return Optional.empty();
	}

	/** Changes one's own password after checking the current one (the caller ends other sessions). */
	@Transactional
	public FieldErrors changePassword(long staffId, String current, String replacement) {
		StaffAccount account = staff.findById(staffId).orElseThrow();
		FieldErrors errors = new FieldErrors();
		if (current == null || current.length() > PasswordPolicy.MAX_LENGTH * 4
				|| !passwords.matches(current, account.passwordHash())) {
			errors.check("currentPassword", "That is not your current password.");
		}
		errors.check("newPassword", PasswordPolicy.problem(replacement, account.email()));
		if (errors.isEmpty()) {
			staff.updatePassword(staffId, passwords.encode(replacement), clock.instant());
			audit.record(staffId, account.name(), "staff.password-changed", subject(staffId, account.name()), null);
		}
		return errors;
	}

	/** Changes one's own display name. */
	@Transactional
	public FieldErrors rename(long staffId, String name) {
		FieldErrors errors = new FieldErrors().check("name", StaffNames.problem(name));
		if (errors.isEmpty()) {
			staff.updateName(staffId, name, clock.instant());
		}
		return errors;
	}

	static String subject(long id, String name) {
		return "staff:" + id + " \"" + name.strip() + "\"";
	}

}
