package org.masthead.audio.lexicon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One entry of the pronunciation lexicon: a word, how to respell it for voices that take no
 * phonemes, and optionally its phonemes in ARPAbet with stress digits ({@code k iy1 v}), which
 * Festival, flite and the SSML cloud voices use directly.
 *
 * @param word lower case letters, apostrophes and hyphens
 * @param respelling letters, spaces, apostrophes and hyphens, read as an ordinary word
 * @param phonemes ARPAbet phones separated by spaces, or null
 */
public record Pronunciation(long id, String word, String respelling, String phonemes) {

	public static final int MAX_WORD = 64;

	public static final int MAX_RESPELLING = 120;

	public static final int MAX_PHONEMES = 200;

	static final Pattern WORD = Pattern.compile("[a-z][a-z'-]{0,63}");

	static final Pattern RESPELLING = Pattern.compile("[A-Za-z][A-Za-z' -]{0,119}");

	/** ARPAbet phones to IPA, for PLS documents and SSML {@code <phoneme>}. */
	static final Map<String, String> IPA = Map.ofEntries(Map.entry("aa", "ɑ"), Map.entry("ae", "æ"),
			Map.entry("ah", "ʌ"), Map.entry("ao", "ɔ"), Map.entry("aw", "aʊ"), Map.entry("ax", "ə"),
			Map.entry("axr", "ɚ"), Map.entry("ay", "aɪ"), Map.entry("eh", "ɛ"), Map.entry("er", "ɝ"),
			Map.entry("ey", "eɪ"), Map.entry("ih", "ɪ"), Map.entry("iy", "i"), Map.entry("ow", "oʊ"),
			Map.entry("oy", "ɔɪ"), Map.entry("uh", "ʊ"), Map.entry("uw", "u"), Map.entry("b", "b"),
			Map.entry("ch", "tʃ"), Map.entry("d", "d"), Map.entry("dh", "ð"), Map.entry("f", "f"), Map.entry("g", "ɡ"),
			Map.entry("hh", "h"), Map.entry("jh", "dʒ"), Map.entry("k", "k"), Map.entry("l", "l"), Map.entry("m", "m"),
			Map.entry("n", "n"), Map.entry("ng", "ŋ"), Map.entry("p", "p"), Map.entry("r", "ɹ"), Map.entry("s", "s"),
			Map.entry("sh", "ʃ"), Map.entry("t", "t"), Map.entry("th", "θ"), Map.entry("v", "v"), Map.entry("w", "w"),
			Map.entry("y", "j"), Map.entry("z", "z"), Map.entry("zh", "ʒ"));

	private static final Set<String> VOWELS = Set.of("aa", "ae", "ah", "ao", "aw", "ax", "axr", "ay", "eh", "er", "ey",
			"ih", "iy", "ow", "oy", "uh", "uw");

	private static final Pattern PHONE = Pattern.compile("([a-z]{1,3})([012])?");

	/** The problem with a word, or null when it is acceptable. */
	public static String checkWord(String word) {
		if (word == null || word.isBlank()) {
			return "Enter the word as it is written.";
		}
		if (word.strip().length() > MAX_WORD) {
			return "A word has at most " + MAX_WORD + " characters.";
		}
		return WORD.matcher(word.strip().toLowerCase(Locale.ROOT)).matches() ? null
				: "Use letters only (apostrophes and hyphens inside the word are fine).";
	}

	/** The problem with a respelling, or null. */
	public static String checkRespelling(String respelling) {
		if (respelling == null || respelling.isBlank()) {
			return "Enter how the word sounds, spelled as ordinary English (Kyiv: Keev).";
		}
		if (respelling.strip().length() > MAX_RESPELLING) {
			return "A respelling has at most " + MAX_RESPELLING + " characters.";
		}
		return RESPELLING.matcher(respelling.strip()).matches() ? null
				: "Use letters, spaces, apostrophes and hyphens only.";
	}

	/** The problem with phonemes (may be blank), or null. */
	public static String checkPhonemes(String phonemes) {
		if (phonemes == null || phonemes.isBlank()) {
			return null;
		}
		if (phonemes.strip().length() > MAX_PHONEMES) {
			return "Phonemes have at most " + MAX_PHONEMES + " characters.";
		}
		boolean vowel = false;
		for (String phone : phonemes.strip().toLowerCase(Locale.ROOT).split("\\s+")) {
			var m = PHONE.matcher(phone);
			if (!m.matches() || !IPA.containsKey(m.group(1))) {
				return "\"" + phone + "\" is not an ARPAbet phoneme (for example: k iy1 v).";
			}
			boolean isVowel = isVowel(m.group(1));
			if (m.group(2) != null && !isVowel) {
				return "Only vowels take a stress digit: \"" + phone + "\".";
			}
			vowel |= isVowel;
		}
		return vowel ? null : "The phonemes need at least one vowel.";
	}

	static boolean isVowel(String phone) {
		return VOWELS.contains(phone);
	}

	public boolean hasPhonemes() {
		return phonemes != null && !phonemes.isBlank();
	}

	/** Phones with a stress digit on every vowel; the first vowel is stressed if none is. */
	List<String> stressedPhones() {
		List<String> phones = new ArrayList<>();
		boolean anyStress = phonemes.matches(".*[a-z]1.*");
		boolean first = true;
		for (String phone : phonemes.strip().toLowerCase(Locale.ROOT).split("\\s+")) {
			String base = phone.replaceAll("[012]$", "");
			if (isVowel(base)) {
				String stress = phone.length() > base.length() ? phone.substring(base.length()) : (!anyStress && first ? "1" : "0");
				phones.add(base + stress);
				first = false;
			}
			else {
				phones.add(base);
			}
		}
		return phones;
	}

	/** The phonemes in IPA, stress marked before the stressed vowel. */
	public String ipa() {
		StringBuilder out = new StringBuilder();
		for (String phone : stressedPhones()) {
			String base = phone.replaceAll("[012]$", "");
			if (phone.endsWith("1")) {
				out.append('ˈ');
			}
			else if (phone.endsWith("2")) {
				out.append('ˌ');
			}
			out.append(IPA.get(base));
		}
		return out.toString();
	}

}
