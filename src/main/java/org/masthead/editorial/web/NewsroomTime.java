package org.masthead.editorial.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import org.masthead.platform.MastheadProperties;
import org.springframework.stereotype.Component;

/**
 * Times as the newsroom reads and types them: in its own time zone ({@code masthead.site.time-zone}),
 * whatever the zone of the server or of the editor's browser.
 */
@Component
class NewsroomTime {

	private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

	private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private final ZoneId zone;

	NewsroomTime(MastheadProperties properties) {
		this.zone = properties.site().timeZone();
	}

	ZoneId zone() {
		return zone;
	}

	/** "Fri 27 Nov 2026, 21:05", or an empty string for none. */
	String full(Instant instant) {
		return instant == null ? "" : FULL.format(instant.atZone(zone));
	}

	/** "21:05". */
	String clock(Instant instant) {
		return instant == null ? "" : CLOCK.format(instant.atZone(zone));
	}

	/** The value of a {@code datetime-local} input for this instant. */
	String input(Instant instant) {
		return instant == null ? "" : LOCAL_INPUT.format(instant.atZone(zone));
	}

	/** The instant a {@code datetime-local} value means in the newsroom's zone, or empty when it is not one. */
	Optional<Instant> parse(String value) {
		if (value == null || value.isBlank() || value.length() > 40) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDateTime.parse(value.strip()).atZone(zone).toInstant());
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	/** The zone's name for labels, e.g. "Europe/Kyiv". */
	String zoneName() {
		return zone.getId();
	}

}
