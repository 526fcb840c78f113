package org.masthead.newsletter.signup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.masthead.newsletter.InvalidNewsletterException;
import org.masthead.newsletter.Newsletter;
import org.masthead.newsletter.NewsletterDraft;
import org.masthead.newsletter.NewsletterStatus;
import org.masthead.newsletter.Newsletters;
import org.masthead.newsletter.NewslettersChanged;
import org.masthead.platform.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Newsletters in the database; {@link NewslettersChanged} goes out once a change is committed. */
@Service
class JdbcNewsletters implements Newsletters {

	private static final String COLUMNS = "id, slug, name, description, host_name, cadence, sender_name, sender_address, "
			+ "reply_to, status, position, tracking_enabled, created_at, updated_at";

	private static final String ORDER = " order by position, name, id";

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	JdbcNewsletters(JdbcClient jdbc, PlatformTransactionManager transactions, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.events = events;
		this.clock = clock;
	}

	@Override
	public List<Newsletter> all() {
		return jdbc.sql("select " + COLUMNS + " from newsletter" + ORDER).query(JdbcNewsletters::newsletter).list();
	}

	@Override
	public List<Newsletter> active() {
		return jdbc.sql("select " + COLUMNS + " from newsletter where status = :status" + ORDER)
			.param("status", NewsletterStatus.ACTIVE.name())
			.query(JdbcNewsletters::newsletter)
			.list();
	}

	@Override
	public Optional<Newsletter> bySlug(String slug) {
		return jdbc.sql("select " + COLUMNS + " from newsletter where slug = :slug")
			.param("slug", slug)
			.query(JdbcNewsletters::newsletter)
			.optional();
	}

	@Override
	public Optional<Newsletter> byId(long id) {
		return jdbc.sql("select " + COLUMNS + " from newsletter where id = :id")
			.param("id", id)
			.query(JdbcNewsletters::newsletter)
			.optional();
	}

	@Override
	public long create(NewsletterDraft draft) {
		NewsletterDraft d = check(draft);
		long id = Ids.next();
		write(id, d.slug(), () -> {
			Timestamp now = Timestamp.from(clock.instant());
			return jdbc.sql("""
					insert into newsletter (id, slug, name, description, host_name, cadence, sender_name, sender_address,
					  reply_to, status, position, tracking_enabled, created_at, updated_at)
					values (:id, :slug, :name, :description, :host, :cadence, :senderName, :senderAddress, :replyTo,
					  :status, :position, :tracking, :now, :now)""")
				.params(params(id, d, now))
				.update();
		});
		return id;
	}

	@Override
	public boolean update(long id, NewsletterDraft draft) {
		NewsletterDraft d = check(draft);
		return write(id, d.slug(), () -> jdbc.sql("""
				update newsletter set slug = :slug, name = :name, description = :description, host_name = :host,
				  cadence = :cadence, sender_name = :senderName, sender_address = :senderAddress, reply_to = :replyTo,
				  status = :status, position = :position, tracking_enabled = :tracking, updated_at = :now
				where id = :id""")
			.params(params(id, d, Timestamp.from(clock.instant())))
			.update()) > 0;
	}

	private int write(long id, String slug, java.util.function.IntSupplier change) {
		try {
			Integer rows = transactions.execute(status -> {
				if (jdbc.sql("select count(*) from newsletter where slug = :slug and id <> :id").param("slug", slug)
					.param("id", id).query(Long.class).single() > 0) {
					throw new DuplicateKeyException(slug);
				}
				int n = change.getAsInt();
				if (n > 0) {
					events.publishEvent(new NewslettersChanged(id));
				}
				return n;
			});
			return rows == null ? 0 : rows;
		}
		catch (DataIntegrityViolationException ex) { // also a second node taking the slug at the same moment
			throw new InvalidNewsletterException(Map.of("slug", "Another newsletter has this address already. Choose another."));
		}
	}

	private static Map<String, Object> params(long id, NewsletterDraft d, Timestamp now) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("id", id);
		p.put("slug", d.slug());
		p.put("name", d.name());
		p.put("description", d.description());
		p.put("host", d.hostName());
		p.put("cadence", d.cadence());
		p.put("senderName", d.senderName());
		p.put("senderAddress", d.senderAddress());
		p.put("replyTo", d.replyTo());
		p.put("status", d.status().name());
		p.put("position", d.position());
		p.put("tracking", d.trackingEnabled());
		p.put("now", now);
		return p;
	}

	/** Trims the draft and checks every field; all problems at once, by field. */
	static NewsletterDraft check(NewsletterDraft draft) {
		Map<String, String> errors = new LinkedHashMap<>();
		String name = text(draft.name(), "name", "a name", 120, true, errors);
		String slug = text(draft.slug(), "slug", "an address", 100, true, errors);
		if (slug != null && !SLUG.matcher(slug).matches()) {
			errors.put("slug", "Use lower-case letters, digits and single hyphens, e.g. morning-briefing.");
		}
		String description = text(draft.description(), "description", "a description", 1000, true, errors);
		String host = text(draft.hostName(), "hostName", "a host", 200, false, errors);
		String cadence = text(draft.cadence(), "cadence", "how often it comes", 100, true, errors);
		String senderName = text(draft.senderName(), "senderName", "a sender name", 120, true, errors);
		String senderAddress = address(draft.senderAddress(), "senderAddress", true, errors);
		String replyTo = address(draft.replyTo(), "replyTo", false, errors);
		if (draft.status() == null) {
			errors.put("status", "Choose a status.");
		}
		if (draft.position() < 0 || draft.position() > 9999) {
			errors.put("position", "Give a position from 0 to 9999.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidNewsletterException(errors);
		}
		return new NewsletterDraft(name, slug, description, host, cadence, senderName, senderAddress, replyTo,
				draft.status(), draft.position(), draft.trackingEnabled());
	}

	private static String text(String value, String field, String what, int max, boolean required,
			Map<String, String> errors) {
		String v = value == null ? "" : value.strip();
		if (v.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
			errors.put(field, "Use a single line without control characters.");
			return null;
		}
		if (v.isEmpty()) {
			if (required) {
				errors.put(field, "Enter " + what + ".");
			}
			return null;
		}
		if (v.length() > max) {
			errors.put(field, "Use at most " + max + " characters (now " + v.length() + ").");
			return null;
		}
		return v;
	}

	private static String address(String value, String field, boolean required, Map<String, String> errors) {
		String v = value == null ? "" : value.strip();
		if (v.isEmpty()) {
			if (required) {
				errors.put(field, "Enter an email address.");
			}
			return null;
		}
		if (EmailAddress.check(v) instanceof EmailAddress.Valid valid) {
			return valid.address().address();
		}
		errors.put(field, "Enter one email address, like news@example.com, without line breaks.");
		return null;
	}

	static Newsletter newsletter(ResultSet rs, int row) throws SQLException {
		return new Newsletter(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("description"),
				rs.getString("host_name"), rs.getString("cadence"), rs.getString("sender_name"),
				rs.getString("sender_address"), rs.getString("reply_to"), NewsletterStatus.valueOf(rs.getString("status")),
				rs.getInt("position"), rs.getBoolean("tracking_enabled"), instant(rs, "created_at"),
				instant(rs, "updated_at"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

}
