package org.masthead.site.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Every date a reader sees, in the newsroom's time zone. */
public final class Dates {

	private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("MMMM d, yyyy h:mm a", Locale.ENGLISH);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH);

	private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private final ZoneId zone;

	public Dates(ZoneId zone) {
		this.zone = zone;
	}

	/** "December 27, 2024 12:28 AM". */
	public String full(Instant instant) {
		return FULL.format(instant.atZone(zone));
	}

	/** "December 27, 2024". */
	public String day(Instant instant) {
		return DAY.format(instant.atZone(zone));
	}

	/** "5:04 PM". */
	public String time(Instant instant) {
		return TIME.format(instant.atZone(zone));
	}

	/** The machine-readable form for {@code <time datetime>} and JSON-LD, with the zone's offset. */
	public String iso(Instant instant) {
		return ISO.format(instant.atZone(zone).withNano(0));
	}

}
