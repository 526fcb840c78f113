package org.masthead.content.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Binds and reads instants the one way both SQLite and PostgreSQL agree on. */
final class Times {

	private Times() {
	}

	static Timestamp bind(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	static Instant read(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

}
