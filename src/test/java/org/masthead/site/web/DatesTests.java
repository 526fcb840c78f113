package org.masthead.site.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The dates written out by hand read exactly as the formatters' patterns would write them. */
class DatesTests {

	private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("MMMM d, yyyy h:mm a", Locale.ENGLISH);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH);

	@Test
	void examples() {
		Dates kyiv = new Dates(ZoneId.of("Europe/Kyiv"));
		Instant t = Instant.parse("2024-12-26T22:28:05.123Z");
		assertThat(kyiv.full(t)).isEqualTo("December 27, 2024 12:28 AM");
		assertThat(kyiv.day(t)).isEqualTo("December 27, 2024");
		assertThat(kyiv.time(t)).isEqualTo("12:28 AM");
		assertThat(kyiv.iso(t)).isEqualTo("2024-12-27T00:28:05+02:00");
		assertThat(new Dates(ZoneId.of("UTC")).iso(t)).isEqualTo("2024-12-26T22:28:05Z");
	}

	@Test
	void sameTextAsTheFormattersInManyZonesAcrossTheYears() {
		SplittableRandom random = new SplittableRandom(7);
		for (String id : new String[] { "Europe/Kyiv", "UTC", "Asia/Kolkata", "America/St_Johns", "Pacific/Chatham",
				"Europe/Dublin" }) {
			ZoneId zone = ZoneId.of(id);
			Dates dates = new Dates(zone);
			for (int i = 0; i < 20_000; i++) {
				// from year 1 to 12000: also the years written by the formatters themselves
				Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 316_000_000_000L),
						random.nextInt(1_000_000_000));
				var at = instant.atZone(zone);
				assertThat(dates.full(instant)).as("%s in %s", instant, id).isEqualTo(FULL.format(at));
				assertThat(dates.day(instant)).as("%s in %s", instant, id).isEqualTo(DAY.format(at));
				assertThat(dates.time(instant)).as("%s in %s", instant, id).isEqualTo(TIME.format(at));
				assertThat(dates.iso(instant)).as("%s in %s", instant, id)
					.isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.withNano(0)));
			}
		}
	}

}
