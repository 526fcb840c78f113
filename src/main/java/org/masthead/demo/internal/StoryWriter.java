package org.masthead.demo.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.masthead.demo.internal.StoryWords.Beat;

/**
 * Writes plausible local news stories from {@link StoryWords}: a headline, a dek and a Markdown body
 * of 400 to 700 words with paragraphs, a sub-heading and a blockquote. The same seed always gives
 * the same story, so a generated newsroom can be rebuilt identically.
 */
final class StoryWriter {

	private static final Pattern SLOT = Pattern.compile("\\{([A-Za-z]+[0-9]?)}");

	private static final Pattern ARTICLE = Pattern.compile("(The|A|An) ");

	private static final List<String> LEDES = List.of(
			"The question of {object} has divided {place} for years. On {weekday}, {actor} moved to settle it.",
			"{Actor} took a decision about {object} on {weekday} that will shape {place} for years to come.",
			"For {group} in {place}, {object} has long been a promise rather than a plan. That changed this week.",
			"It took {small} years of argument, but {actor} has finally reached a decision about {object}.");

	private static final List<String> DEKS = List.of(
			"The decision affects about {number} {group} and is expected to cost {money}.",
			"{Person}, {role}, called it overdue; critics say the estimates are optimistic.",
			"Work could start in {month}, after {reason}.",
			"A consultation drew {number} responses; the final vote is due in {month}.",
			"Supporters say {place} has waited long enough. Opponents want a second look at the cost.");

	private static final List<String> SMALL = List.of("two", "three", "four", "five", "six", "seven", "eight",
			"nine");

	private static final List<String> ORDINALS = List.of("second", "third", "fourth");

	private static final List<String> TIMES_OF_DAY = List.of("morning", "afternoon", "evening");

	/** A generated story; {@code motif} names the hero picture that fits it. */
	record Story(String slug, String headline, String dek, String markdown, String motif, String heroAlt,
			String heroCaption) {
	}

	private StoryWriter() {
	}

	/** The story for a seed on a section's beat; {@code number} makes the slug unique. */
	static Story write(Beat beat, long seed, long number) {
		Random rng = new Random(seed);
		Cast cast = new Cast(beat, rng);
		String headline = capitalize(cast.actor + " " + pick(beat.verbs(), rng) + " " + cast.object
				+ (rng.nextInt(4) == 0 ? " after " + pick(StoryWords.REASONS, rng) : ""));
		List<String> deks = shuffled(DEKS, rng);
		String dek = cast.fill(deks.get(0)) + " " + cast.fill(deks.get(1));
		String motif = pick(beat.motifs(), rng);
		String caption = capitalize(cast.place) + " on a " + pick(StoryWords.WEEKDAYS, rng) + " "
				+ pick(TIMES_OF_DAY, rng) + ".";
		return new Story(slug(headline, number), headline, dek, body(cast, rng), motif, StoryWords.HERO_ALT.get(motif),
				caption);
	}

	private static String body(Cast cast, Random rng) {
		int target = 400 + rng.nextInt(301);
		List<String> sentences = shuffled(StoryWords.SENTENCES, rng);
		List<String> subheadings = shuffled(StoryWords.SUBHEADINGS, rng);
		StringBuilder md = new StringBuilder();
		int words = 0;
		int next = 0;
		String lede = cast.fill(pick(LEDES, rng));
		md.append(lede).append("\n\n");
		words += count(lede);
		boolean headed = false;
		boolean quoted = false;
		boolean secondHeading = false;
		// Stops early rather than repeat a sentence: a story a little short reads better than an echo.
		while (words < target && next + 4 <= sentences.size()) {
			if (!headed && words > target * 0.4) {
				md.append("## ").append(subheadings.get(0)).append("\n\n");
				headed = true;
			}
			else if (headed && quoted && !secondHeading && words > target * 0.75 && words < target * 0.9) {
				md.append("## ").append(subheadings.get(1)).append("\n\n");
				secondHeading = true;
			}
			if (headed && !quoted && words > target * 0.6) {
				String quote = "\"" + cast.fill(pick(StoryWords.QUOTES, rng)) + "\" — " + cast.person2 + ", " + cast.role2;
				md.append("> ").append(quote).append("\n\n");
				words += count(quote);
				quoted = true;
			}
			StringBuilder paragraph = new StringBuilder();
			int length = 2 + rng.nextInt(3);
			for (int i = 0; i < length; i++) {
				String sentence = cast.fill(sentences.get(next++));
				paragraph.append(i == 0 ? "" : " ").append(sentence);
				words += count(sentence);
			}
			md.append(paragraph).append("\n\n");
		}
		return md.toString().strip() + "\n";
	}

	/** The people, places and things one story is about, and the filling of its slots. */
	private static final class Cast {

		final Random rng;

		final Beat beat;

		final String actor;

		final String object;

		final String place;

		final String place2;

		final String person;

		final String person2;

		final String role;

		final String role2;

		final String group;

		Cast(Beat beat, Random rng) {
			this.rng = rng;
			this.beat = beat;
			this.actor = pick(beat.actors(), rng);
			this.object = pick(beat.objects(), rng);
			List<String> places = shuffled(StoryWords.PLACES, rng);
			this.place = places.get(0);
			this.place2 = places.get(1);
			List<String> roles = shuffled(beat.roles(), rng);
			this.role = roles.get(0);
			this.role2 = roles.get(1);
			this.person = pick(StoryWords.FIRST_NAMES, rng) + " " + pick(StoryWords.SURNAMES, rng);
			String other;
			do {
				other = pick(StoryWords.FIRST_NAMES, rng) + " " + pick(StoryWords.SURNAMES, rng);
			}
			while (other.equals(person));
			this.person2 = other;
			this.group = pick(beat.groups(), rng);
		}

		String fill(String template) {
			Matcher m = SLOT.matcher(template);
			StringBuilder out = new StringBuilder();
			while (m.find()) {
				m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), m.start() == 0)));
			}
			m.appendTail(out);
			return out.toString();
		}

		private String value(String slot, boolean startsSentence) {
			String value = switch (slot) {
				case "Actor", "actor" -> actor;
				case "object" -> object;
				case "place" -> place;
				case "place2" -> place2;
				case "Person" -> person;
				case "Person2" -> person2;
				case "role" -> role;
				case "role2" -> role2;
				case "group" -> group;
				case "number" -> String.format(Locale.ENGLISH, "%,d", 120 + rng.nextInt(8900));
				case "small" -> pick(SMALL, rng);
				case "tens" -> String.valueOf(20 + 10 * rng.nextInt(12));
				case "ordinal" -> pick(ORDINALS, rng);
				case "money" -> String.format(Locale.ENGLISH, "%.1f million euros", 0.8 + rng.nextInt(400) / 10.0);
				case "money2" -> String.format(Locale.ENGLISH, "%.1f million euros", 0.5 + rng.nextInt(200) / 10.0);
				case "percent" -> String.valueOf(5 + rng.nextInt(56));
				case "month" -> pick(StoryWords.MONTHS, rng);
				case "weekday" -> pick(StoryWords.WEEKDAYS, rng);
				case "year" -> String.valueOf(1998 + rng.nextInt(24));
				case "reason" -> pick(StoryWords.REASONS, rng);
				default -> throw new IllegalArgumentException("Unknown slot {" + slot + "}");
			};
			if (slot.equals("actor") && !startsSentence && ARTICLE.matcher(value).lookingAt()) {
				return Character.toLowerCase(value.charAt(0)) + value.substring(1);
			}
			return startsSentence ? capitalize(value) : value;
		}

	}

	static String slug(String headline, long number) {
		String ascii = Normalizer.normalize(headline, Normalizer.Form.NFD).replaceAll("[^\\p{ASCII}]", "");
		String base = ascii.toLowerCase(Locale.ROOT).replace("'", "").replaceAll("[^a-z0-9]+", "-")
			.replaceAll("^-|-$", "");
		if (base.length() > 80) {
			base = base.substring(0, base.lastIndexOf('-', 80));
		}
		return base + "-" + number;
	}

	private static int count(String text) {
		return text.split("\\s+").length;
	}

	private static String capitalize(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	static <T> T pick(List<T> list, Random rng) {
		return list.get(rng.nextInt(list.size()));
	}

	static <T> List<T> shuffled(List<T> list, Random rng) {
		List<T> copy = new ArrayList<>(list);
		Collections.shuffle(copy, rng);
		return copy;
	}

}
