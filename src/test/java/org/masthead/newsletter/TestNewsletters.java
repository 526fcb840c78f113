package org.masthead.newsletter;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.masthead.platform.Ids;
import org.masthead.testing.TestContent;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Newsletters and subscribers for tests, written with SQL. */
public final class TestNewsletters {

	private TestNewsletters() {
	}

	/** A newsletter as a test knows it. */
	public record Newsletter(long id, String slug, String name) {
	}

	public static Newsletter create(JdbcClient jdbc) {
		String slug = TestContent.unique("briefing");
		long id = Ids.next();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("insert into newsletter (id, slug, name, description, host_name, cadence, sender_name, sender_address, "
				+ "reply_to, status, position, tracking_enabled, created_at, updated_at) values (:id, :slug, :name, "
				+ "'The morning news in five minutes.', null, 'Every weekday morning', 'The Ledger Briefing', "
				+ "'briefing@ledger.test', 'letters@ledger.test', 'ACTIVE', 1, false, :now, :now)")
			.param("id", id)
			.param("slug", slug)
			.param("name", "Briefing " + slug)
			.param("now", now)
			.update();
		return new Newsletter(id, slug, "Briefing " + slug);
	}

	/** A subscriber with a subscription in {@code status} (PENDING, CONFIRMED, UNSUBSCRIBED); returns its id. */
	public static long subscriber(JdbcClient jdbc, Newsletter newsletter, String address, String status) {
		long id = Ids.next();
		Timestamp now = Timestamp.from(Instant.now());
		String key = address.substring(0, address.lastIndexOf('@')) + address.substring(address.lastIndexOf('@')).toLowerCase();
		jdbc.sql("insert into subscriber (id, address, address_key, created_at, updated_at) values (:id, :a, :k, :now, :now)")
			.param("id", id)
			.param("a", address)
			.param("k", key)
			.param("now", now)
			.update();
		jdbc.sql("insert into subscription (subscriber_id, newsletter_id, status, created_at, confirmed_at, unsubscribed_at) "
				+ "values (:s, :n, :status, :now, :confirmed, :unsubscribed)")
			.param("s", id)
			.param("n", newsletter.id())
			.param("status", status)
			.param("now", now)
			.param("confirmed", "PENDING".equals(status) ? null : now)
			.param("unsubscribed", "UNSUBSCRIBED".equals(status) ? now : null)
			.update();
		return id;
	}

	/** {@code count} confirmed subscribers with unique addresses at {@code domain}. */
	public static List<String> confirmed(JdbcClient jdbc, Newsletter newsletter, int count, String domain) {
		List<String> addresses = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String address = TestContent.unique("reader") + "@" + domain;
			subscriber(jdbc, newsletter, address, "CONFIRMED");
			addresses.add(address);
		}
		return addresses;
	}

}
