package org.masthead.newsletter.signup;

import java.sql.Timestamp;
import java.time.Instant;

import org.masthead.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Writes consent records: what a reader agreed to (or withdrew), where, when, from which hashed address. */
final class Consents {

	private Consents() {
	}

	static void record(JdbcClient jdbc, long subscriberId, long newsletterId, ConsentKind kind, Instant at, String form,
			String wording, String ipHash) {
		jdbc.sql("""
				insert into subscription_consent (id, subscriber_id, newsletter_id, kind, occurred_at, form, wording, ip_hash)
				values (:id, :s, :n, :kind, :at, :form, :wording, :ip)""")
			.param("id", Ids.next())
			.param("s", subscriberId)
			.param("n", newsletterId)
			.param("kind", kind.name())
			.param("at", Timestamp.from(at))
			.param("form", form.length() > 300 ? form.substring(0, 300) : form)
			.param("wording", wording.length() > 1000 ? wording.substring(0, 1000) : wording)
			.param("ip", ipHash)
			.update();
	}

}
