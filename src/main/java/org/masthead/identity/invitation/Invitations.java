package org.masthead.identity.invitation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.masthead.identity.IdentityProperties;
import org.masthead.identity.Role;
import org.masthead.identity.StaffMember;
import org.masthead.identity.account.EmailAddresses;
import org.masthead.identity.account.FieldErrors;
import org.masthead.identity.account.PasswordPolicy;
import org.masthead.identity.account.SecretTokens;
import org.masthead.identity.account.StaffAccounts;
import org.masthead.identity.account.StaffNames;
import org.masthead.identity.account.StaffRepository;
import org.masthead.platform.AuditLog;
import org.masthead.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations for further staff: an Administrator names an email address and a role; the invitee
 * follows a single-use link, valid for {@code masthead.identity.invitation-validity}, and chooses
 * a name and password. Only the link's hash is stored.
 */
@Service
public class Invitations {

	private final JdbcClient jdbc;

	private final StaffRepository staff;

	private final StaffAccounts accounts;

	private final InvitationMail mail;

	private final AuditLog audit;

	private final IdentityProperties properties;

	private final Clock clock;

	Invitations(JdbcClient jdbc, StaffRepository staff, StaffAccounts accounts, InvitationMail mail, AuditLog audit,
			IdentityProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.staff = staff;
		this.accounts = accounts;
		this.mail = mail;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The outcome of inviting: what was wrong, or whether the mail went out; when it did not, the
	 * link to pass on by hand.
	 */
	public record Sent(FieldErrors errors, boolean mailed, String link) {

		public boolean isOk() {
			return errors.isEmpty();
		}
	}

	/** An invitation link's state, as the invitee meets it. */
	public enum LinkState {
		VALID, EXPIRED, USED, UNKNOWN
	}

	/** A valid invitation found by its link. */
	public record Pending(String email, Role role) {
	}

	@Transactional
	public Sent invite(StaffMember actor, String email, String roleName) {
		Role role = Role.parse(roleName);
		FieldErrors errors = new FieldErrors().check("email", EmailAddresses.problem(email))
			.check("role", role == null ? "Choose a role." : null);
		if (errors.get("email") == null && staff.findByEmail(email).isPresent()) {
			errors.check("email", "This person already has a staff account.");
		}
		if (!errors.isEmpty()) {
			return new Sent(errors, false, null);
		}
		String address = EmailAddresses.normalise(email);
		Instant now = clock.instant();
		// A new invitation replaces any earlier one still open for the same address.
		jdbc.sql("delete from staff_invitation where email = :email and accepted_at is null").param("email", address)
			.update();
		String secret = SecretTokens.newSecret();
		Instant expires = now.plus(properties.invitationValidity());
		long id = Ids.next();
		jdbc.sql("""
				insert into staff_invitation (id, email, role, token_hash, invited_by, created_at, expires_at)
				values (:id, :email, :role, :hash, :by, :now, :expires)""")
			.param("id", id).param("email", address).param("role", role.name())
			.param("hash", SecretTokens.sha256Hex(secret)).param("by", actor.id())
			.param("now", Timestamp.from(now)).param("expires", Timestamp.from(expires))
			.update();
		audit.record(actor.id(), actor.name(), "staff.invited", "invitation:" + id + " " + address, role.label());
		boolean mailed = mail.send(address, role, actor.name(), secret, expires);
		return new Sent(errors, mailed, mailed ? null : mail.link(secret));
	}

	@Transactional(readOnly = true)
	public LinkState state(String secret) {
		return row(secret).map(r -> r.acceptedAt() != null ? LinkState.USED
				: r.expiresAt().isAfter(clock.instant()) ? LinkState.VALID : LinkState.EXPIRED)
			.orElse(LinkState.UNKNOWN);
	}

	@Transactional(readOnly = true)
	public Optional<Pending> pending(String secret) {
		return state(secret) == LinkState.VALID ? row(secret).map(r -> new Pending(r.email(), r.role()))
				: Optional.empty();
	}

	/**
	 * Accepts an invitation: the link is claimed atomically, so a replayed or raced link creates
	 * no second account. Returns the form's errors, or none when the account now exists.
	 */
	@Transactional
	public FieldErrors accept(String secret, String name, String password) {
		Optional<Pending> pending = pending(secret);
		if (pending.isEmpty()) {
			return new FieldErrors().check("token", message(state(secret)));
		}
		String email = pending.get().email();
		FieldErrors errors = new FieldErrors().check("name", StaffNames.problem(name))
			.check("password", PasswordPolicy.problem(password, email));
		if (staff.findByEmail(email).isPresent()) {
			errors.check("token", "This invitation has been used already.");
		}
		if (!errors.isEmpty()) {
			return errors;
		}
		Instant now = clock.instant();
		int claimed = jdbc.sql("update staff_invitation set accepted_at = :now where token_hash = :hash"
				+ " and accepted_at is null and expires_at > :now")
			.param("now", Timestamp.from(now)).param("hash", SecretTokens.sha256Hex(secret)).update();
		if (claimed != 1) {
			return new FieldErrors().check("token", message(LinkState.USED));
		}
		Row row = row(secret).orElseThrow();
		long id = accounts.create(email, name, password, row.role(), row.invitedBy());
		jdbc.sql("update staff_invitation set accepted_by = :id where token_hash = :hash").param("id", id)
			.param("hash", SecretTokens.sha256Hex(secret)).update();
		return errors;
	}

	/** Invitations sent in the last month, newest first. */
	@Transactional(readOnly = true)
	public List<Invitation> recent() {
		return jdbc.sql("""
				select i.id, i.email, i.role, s.name as invited_by_name, i.created_at, i.expires_at, i.accepted_at
				from staff_invitation i left join staff_member s on s.id = i.invited_by
				where i.created_at > :since order by i.created_at desc, i.id desc""")
			.param("since", Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(31))))
			.query((rs, n) -> new Invitation(rs.getLong("id"), rs.getString("email"), Role.valueOf(rs.getString("role")),
					rs.getString("invited_by_name"), rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("expires_at").toInstant(), instant(rs.getTimestamp("accepted_at"))))
			.list();
	}

	public static String message(LinkState state) {
		return switch (state) {
			case VALID -> null;
			case EXPIRED -> "This invitation has expired. Ask an Administrator for a new one.";
			case USED -> "This invitation has been used already. Sign in instead, or ask for a new one.";
			case UNKNOWN -> "This invitation link is not valid. Check that you copied all of it.";
		};
	}

	private record Row(String email, Role role, Long invitedBy, Instant expiresAt, Instant acceptedAt) {
	}

	private Optional<Row> row(String secret) {
		if (secret == null || secret.isBlank() || secret.length() > 100) {
			return Optional.empty();
		}
		return jdbc.sql("select email, role, invited_by, expires_at, accepted_at from staff_invitation"
				+ " where token_hash = :hash")
			.param("hash", SecretTokens.sha256Hex(secret))
			.query(Invitations::map).optional();
	}

	private static Row map(ResultSet rs, int n) throws SQLException {
		long by = rs.getLong("invited_by");
		Long invitedBy = rs.wasNull() ? null : by;
		return new Row(rs.getString("email"), Role.valueOf(rs.getString("role")), invitedBy,
				rs.getTimestamp("expires_at").toInstant(), instant(rs.getTimestamp("accepted_at")));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
