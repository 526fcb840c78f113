package org.masthead.identity.token;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.masthead.identity.Role;
import org.masthead.identity.StaffMember;
import org.masthead.identity.account.FieldErrors;
import org.masthead.identity.account.SecretTokens;
import org.masthead.platform.AuditLog;
import org.masthead.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for the Admin API: {@code mh_} and 32 random bytes, shown once when created and
 * kept only as a SHA-256 hash. A token carries its own role; revoking it takes effect on the next
 * request.
 */
@Service
public class ApiTokens {

	public static final String PREFIX = "mh_";

	public static final int MAX_NAME_LENGTH = 100;

	/** How stale "last used" may get, so that every API request does not write to the database. */
	private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	ApiTokens(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** A new token: the secret (shown once) or what was wrong with the form. */
	public record Created(long id, String secret, FieldErrors errors) {

		public boolean isOk() {
			return errors.isEmpty();
		}
	}

	/** Creates a token; {@code creator} is null when the CLI creates it. */
	@Transactional
	public Created create(String name, String roleName, StaffMember creator) {
		Role role = Role.parse(roleName);
		FieldErrors errors = new FieldErrors().check("name", nameProblem(name))
			.check("role", role == null ? "Choose a role: contributor, author, editor or administrator." : null);
		if (!errors.isEmpty()) {
			return new Created(0, null, errors);
		}
		String secret = PREFIX + SecretTokens.newSecret();
		long id = Ids.next();
		jdbc.sql("""
				insert into api_token (id, name, role, token_hash, token_prefix, created_by, created_at)
				values (:id, :name, :role, :hash, :prefix, :createdBy, :now)""")
			.param("id", id).param("name", name.strip()).param("role", role.name()).param("hash", hash(secret))
			.param("prefix", secret.substring(0, PREFIX.length() + 4))
			.param("createdBy", creator == null ? null : creator.id())
			.param("now", Timestamp.from(clock.instant()))
			.update();
		audit.record(creator == null ? null : creator.id(), creator == null ? "command line" : creator.name(),
				"api-token.created", subject(id, name), role.label());
		return new Created(id, secret, errors);
	}

	@Transactional(readOnly = true)
	public List<ApiToken> list() {
		return jdbc.sql("""
				select t.id, t.name, t.role, t.token_prefix, t.created_by, s.name as created_by_name, t.created_at,
				t.last_used_at, t.revoked_at from api_token t left join staff_member s on s.id = t.created_by
				order by t.created_at desc, t.id desc""")
			.query(ApiTokens::map).list();
	}

	/** Revokes a token; false if there is no such token or it was revoked already. */
	@Transactional
	public boolean revoke(long id, StaffMember actor) {
		Optional<String> name = jdbc.sql("select name from api_token where id = :id and revoked_at is null")
			.param("id", id).query(String.class).optional();
		if (name.isEmpty()) {
			return false;
		}
		jdbc.sql("update api_token set revoked_at = :now where id = :id")
			.param("now", Timestamp.from(clock.instant())).param("id", id).update();
		audit.record(actor.id(), actor.name(), "api-token.revoked", subject(id, name.get()), null);
		return true;
	}

	/** The staff view of the live token with this secret, if there is one. */
	@Transactional
	public Optional<StaffMember> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		record Row(long id, String name, Role role, Instant lastUsed) {
		}
		Optional<Row> found = jdbc.sql("select id, name, role, last_used_at from api_token"
				+ " where token_hash = :hash and revoked_at is null")
			.param("hash", hash(secret))
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("name"), Role.valueOf(rs.getString("role")),
					instant(rs.getTimestamp("last_used_at"))))
			.optional();
		found.ifPresent(row -> touch(row.id(), row.lastUsed()));
		return found.map(row -> asStaff(row.id(), row.name(), row.role()));
	}

	/** How a token appears as a {@link StaffMember}: no email, its own id, a name saying what it is. */
	public static StaffMember asStaff(long id, String name, Role role) {
		return new StaffMember(id, null, "API token “" + name + "”", role);
	}

	private void touch(long id, Instant lastUsed) {
		Instant now = clock.instant();
		if (lastUsed == null || lastUsed.plus(LAST_USED_PRECISION).isBefore(now)) {
			jdbc.sql("update api_token set last_used_at = :now where id = :id")
				.param("now", Timestamp.from(now)).param("id", id).update();
		}
	}

	/** What is wrong with a token name, or null. */
	public static String nameProblem(String name) {
		if (name == null || name.isBlank()) {
			return "Enter a name that says what the token is for.";
		}
		if (name.strip().length() > MAX_NAME_LENGTH) {
			return "A token name has at most " + MAX_NAME_LENGTH + " characters.";
		}
		if (name.chars().anyMatch(Character::isISOControl)) {
			return "A token name cannot contain line breaks or control characters.";
		}
		return null;
	}

	static String hash(String secret) {
		return SecretTokens.sha256Hex(secret);
	}

	private static String subject(long id, String name) {
		return "api-token:" + id + " \"" + name.strip() + "\"";
	}

	private static ApiToken map(ResultSet rs, int row) throws SQLException {
		long createdBy = rs.getLong("created_by");
		Long creator = rs.wasNull() ? null : createdBy;
		return new ApiToken(rs.getLong("id"), rs.getString("name"), Role.valueOf(rs.getString("role")),
				rs.getString("token_prefix"), creator, rs.getString("created_by_name"),
				rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("last_used_at")),
				instant(rs.getTimestamp("revoked_at")));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
