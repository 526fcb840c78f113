package org.masthead.audio.speech;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns written English into speech text every engine reads the same way: plain ASCII letters,
 * spaces and sentence punctuation only. Dates ("Dec. 26"), times ("5:04 PM"), money ("€180
 * million"), percentages, numbers, abbreviations ("Dr.", "St.") become words; curly quotes, dashes
 * and symbols become plain punctuation or words. Festival and flite read other bytes letter by
 * letter (a curly apostrophe makes them spell the word), so nothing else survives.
 *
 * <p>The output never contains digits, brackets, quotes other than an apostrophe inside a word, or
 * anything a shell, Scheme or SSML would treat as syntax.
 */
public final class SpeechNormaliser {

	/** Every character the output may contain. */
	public static final Pattern SAFE = Pattern.compile("[A-Za-z .,;:?!'\\-\\n]*");

	private static final String MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
			+ "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

	private static final String NUMBER = "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?";

	private static final Pattern DATE_ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");

	private static final Pattern DATE_MONTH_DAY = Pattern
		.compile("\\b(" + MONTHS + ")\\.? (\\d{1,2})(?:st|nd|rd|th)?\\b(?!:|\\.\\d)(?:,? (\\d{4})\\b)?");

	private static final Pattern DATE_DAY_MONTH = Pattern
		.compile("\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?(" + MONTHS + ")\\b\\.?(?: (\\d{4})\\b)?");

	private static final Pattern TIME_12H = Pattern
		.compile("\\b(\\d{1,2})(?::(\\d{2}))?\\s?([AaPp])\\.?\\s?[Mm]\\b\\.?");

	private static final Pattern TIME_24H = Pattern.compile("\\b([01]?\\d|2[0-3]):([0-5]\\d)\\b");

	private static final Pattern MONEY_BEFORE = Pattern.compile("(US|A|C|NZ|HK)?([$€£¥₴₽₹])\\s?(" + NUMBER
			+ ")(?:\\s?(trillion|billion|million|thousand|tn|bn|mn|m|k)\\b)?");

	private static final Pattern MONEY_CODE_AFTER = Pattern.compile("\\b(" + NUMBER
			+ ")(?:\\s?(trillion|billion|million|thousand|tn|bn|mn|m|k)\\b)?\\s?(USD|EUR|GBP|UAH|JPY|RUB|PLN)\\b");

	private static final Pattern MONEY_CODE_BEFORE = Pattern.compile("\\b(USD|EUR|GBP|UAH|JPY|RUB|PLN)\\s?(" + NUMBER
			+ ")(?:\\s?(trillion|billion|million|thousand|tn|bn|mn|m|k)\\b)?");

	private static final Pattern PERCENT = Pattern.compile("(" + NUMBER + ")\\s?(?:%|per ?cent\\b)");

	private static final Pattern DECADE = Pattern.compile("(?<![\\w'])'?(\\d|\\d{3})0s\\b");

	private static final Pattern ORDINAL = Pattern.compile("\\b(\\d{1,9})(?:st|nd|rd|th)\\b");

	private static final Pattern RANGE = Pattern.compile("(?<![\\w.,])(" + NUMBER + ")\\s?[-–—]\\s?(" + NUMBER + ")\\b");

	private static final Pattern NUMBER_SIGN = Pattern.compile("(?:\\bNo\\.|\\bno\\.|#)\\s?(?=\\d)");

	private static final Pattern NEGATIVE = Pattern.compile("(?<![\\w.,])[-−](?=\\d)");

	private static final Pattern YEAR = Pattern.compile("(?<![\\d,.])(1[89]\\d\\d|20\\d\\d)(?![\\d,]|\\.\\d)");

	private static final Pattern PLAIN_NUMBER = Pattern.compile(NUMBER);

	private static final Pattern UNIT = Pattern.compile("(" + NUMBER
			+ ")\\s?(km/h|km|kg|cm|mm|mph|kWh|kW|MW|GW|°C|°F|ha|sq km|m²|km²)(?![A-Za-z])");

	private static final Pattern URL = Pattern.compile("\\b(?:https?://|www\\.)\\S+");

	private static final Pattern EMAIL = Pattern.compile("\\b([\\w.+-]+)@([\\w-]+(?:\\.[\\w-]+)+)\\b");

	private static final Pattern SAINT_OR_STREET = Pattern.compile("\\bSt\\.(?= ?)");

	private static final Map<String, String> ABBREVIATIONS = new LinkedHashMap<>();

	private static final Map<String, String> MONTH_NAMES = new LinkedHashMap<>();

	private static final Map<String, String[]> CURRENCIES = Map.of("$", new String[] { "dollar", "dollars", "cent", "cents" },
			"€", new String[] { "euro", "euros", "cent", "cents" }, "£", new String[] { "pound", "pounds", "penny", "pence" },
			"¥", new String[] { "yen", "yen", "sen", "sen" }, "₴", new String[] { "hryvnia", "hryvnias", "kopiyka", "kopiykas" },
			"₽", new String[] { "ruble", "rubles", "kopek", "kopeks" }, "₹", new String[] { "rupee", "rupees", "paisa", "paise" });

	private static final Map<String, String> CODES = Map.of("USD", "$", "EUR", "€", "GBP", "£", "UAH", "₴", "JPY", "¥",
			"RUB", "₽", "PLN", "zloty");

	private static final Map<String, String> UNITS = Map.ofEntries(Map.entry("km/h", "kilometres per hour"),
			Map.entry("km", "kilometres"), Map.entry("kg", "kilograms"), Map.entry("cm", "centimetres"),
			Map.entry("mm", "millimetres"), Map.entry("mph", "miles per hour"), Map.entry("kWh", "kilowatt hours"),
			Map.entry("kW", "kilowatts"), Map.entry("MW", "megawatts"), Map.entry("GW", "gigawatts"),
			Map.entry("°C", "degrees Celsius"), Map.entry("°F", "degrees Fahrenheit"), Map.entry("ha", "hectares"),
			Map.entry("sq km", "square kilometres"), Map.entry("m²", "square metres"), Map.entry("km²", "square kilometres"));

	private static final Map<Character, String> SYMBOLS = new LinkedHashMap<>();

	static {
		String[][] abbreviations = { { "Mr.", "Mister" }, { "Mrs.", "Missus" }, { "Ms.", "Miz" }, { "Dr.", "Doctor" },
				{ "Prof.", "Professor" }, { "Gen.", "General" }, { "Col.", "Colonel" }, { "Lt.", "Lieutenant" },
				{ "Capt.", "Captain" }, { "Sgt.", "Sergeant" }, { "Gov.", "Governor" }, { "Sen.", "Senator" },
				{ "Rep.", "Representative" }, { "Pres.", "President" }, { "Rev.", "Reverend" }, { "Jr.", "Junior" },
				{ "Sr.", "Senior" }, { "Ave.", "Avenue" }, { "Rd.", "Road" }, { "Blvd.", "Boulevard" }, { "Mt.", "Mount" },
				{ "Ft.", "Fort" }, { "vs.", "versus" }, { "etc.", "et cetera" }, { "e.g.", "for example" },
				{ "i.e.", "that is" }, { "approx.", "approximately" }, { "Inc.", "Incorporated" }, { "Ltd.", "Limited" },
				{ "Co.", "Company" }, { "Corp.", "Corporation" }, { "Dept.", "Department" }, { "Univ.", "University" } };
		for (String[] a : abbreviations) {
			ABBREVIATIONS.put(a[0], a[1]);
		}
		String[] full = { "January", "February", "March", "April", "May", "June", "July", "August", "September",
				"October", "November", "December" };
		for (String month : full) {
			MONTH_NAMES.put(month.toLowerCase(Locale.ROOT), month);
			MONTH_NAMES.put(month.substring(0, 3).toLowerCase(Locale.ROOT), month);
		}
		MONTH_NAMES.put("sept", "September");
		String[][] symbols = { { "&", " and " }, { "@", " at " }, { "+", " plus " }, { "=", " equals " },
				{ "°", " degrees " }, { "×", " by " }, { "§", " section " }, { "/", " " }, { "\\", " " }, { "|", ", " },
				{ "•", ", " }, { "·", ", " }, { "(", ", " }, { ")", ", " }, { "[", ", " }, { "]", ", " }, { "{", ", " },
				{ "}", ", " }, { "<", " " }, { ">", " " }, { "*", " " }, { "_", " " }, { "~", " " }, { "^", " " },
				{ "`", " " }, { "\"", " " }, { "$", " dollars " }, { "€", " euros " }, { "£", " pounds " },
				{ "%", " percent " }, { "#", " " }, { "½", " and a half " }, { "¼", " and a quarter " },
				{ "¾", " and three quarters " }, { "…", ". " } };
		for (String[] s : symbols) {
			SYMBOLS.put(s[0].charAt(0), s[1]);
		}
	}

	private SpeechNormaliser() {
	}

	/** Speech text for one paragraph (or a headline), ending in sentence punctuation. */
	public static String paragraph(String text) {
		String spoken = normalise(text).strip();
		if (spoken.isEmpty()) {
			return spoken;
		}
		char last = spoken.charAt(spoken.length() - 1);
		if (last == ',' || last == ';' || last == ':' || last == '-' || last == '\'') {
			spoken = spoken.substring(0, spoken.length() - 1).strip();
		}
		return spoken.isEmpty() || ".?!".indexOf(spoken.charAt(spoken.length() - 1)) >= 0 ? spoken : spoken + ".";
	}

	/** Speech text for any written text; see the class description. */
	public static String normalise(String text) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		String s = typography(text);
		s = URL.matcher(s).replaceAll(" ");
		s = replace(EMAIL, s, m -> " " + m.group(1).replace('.', ' ') + " at " + m.group(2).replace(".", " dot ") + " ");
		s = replace(DATE_ISO, s, SpeechNormaliser::isoDate);
		s = replace(TIME_12H, s, SpeechNormaliser::time12);
		s = replace(TIME_24H, s, SpeechNormaliser::time24);
		s = replace(DATE_MONTH_DAY, s, SpeechNormaliser::monthDay);
		s = replace(DATE_DAY_MONTH, s, SpeechNormaliser::dayMonth);
		s = replace(MONEY_BEFORE, s, m -> money(m.group(2), m.group(3), m.group(4)));
		s = replace(MONEY_CODE_AFTER, s, m -> money(CODES.get(m.group(3)), m.group(1), m.group(2)));
		s = replace(MONEY_CODE_BEFORE, s, m -> money(CODES.get(m.group(1)), m.group(2), m.group(3)));
		s = replace(PERCENT, s, m -> " " + NumberWords.number(m.group(1)) + " percent ");
		s = replace(UNIT, s, m -> " " + NumberWords.number(m.group(1)) + " " + UNITS.get(m.group(2)) + " ");
		s = replace(DECADE, s, SpeechNormaliser::decade);
		s = replace(ORDINAL, s, m -> NumberWords.ordinal(Long.parseLong(m.group(1))));
		s = replace(NUMBER_SIGN, s, m -> " number ");
		s = replace(RANGE, s, m -> " " + numberOrYear(m.group(1)) + " to " + numberOrYear(m.group(2)) + " ");
		s = replace(NEGATIVE, s, m -> " minus ");
		s = replace(YEAR, s, m -> NumberWords.year(Integer.parseInt(m.group(1))));
		s = replace(PLAIN_NUMBER, s, m -> " " + NumberWords.number(m.group()) + " ");
		s = abbreviations(s);
		s = symbols(s);
		s = transliterate(s);
		return tidy(s);
	}

	/** Curly quotes, dashes, spaces and ligatures to plain ASCII punctuation. */
	private static String typography(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u02BC', '\u0060', '\u00B4' -> out.append('\'');
				case '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u2039', '\u203A', '\u2033' -> out.append('"');
				case '\u2013', '\u2014', '\u2015', '\u2012', '\u2E3A', '\u2E3B' -> out.append(" \u2014 ");
				case '\u2010', '\u2011', '\u00AD' -> out.append('-');
				case '\u2212' -> out.append('\u2212');
				case '\u00A0', '\u2007', '\u202F', '\u2009', '\u200A', '\u2002', '\u2003', '\t', '\r', '\f', '\u000B' -> out.append(' ');
				case '\u200B', '\u200C', '\u200D', '\uFEFF' -> {
				}
				default -> out.append(c);
			}
		}
		// Numeric ranges keep their dash for RANGE; any other dash is a pause.
		String s = out.toString().replaceAll("(\\d) \u2014 (\\d)", "$1-$2");
		return s;
	}

	private static String replace(Pattern pattern, String text, Function<Matcher, String> words) {
		Matcher m = pattern.matcher(text);
		if (!m.find()) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length() + 32);
		do {
			m.appendReplacement(out, Matcher.quoteReplacement(words.apply(m)));
		}
		while (m.find());
		m.appendTail(out);
		return out.toString();
	}

	private static String isoDate(Matcher m) {
		int month = Integer.parseInt(m.group(2));
		int day = Integer.parseInt(m.group(3));
		if (month < 1 || month > 12 || day < 1 || day > 31) {
			return m.group();
		}
		String name = MONTH_NAMES.values().stream().distinct().skip(month - 1).findFirst().orElseThrow();
		return name + " " + NumberWords.ordinal(day) + ", " + NumberWords.year(Integer.parseInt(m.group(1)));
	}

	private static String monthDay(Matcher m) {
		int day = Integer.parseInt(m.group(2));
		if (day < 1 || day > 31) {
			return m.group();
		}
		String words = MONTH_NAMES.get(m.group(1).toLowerCase(Locale.ROOT)) + " " + NumberWords.ordinal(day);
		return m.group(3) == null ? words : words + ", " + NumberWords.year(Integer.parseInt(m.group(3)));
	}

	private static String dayMonth(Matcher m) {
		int day = Integer.parseInt(m.group(1));
		if (day < 1 || day > 31) {
			return m.group();
		}
		String words = "the " + NumberWords.ordinal(day) + " of " + MONTH_NAMES.get(m.group(2).toLowerCase(Locale.ROOT));
		return m.group(3) == null ? words : words + ", " + NumberWords.year(Integer.parseInt(m.group(3)));
	}

	private static String time12(Matcher m) {
		int hour = Integer.parseInt(m.group(1));
		if (hour < 1 || hour > 12) {
			return m.group();
		}
		String minutes = m.group(2) == null ? "" : minutes(Integer.parseInt(m.group(2)));
		String half = Character.toUpperCase(m.group(3).charAt(0)) + " M";
		return " " + NumberWords.cardinal(hour) + (minutes.isEmpty() ? "" : " " + minutes) + " " + half + " ";
	}

	private static String time24(Matcher m) {
		int hour = Integer.parseInt(m.group(1));
		int minute = Integer.parseInt(m.group(2));
		if (minute == 0) {
			return " " + (hour == 0 ? "midnight" : hour > 12 ? NumberWords.cardinal(hour) + " hundred"
					: NumberWords.cardinal(hour) + " o'clock") + " ";
		}
		return " " + (hour == 0 ? "zero" : NumberWords.cardinal(hour)) + " " + minutes(minute) + " ";
	}

	private static String minutes(int minute) {
		return minute == 0 ? "" : minute < 10 ? "oh " + NumberWords.cardinal(minute) : NumberWords.cardinal(minute);
	}

	private static String money(String symbol, String amount, String scale) {
		String[] names = CURRENCIES.get(symbol);
		if (names == null) {
			// A currency without a symbol of its own, such as the zloty: the amount, then the name.
			return " " + NumberWords.number(amount) + scaleWords(scale) + " " + symbol + " ";
		}
		String plain = amount.replace(",", "");
		if (scale == null && plain.matches("\\d+\\.\\d{2}")) {
			long whole = Long.parseLong(plain.substring(0, plain.indexOf('.')));
			int cents = Integer.parseInt(plain.substring(plain.indexOf('.') + 1));
			String main = NumberWords.cardinal(whole) + " " + (whole == 1 ? names[0] : names[1]);
			return cents == 0 ? " " + main + " "
					: " " + main + " and " + NumberWords.cardinal(cents) + " " + (cents == 1 ? names[2] : names[3]) + " ";
		}
		boolean one = scale == null && plain.equals("1");
		return " " + NumberWords.number(amount) + scaleWords(scale) + " " + (one ? names[0] : names[1]) + " ";
	}

	private static String scaleWords(String scale) {
		if (scale == null) {
			return "";
		}
		return " " + switch (scale) {
			case "tn" -> "trillion";
			case "bn" -> "billion";
			case "m", "mn" -> "million";
			case "k" -> "thousand";
			default -> scale;
		};
	}

	private static String decade(Matcher m) {
		String digits = m.group(1) + "0";
		String words = digits.length() == 2 ? NumberWords.cardinal(Integer.parseInt(digits))
				: NumberWords.year(Integer.parseInt(digits));
		return words.endsWith("y") ? words.substring(0, words.length() - 1) + "ies" : words + "s";
	}

	private static String numberOrYear(String digits) {
		return YEAR.matcher(digits).matches() ? NumberWords.year(Integer.parseInt(digits)) : NumberWords.number(digits);
	}

	private static String abbreviations(String s) {
		String out = s;
		Matcher st = SAINT_OR_STREET.matcher(out);
		if (st.find()) {
			StringBuilder b = new StringBuilder();
			do {
				String before = out.substring(Math.max(0, st.start() - 30), st.start()).stripTrailing();
				String after = out.substring(st.end()).stripLeading();
				boolean afterName = !before.isEmpty() && before.substring(before.lastIndexOf(' ') + 1).matches("[A-Z][a-z]+");
				boolean beforeName = !after.isEmpty() && Character.isUpperCase(after.charAt(0));
				st.appendReplacement(b, afterName && !beforeName ? "Street" : afterName ? "Street," : "Saint");
			}
			while (st.find());
			st.appendTail(b);
			out = b.toString();
		}
		for (Map.Entry<String, String> a : ABBREVIATIONS.entrySet()) {
			String word = a.getKey();
			if (out.contains(word)) {
				Pattern p = Pattern.compile("(?<![\\w.])" + Pattern.quote(word) + "(\\s*$|\\s*\\n)?");
				out = replace(p, out, m -> a.getValue() + (m.group(1) != null ? "." + m.group(1) : ""));
			}
		}
		return out;
	}

	private static String symbols(String s) {
		StringBuilder out = new StringBuilder(s.length() + 16);
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			String word = SYMBOLS.get(c);
			if (word != null) {
				out.append(word);
			}
			else if (c == '\u2212') {
				out.append(" minus ");
			}
			else if (c == '\u2014') {
				out.append(", ");
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	/** Letters from other alphabets and with accents, as the nearest plain Latin letters. */
	static String transliterate(String s) {
		StringBuilder out = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c < 128) {
				out.append(c);
				continue;
			}
			String latin = Transliteration.latin(c);
			if (latin != null) {
				out.append(latin);
				continue;
			}
			String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKD);
			boolean appended = false;
			for (int j = 0; j < decomposed.length(); j++) {
				char d = decomposed.charAt(j);
				if (d < 128 && (Character.isLetter(d) || d == ' ')) {
					out.append(d);
					appended = true;
				}
			}
			if (!appended && (Character.isWhitespace(c) || Character.isSpaceChar(c))) {
				out.append(' ');
			}
			else if (!appended && !Character.isLetter(c) && Character.getType(c) != Character.NON_SPACING_MARK) {
				out.append(' ');
			}
		}
		return out.toString();
	}

	/** Only safe characters, single spaces, clean punctuation. */
	private static String tidy(String s) {
		StringBuilder out = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\n' || ".,;:?!'-".indexOf(c) >= 0) {
				out.append(c);
			}
			else if (c >= '0' && c <= '9') {
				// Not reached after PLAIN_NUMBER; kept as a last line of defence.
				out.append(' ').append(NumberWords.digitByDigit(String.valueOf(c))).append(' ');
			}
			else {
				out.append(' ');
			}
		}
		String t = out.toString();
		t = t.replaceAll("(?<![A-Za-z])'|'(?![A-Za-z])", " "); // apostrophes only inside words
		t = t.replaceAll("(?<![A-Za-z])-|-(?![A-Za-z])", " "); // hyphens only inside words
		t = t.replaceAll("[ ]+", " ");
		t = t.replaceAll(" *\\n[ \\n]*", "\n");
		t = t.replaceAll(" +([.,;:?!])", "$1");
		t = t.replaceAll("([.?!])[.,;:?!]+", "$1");
		t = t.replaceAll("([,;:])[,;:]+", "$1");
		t = t.replaceAll("([,;:])([.?!])", "$2");
		t = t.replaceAll("(^|\\n)[ .,;:?!]+", "$1");
		t = t.replaceAll("([.,;:?!])(?=[A-Za-z])", "$1 ");
		return t.strip();
	}

}
