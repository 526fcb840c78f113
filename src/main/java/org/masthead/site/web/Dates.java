package org.masthead.site.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Every date a reader sees, in the newsroom's time zone. An article page shows some twenty dates
 * (its own, the News Feed column's, the rail's lists, the JSON-LD), so the common four-digit years
 * are written out directly rather than through {@link DateTimeFormatter}, which cost a noticeable
 * share of a page's render; {@code DatesTests} checks both give the same text.
 */
public final class Dates {

	private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("MMMM d, yyyy h:mm a", Locale.ENGLISH);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH);

	private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private static final String[] MONTHS = { "January", "February", "March", "April", "May", "June", "July",
			"August", "September", "October", "November", "December" };

	private final ZoneId zone;

	public Dates(ZoneId zone) {
		this.zone = zone;
	}

	/** "December 27, 2024 12:28 AM". */
	public String full(Instant instant) {
		ZonedDateTime t = instant.atZone(zone);
		if (!isPlainYear(t)) {
			return FULL.format(t);
		}
		StringBuilder out = new StringBuilder(28);
		day(out, t).append(' ');
		return time(out, t).toString();
	}

	/** "December 27, 2024". */
	public String day(Instant instant) {
		ZonedDateTime t = instant.atZone(zone);
		if (!isPlainYear(t)) {
			return DAY.format(t);
		}
		return day(new StringBuilder(20), t).toString();
	}

	/** "5:04 PM". */
	public String time(Instant instant) {
		return time(new StringBuilder(8), instant.atZone(zone)).toString();
	}

	/** The machine-readable form for {@code <time datetime>} and JSON-LD, with the zone's offset. */
	public String iso(Instant instant) {
		ZonedDateTime t = instant.atZone(zone);
		if (!isPlainYear(t)) {
			return ISO.format(t.withNano(0));
		}
		StringBuilder out = new StringBuilder(25).append(t.getYear()).append('-');
		two(out, t.getMonthValue()).append('-');
		two(out, t.getDayOfMonth()).append('T');
		two(out, t.getHour()).append(':');
		two(out, t.getMinute()).append(':');
		two(out, t.getSecond());
		return out.append(t.getOffset().getId()).toString();
	}

	private static boolean isPlainYear(ZonedDateTime t) {
		return t.getYear() >= 1000 && t.getYear() <= 9999;
	}

	private static StringBuilder day(StringBuilder out, ZonedDateTime t) {
		return out.append(MONTHS[t.getMonthValue() - 1]).append(' ').append(t.getDayOfMonth()).append(", ")
			.append(t.getYear());
	}

	private static StringBuilder time(StringBuilder out, ZonedDateTime t) {
		int hour = t.getHour() % 12;
		out.append(hour == 0 ? 12 : hour).append(':');
		return two(out, t.getMinute()).append(t.getHour() < 12 ? " AM" : " PM");
	}

	private static StringBuilder two(StringBuilder out, int value) {
		return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
	}

}
